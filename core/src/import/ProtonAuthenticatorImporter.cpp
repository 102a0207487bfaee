// Proton Authenticator's JSON export: { "version": 1, "entries": [ { "id", "content": { "uri",
// "entry_type": "Totp" | "Steam", "name" }, "note" } ] }. The uri is an otpauth:// URI, or
// "steam://SECRET" for Steam entries, whose name then comes from content.name.

#include "ImportSupport.h"
#include "Importers.h"

#include <algorithm>

namespace authcore::importing {

namespace {

constexpr int64_t kVersion = 1;

class ProtonAuthenticatorImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "proton_authenticator"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		try {
			const Json* document = inputJson(input);
			if (!document || !document->is_object() || !document->contains("version"))
				return false;
			auto entries = document->find("entries");
			return entries != document->end() && entries->is_array() &&
				   std::all_of(entries->begin(), entries->end(), [](const Json& e) { return e.is_object() && e.contains("content"); });
		} catch (...) { // iterator misuse cannot happen on these checks; detect() promises not to throw
			return false;
		}
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view>) const override
	{
		const Json& document = requireInputJson(input);
		if (requiredInteger(document, "version") != kVersion)
			throw Error(ErrorKind::UnsupportedVersion, "version", "this Proton Authenticator export version is not supported");
		ImportResult result;
		readEntries(arrayMember(document, "entries"), result, [](const Json& entry) -> std::optional<Account> {
			const Json& content = requiredMember(entry, "content");
			Account account = accountFromTotpField(requiredText(content, "uri"));
			if (account.name.empty())
				account.name = textMember(content, "name");
			return account;
		});
		return result;
	}
};

} // namespace

const Importer& protonAuthenticatorImporter()
{
	static const ProtonAuthenticatorImporter importer;
	return importer;
}

} // namespace authcore::importing
