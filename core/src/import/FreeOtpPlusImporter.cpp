// FreeOTP+ JSON export: { "tokenOrder": [...], "tokens": [ { "algo", "counter", "digits",
// "issuerExt", "issuerInt", "label", "period", "secret": [signed bytes], "type": "TOTP" | "HOTP" |
// "STEAM" } ] }. FreeOTP+ increments an HOTP counter before computing a code, so it stores the counter
// of the last code shown: the next one is counter + 1.

#include "ImportSupport.h"
#include "Importers.h"

namespace authcore::importing {

namespace {

constexpr OtpParameterKeys kTokenKeys{"algo", "digits", "period", "counter", /*counterRequired=*/false};

Botan::secure_vector<uint8_t> secretFromSignedBytes(const Json& array)
{
	if (!array.is_array())
		throw Error(ErrorKind::MalformedFile, "secret", "'secret' must be a list of bytes");
	Botan::secure_vector<uint8_t> secret;
	secret.reserve(array.size());
	for (const Json& value : array) {
		if (!value.is_number_integer())
			throw Error(ErrorKind::MalformedFile, "secret", "'secret' must be a list of bytes");
		int64_t byte = value.get<int64_t>();
		if (byte < -128 || byte > 255)
			throw Error(ErrorKind::MalformedFile, "secret", "'secret' holds a value that is not a byte");
		secret.push_back(static_cast<uint8_t>(byte & 0xFF));
	}
	return secret;
}

std::optional<Account> readToken(const Json& token)
{
	Account account;
	account.secret = secretFromSignedBytes(requiredMember(token, "secret"));
	account.issuer = textMember(token, "issuerExt");
	if (account.issuer.empty())
		account.issuer = textMember(token, "issuerInt");
	account.name = textMember(token, "label");
	setTypeFromName(account, textMember(token, "type", "TOTP"), "type");
	if (account.type == OtpType::Steam)
		return account;
	readOtpParameters(account, token, kTokenKeys);
	if (account.type == OtpType::Hotp)
		account.counter += 1; // the stored counter is the last one used (see the top of this file)
	return account;
}

class FreeOtpPlusImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "freeotp_plus"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		return isJsonObjectWith(input, {"tokens"});
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view>) const override
	{
		const Json& document = requireInputJson(input);
		ImportResult result;
		readEntries(arrayMember(document, "tokens"), result, readToken);
		return result;
	}
};

} // namespace

const Importer& freeOtpPlusImporter()
{
	static const FreeOtpPlusImporter importer;
	return importer;
}

} // namespace authcore::importing
