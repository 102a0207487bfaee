// Authenticator Pro (Stratum) backups (doc/BACKUP_FORMAT.md in its repository):
//   plain   JSON { "Authenticators": [ {Type 1 HOTP | 2 TOTP | 3 mOTP | 4 Steam | 5 Yandex, Issuer,
//           Username, Secret (Base32), Algorithm 0 SHA1 | 1 SHA256 | 2 SHA512, Digits, Period, Counter} ],
//           "Categories": ..., ... }
//   current "AUTHENTICATORPRO" (16) | salt (16) | nonce (12) | AES-256-GCM ciphertext + tag (16);
//           key = Argon2id(password, salt, t=3, m=64 MiB, p=4, 32 bytes)
//   legacy  "AuthenticatorPro" (16) | salt (20) | IV (16) | AES-256-CBC/PKCS#7 ciphertext;
//           key = PBKDF2-HMAC-SHA1(password, salt, 64,000, 32 bytes). No MAC: a wrong password shows
//           as bad padding or non-JSON, and is reported as WrongPassword.

#include "ImportSupport.h"
#include "Importers.h"

#include "authcore/account/AccountFields.h"

#include <botan/cipher_mode.h>
#include <botan/exceptn.h>
#include <botan/pwdhash.h>

namespace authcore::importing {

namespace {

constexpr std::string_view kHeader = "AUTHENTICATORPRO", kLegacyHeader = "AuthenticatorPro";
constexpr size_t kSaltSize = 16, kNonceSize = 12, kLegacySaltSize = 20, kLegacyIvSize = 16, kKeyLength = 32;
constexpr size_t kArgonMemoryKiB = 65536, kArgonIterations = 3, kArgonParallelism = 4;
constexpr size_t kLegacyIterations = 64'000;
constexpr int64_t kHotp = 1, kTotp = 2, kMobileOtp = 3, kSteam = 4, kYandex = 5;
// The algorithm is a number here (0 SHA1, 1 SHA256, 2 SHA512), read on its own.
constexpr OtpParameterKeys kEntryKeys{"Algorithm", "Digits", "Period", "Counter", /*counterRequired=*/false};

bool startsWith(std::span<const uint8_t> bytes, std::string_view header)
{
	return bytes.size() >= header.size() &&
		   std::string_view(reinterpret_cast<const char*>(bytes.data()), header.size()) == header;
}

std::optional<Account> readAuthenticator(const Json& entry)
{
	Account account;
	int64_t type = requiredInteger(entry, "Type");
	account.issuer = textMember(entry, "Issuer");
	account.name = textMember(entry, "Username");
	if (type == kMobileOtp || type == kYandex)
		throw Error(ErrorKind::InvalidArgument, "Type", type == kYandex ? "Yandex accounts are not supported" : "mOTP accounts are not supported");
	account.secret = secretFromBase32(requiredText(entry, "Secret"));
	if (type == kSteam) {
		makeSteamAccount(account);
		return account;
	}
	if (type != kHotp && type != kTotp)
		throw Error(ErrorKind::InvalidArgument, "Type", "unknown account type " + std::to_string(type));
	account.type = type == kTotp ? OtpType::Totp : OtpType::Hotp;
	int64_t algorithm = integerMember(entry, "Algorithm", 0);
	if (algorithm < 0 || algorithm > 2)
		throw Error(ErrorKind::InvalidArgument, "Algorithm", "unknown algorithm number " + std::to_string(algorithm));
	account.algorithm = algorithm == 0 ? HashAlgorithm::Sha1 : algorithm == 1 ? HashAlgorithm::Sha256 : HashAlgorithm::Sha512;
	readDigitsAndPeriodOrCounter(account, entry, kEntryKeys);
	return account;
}

Botan::secure_vector<uint8_t> decryptCurrent(KdfBudget& budget, std::span<const uint8_t> bytes, std::string_view password)
{
	size_t offset = kHeader.size();
	if (bytes.size() < offset + kSaltSize + kNonceSize + 16)
		throw Error(ErrorKind::MalformedFile, "file", "the encrypted Authenticator Pro backup is truncated");
	auto salt = bytes.subspan(offset, kSaltSize);
	auto nonce = bytes.subspan(offset + kSaltSize, kNonceSize);
	budget.charge(argon2Cost(kArgonMemoryKiB, kArgonIterations, kArgonParallelism), "file");
	auto argon = Botan::PasswordHashFamily::create_or_throw("Argon2id")->from_params(kArgonMemoryKiB, kArgonIterations, kArgonParallelism);
	Botan::secure_vector<uint8_t> key(kKeyLength);
	argon->derive_key(key.data(), key.size(), password.data(), password.size(), salt.data(), salt.size());
	return gcmDecrypt(key, nonce, bytes.subspan(offset + kSaltSize + kNonceSize), ErrorKind::WrongPassword, "file");
}

Botan::secure_vector<uint8_t> decryptLegacy(KdfBudget& budget, std::span<const uint8_t> bytes, std::string_view password)
{
	size_t offset = kLegacyHeader.size();
	size_t payload = offset + kLegacySaltSize + kLegacyIvSize;
	if (bytes.size() < payload + 16 || (bytes.size() - payload) % 16 != 0)
		throw Error(ErrorKind::MalformedFile, "file", "the encrypted Authenticator Pro backup is truncated");
	auto key = pbkdf2(budget, "SHA-1", password, bytes.subspan(offset, kLegacySaltSize), kLegacyIterations, kKeyLength);
	auto cbc = Botan::Cipher_Mode::create_or_throw("AES-256/CBC/PKCS7", Botan::Cipher_Dir::Decryption);
	cbc->set_key(key);
	cbc->start(bytes.subspan(offset + kLegacySaltSize, kLegacyIvSize));
	Botan::secure_vector<uint8_t> buffer(bytes.begin() + static_cast<ptrdiff_t>(payload), bytes.end());
	try {
		cbc->finish(buffer);
	} catch (const Botan::Exception&) {
		throw Error(ErrorKind::WrongPassword, "password", "the password is wrong (or the file was altered)");
	}
	return buffer;
}

class AuthenticatorProImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "authenticator_pro"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		if (startsWith(input.bytes, kHeader) || startsWith(input.bytes, kLegacyHeader))
			return true;
		return isJsonObjectWith(input, {"Authenticators"});
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view> password) const override
	{
		Json decrypted;
		const Json* document = nullptr;
		if (startsWith(input.bytes, kHeader) || startsWith(input.bytes, kLegacyHeader)) {
			std::string_view typed = requirePassword(password, "Authenticator Pro");
			bool legacy = startsWith(input.bytes, kLegacyHeader);
			KdfBudget budget;
			auto plaintext = legacy ? decryptLegacy(budget, input.bytes, typed) : decryptCurrent(budget, input.bytes, typed);
			auto parsed = tryParseJson(std::span<const uint8_t>(plaintext));
			if (!parsed) {
				if (legacy) // without a MAC, garbage after a wrong key is the only sign of it
					throw Error(ErrorKind::WrongPassword, "password", "the password is wrong (or the file was altered)");
				throw Error(ErrorKind::MalformedFile, "file", "the decrypted backup is not JSON");
			}
			decrypted = std::move(*parsed);
			document = &decrypted;
		} else {
			document = &requireInputJson(input);
		}
		ImportResult result;
		readEntries(arrayMember(*document, "Authenticators"), result, readAuthenticator);
		return result;
	}
};

} // namespace

const Importer& authenticatorProImporter()
{
	static const AuthenticatorProImporter importer;
	return importer;
}

} // namespace authcore::importing
