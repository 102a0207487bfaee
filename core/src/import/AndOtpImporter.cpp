// andOTP backups:
//   plain      JSON list of {secret (Base32), issuer, label, digits, type TOTP|HOTP|STEAM, algorithm,
//              period, counter}
//   encrypted  [iterations: uint32 big-endian][salt: 12][nonce: 12][AES-256-GCM ciphertext + tag 16]
//              key = PBKDF2-HMAC-SHA1(password, salt, iterations, 32 bytes)
//   old        [nonce: 12][AES-256-GCM ciphertext + tag 16], key = SHA-256(password)
// Neither encrypted form has a magic number, so binary input that no other importer claims lands
// here (after ruling out common image and archive signatures), and a wrong password cannot be told
// from a file that is not andOTP at all: both give WrongPassword.

#include "ImportSupport.h"
#include "Importers.h"

#include <botan/hash.h>

#include <array>

namespace authcore::importing {

namespace {

constexpr size_t kIterationsSize = 4, kSaltSize = 12, kNonceSize = 12, kTagSize = 16, kKeyLength = 32;
// andOTP picks 140,000-160,000 iterations; anything far outside that is not an andOTP header.
constexpr uint32_t kMinIterations = 1'000, kMaxIterations = 10'000'000;
constexpr OtpParameterKeys kEntryKeys{"algorithm", "digits", "period", "counter", /*counterRequired=*/true};

uint32_t iterationsOf(std::span<const uint8_t> bytes)
{
	return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) | uint32_t{bytes[3]};
}

// Ciphertext of 256 random bytes has no control character with a probability of about 1e-10.
bool looksBinary(std::span<const uint8_t> bytes) noexcept
{
	for (uint8_t b : bytes.first(std::min<size_t>(bytes.size(), 256)))
		if (b < 0x09 || (b > 0x0D && b < 0x20))
			return true;
	return false;
}

bool hasForeignSignature(std::span<const uint8_t> bytes) noexcept
{
	static const std::array<std::string_view, 6> signatures = {"\x89PNG", "\xFF\xD8\xFF", "PK\x03\x04", "%PDF", "GIF8", "RIFF"};
	std::string_view head(reinterpret_cast<const char*>(bytes.data()), std::min<size_t>(bytes.size(), 8));
	for (std::string_view signature : signatures)
		if (head.starts_with(signature))
			return true;
	return false;
}

std::optional<Account> readEntry(const Json& entry)
{
	Account account;
	account.secret = secretFromBase32(requiredText(entry, "secret"));
	account.issuer = textMember(entry, "issuer");
	account.name = textMember(entry, "label");
	if (account.issuer.empty()) { // andOTP before issuers existed wrote "Issuer - Issuer:name" labels
		size_t dash = account.name.find(" - ");
		if (dash != std::string::npos) {
			account.issuer = account.name.substr(0, dash);
			account.name.erase(0, dash + 3);
		}
	}
	if (!account.issuer.empty() && account.name.starts_with(account.issuer + ":"))
		account.name.erase(0, account.issuer.size() + 1);
	setTypeFromName(account, requiredText(entry, "type"), "type");
	if (account.type != OtpType::Steam)
		readOtpParameters(account, entry, kEntryKeys);
	return account;
}

std::optional<Botan::secure_vector<uint8_t>> tryCurrent(KdfBudget& budget, std::span<const uint8_t> bytes, std::string_view password)
{
	if (bytes.size() < kIterationsSize + kSaltSize + kNonceSize + kTagSize)
		return std::nullopt;
	uint32_t iterations = iterationsOf(bytes);
	if (iterations < kMinIterations || iterations > kMaxIterations)
		return std::nullopt;
	auto salt = bytes.subspan(kIterationsSize, kSaltSize);
	auto nonce = bytes.subspan(kIterationsSize + kSaltSize, kNonceSize);
	auto key = pbkdf2(budget, "SHA-1", password, salt, iterations, kKeyLength);
	try {
		return gcmDecrypt(key, nonce, bytes.subspan(kIterationsSize + kSaltSize + kNonceSize), ErrorKind::WrongPassword, "file");
	} catch (const Error& e) {
		if (e.kind() == ErrorKind::WrongPassword)
			return std::nullopt;
		throw;
	}
}

std::optional<Botan::secure_vector<uint8_t>> tryOld(std::span<const uint8_t> bytes, std::string_view password)
{
	if (bytes.size() < kNonceSize + kTagSize)
		return std::nullopt;
	auto sha256 = Botan::HashFunction::create_or_throw("SHA-256");
	sha256->update(reinterpret_cast<const uint8_t*>(password.data()), password.size());
	Botan::secure_vector<uint8_t> key = sha256->final();
	try {
		return gcmDecrypt(key, bytes.first(kNonceSize), bytes.subspan(kNonceSize), ErrorKind::WrongPassword, "file");
	} catch (const Error& e) {
		if (e.kind() == ErrorKind::WrongPassword)
			return std::nullopt;
		throw;
	}
}

class AndOtpImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "andotp"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		if (looksBinary(input.bytes))
			return input.bytes.size() >= kNonceSize + kTagSize && !hasForeignSignature(input.bytes);
		const Json* document = inputJson(input);
		return document && document->is_array() && !document->empty() && document->front().is_object() &&
			   document->front().contains("secret") && document->front().contains("type");
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view> password) const override
	{
		if (!looksBinary(input.bytes))
			return readBackup(requireInputJson(input));
		std::string_view typed = requirePassword(password, "andOTP");
		KdfBudget budget;
		auto plaintext = tryCurrent(budget, input.bytes, typed);
		if (!plaintext)
			plaintext = tryOld(input.bytes, typed);
		if (!plaintext)
			throw Error(ErrorKind::WrongPassword, "password", "the password is wrong (or this is not an andOTP backup)");
		return readBackup(parseJson(std::string_view(reinterpret_cast<const char*>(plaintext->data()), plaintext->size()), "file"));
	}

private:
	/// The JSON list of accounts, as a plain backup holds it and an encrypted one decrypts to.
	static ImportResult readBackup(const Json& document)
	{
		if (!document.is_array())
			throw Error(ErrorKind::MalformedFile, "file", "an andOTP backup is a list of accounts");
		ImportResult result;
		readEntries(document, result, readEntry);
		return result;
	}
};

} // namespace

const Importer& andOtpImporter()
{
	static const AndOtpImporter importer;
	return importer;
}

} // namespace authcore::importing
