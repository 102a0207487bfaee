// 2FAS backup (.2fas, older .json), schemas 1-4:
//
//   { "schemaVersion": 1..4, "services": [ service... ],
//     "servicesEncrypted": "CIPHERTEXT:SALT:IV" (each Base64), "reference": ... }   (encrypted only)
//   service = { "name", "secret" (Base32),
//               "otp": { "account", "issuer", "digits", "period", "algorithm", "counter",
//                        "tokenType": "TOTP" | "HOTP" | "STEAM" } }
//
// Schema 1 stores only name, secret and labels (everything is TOTP/SHA1/6/30); schema 2 adds digits,
// period and algorithm but not the type; 3 and 4 add tokenType and counter. Encrypted backups use
// AES-256-GCM (tag appended) under PBKDF2-HMAC-SHA256(password, SALT, 10,000 iterations, 32 bytes);
// the plaintext is the JSON list of services.

#include "ImportSupport.h"
#include "Importers.h"

namespace authcore::importing {

namespace {

constexpr int64_t kMaxSchema = 4;
constexpr size_t kPbkdf2Iterations = 10'000;
constexpr size_t kKeyLength = 32;
constexpr OtpParameterKeys kOtpKeys{"algorithm", "digits", "period", "counter", /*counterRequired=*/false};

std::optional<Account> readService(const Json& service)
{
	Account account;
	account.secret = secretFromBase32(requiredText(service, "secret"));
	const Json* otp = member(service, "otp");
	static const Json empty = Json::object();
	const Json& o = otp ? *otp : empty;
	account.issuer = textMember(o, "issuer");
	if (account.issuer.empty())
		account.issuer = textMember(service, "name");
	account.name = textMember(o, "account");

	setTypeFromName(account, textMember(o, "tokenType", "TOTP"), "tokenType");
	if (account.type != OtpType::Steam)
		readOtpParameters(account, o, kOtpKeys);
	return account;
}

Json decryptServices(const std::string& field, std::optional<std::string_view> password)
{
	std::string_view typed = requirePassword(password, "2FAS");
	size_t first = field.find(':');
	size_t second = first == std::string::npos ? std::string::npos : field.find(':', first + 1);
	if (second == std::string::npos || field.find(':', second + 1) != std::string::npos)
		throw Error(ErrorKind::MalformedFile, "servicesEncrypted", "the encrypted services are not CIPHERTEXT:SALT:IV");
	auto ciphertext = decodeBase64(std::string_view(field).substr(0, first), "servicesEncrypted");
	auto salt = decodeBase64(std::string_view(field).substr(first + 1, second - first - 1), "salt");
	auto iv = decodeBase64(std::string_view(field).substr(second + 1), "iv");
	KdfBudget budget;
	auto key = pbkdf2(budget, "SHA-256", typed, salt, kPbkdf2Iterations, kKeyLength);
	auto plaintext = gcmDecrypt(key, iv, ciphertext, ErrorKind::WrongPassword, "servicesEncrypted");
	return parseJson(std::string_view(reinterpret_cast<const char*>(plaintext.data()), plaintext.size()), "servicesEncrypted");
}

class TwoFasImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "2fas"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		return isJsonObjectWith(input, {"schemaVersion", "services"});
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view> password) const override
	{
		const Json& document = requireInputJson(input);
		int64_t schema = requiredInteger(document, "schemaVersion");
		if (schema < 1 || schema > kMaxSchema)
			throw Error(ErrorKind::UnsupportedVersion, "schemaVersion", "2FAS schema " + std::to_string(schema) + " is not supported");
		std::string encrypted = textMember(document, "servicesEncrypted");
		ImportResult result;
		if (encrypted.empty()) {
			readEntries(arrayMember(document, "services"), result, readService);
		} else {
			Json services = decryptServices(encrypted, password);
			if (!services.is_array())
				throw Error(ErrorKind::MalformedFile, "servicesEncrypted", "the decrypted services are not a list");
			readEntries(services, result, readService);
		}
		return result;
	}
};

} // namespace

const Importer& twoFasImporter()
{
	static const TwoFasImporter importer;
	return importer;
}

} // namespace authcore::importing
