// Bitwarden's unencrypted JSON export: { "encrypted": false, "items": [ { "name", "login":
// { "username", "totp" } } ] }. The totp field holds an otpauth:// URI, "steam://SECRET" or a bare
// Base32 key; items without one are passwords, not accounts, and are passed over silently.
// Password-protected exports ("encrypted": true) are not read: the user exports without a password.

#include "ImportSupport.h"
#include "Importers.h"

namespace authcore::importing {

namespace {

class BitwardenJsonImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "bitwarden_json"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		return isJsonObjectWith(input, {"items", "encrypted"});
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view>) const override
	{
		const Json& document = requireInputJson(input);
		const Json* encrypted = member(document, "encrypted");
		if (encrypted && (!encrypted->is_boolean() || encrypted->get<bool>()))
			throw Error(ErrorKind::UnsupportedFormat, "encrypted",
						"password-protected Bitwarden exports cannot be read: export the vault as plain JSON");
		ImportResult result;
		readEntries(arrayMember(document, "items"), result, [](const Json& item) -> std::optional<Account> {
			const Json* login = member(item, "login");
			if (!login)
				return std::nullopt;
			std::string totp = textMember(*login, "totp");
			if (totp.empty())
				return std::nullopt;
			Account account = accountFromTotpField(totp);
			if (account.issuer.empty())
				account.issuer = textMember(item, "name");
			if (account.name.empty())
				account.name = textMember(*login, "username");
			return account;
		});
		return result;
	}
};

} // namespace

const Importer& bitwardenJsonImporter()
{
	static const BitwardenJsonImporter importer;
	return importer;
}

} // namespace authcore::importing
