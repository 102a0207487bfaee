// What the encrypted import formats hold behind their key derivation. import_fuzzer stops at
// PasswordRequired; here the input becomes the plaintext of a real encrypted file of the format named
// by its first byte (Aegis, andOTP, 2FAS, Authenticator Pro legacy), sealed with a fixed password and
// the cheapest key derivation the format allows, and imported with that password. So every input
// goes through the importer's own KDF, decryption and post-decryption reader, as a user's file would.
// (Authenticator Pro's current format has a fixed 64 MiB Argon2id: far too slow to fuzz; its plaintext
// is the same JSON the legacy format and the plain format hold.)
#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/import/Importer.h"

#include <botan/base64.h>
#include <botan/cipher_mode.h>
#include <botan/hex.h>
#include <botan/pwdhash.h>

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

namespace {

constexpr std::string_view kPassword = "fuzz pārole";

std::vector<uint8_t> fixedBytes(size_t size, uint8_t seed)
{
	std::vector<uint8_t> bytes(size);
	for (size_t i = 0; i < size; ++i)
		bytes[i] = static_cast<uint8_t>(seed + 13 * i);
	return bytes;
}

std::vector<uint8_t> seal(const char* mode, std::span<const uint8_t> key, std::span<const uint8_t> iv, std::span<const uint8_t> plaintext)
{
	auto cipher = Botan::Cipher_Mode::create_or_throw(mode, Botan::Cipher_Dir::Encryption);
	cipher->set_key(key);
	cipher->start(iv);
	Botan::secure_vector<uint8_t> buffer(plaintext.begin(), plaintext.end());
	cipher->finish(buffer);
	return {buffer.begin(), buffer.end()};
}

std::vector<uint8_t> derive(const std::string& family, size_t a, size_t b, size_t c, std::span<const uint8_t> salt)
{
	auto kdf = Botan::PasswordHashFamily::create_or_throw(family)->from_params(a, b, c);
	std::vector<uint8_t> key(32);
	kdf->derive_key(key.data(), key.size(), kPassword.data(), kPassword.size(), salt.data(), salt.size());
	return key;
}

std::vector<uint8_t> asBytes(const std::string& text)
{
	return {text.begin(), text.end()};
}

// Aegis: scrypt N=2, r=1, p=1 wraps a fixed master key; the master key seals the content.
std::vector<uint8_t> aegisFile(std::span<const uint8_t> plaintext)
{
	const auto salt = fixedBytes(32, 1), slotNonce = fixedBytes(12, 2), dbNonce = fixedBytes(12, 3), masterKey = fixedBytes(32, 4);
	const auto wrapped = seal("AES-256/GCM", derive("Scrypt", 2, 1, 1, salt), slotNonce, masterKey);
	const auto db = seal("AES-256/GCM", masterKey, dbNonce, plaintext);
	const std::span<const uint8_t> wrappedKey(wrapped.data(), 32), wrappedTag(wrapped.data() + 32, 16);
	const std::span<const uint8_t> dbBody(db.data(), db.size() - 16), dbTag(db.data() + db.size() - 16, 16);
	return asBytes(std::string(R"({"version":1,"header":{"slots":[{"type":1,"uuid":"u","key":")") + Botan::hex_encode(wrappedKey) +
				   R"(","key_params":{"nonce":")" + Botan::hex_encode(slotNonce) + R"(","tag":")" + Botan::hex_encode(wrappedTag) +
				   R"("},"n":2,"r":1,"p":1,"salt":")" + Botan::hex_encode(salt) + R"("}],"params":{"nonce":")" +
				   Botan::hex_encode(dbNonce) + R"(","tag":")" + Botan::hex_encode(dbTag) + R"("}},"db":")" +
				   Botan::base64_encode(dbBody) + R"("})");
}

// andOTP: [iterations][salt 12][nonce 12][GCM], PBKDF2-SHA1 at its smallest accepted count.
std::vector<uint8_t> andOtpFile(std::span<const uint8_t> plaintext)
{
	const auto salt = fixedBytes(12, 5), nonce = fixedBytes(12, 6);
	const auto body = seal("AES-256/GCM", derive("PBKDF2(SHA-1)", 1000, 0, 0, salt), nonce, plaintext);
	std::vector<uint8_t> file = {0x00, 0x00, 0x03, 0xE8};
	file.insert(file.end(), salt.begin(), salt.end());
	file.insert(file.end(), nonce.begin(), nonce.end());
	file.insert(file.end(), body.begin(), body.end());
	return file;
}

// 2FAS: "servicesEncrypted": CIPHERTEXT:SALT:IV under PBKDF2-SHA256, 10,000 iterations (fixed).
std::vector<uint8_t> twoFasFile(std::span<const uint8_t> plaintext)
{
	const auto salt = fixedBytes(32, 7), iv = fixedBytes(12, 8);
	const auto body = seal("AES-256/GCM", derive("PBKDF2(SHA-256)", 10'000, 0, 0, salt), iv, plaintext);
	return asBytes(std::string(R"({"schemaVersion":4,"services":[],"servicesEncrypted":")") + Botan::base64_encode(body) + ":" +
				   Botan::base64_encode(salt) + ":" + Botan::base64_encode(iv) + R"("})");
}

// Authenticator Pro legacy: "AuthenticatorPro" | salt 20 | IV 16 | AES-256-CBC, PBKDF2-SHA1 64,000.
std::vector<uint8_t> authenticatorProLegacyFile(std::span<const uint8_t> plaintext)
{
	const auto salt = fixedBytes(20, 9), iv = fixedBytes(16, 10);
	const auto body = seal("AES-256/CBC/PKCS7", derive("PBKDF2(SHA-1)", 64'000, 0, 0, salt), iv, plaintext);
	std::vector<uint8_t> file = asBytes("AuthenticatorPro");
	file.insert(file.end(), salt.begin(), salt.end());
	file.insert(file.end(), iv.begin(), iv.end());
	file.insert(file.end(), body.begin(), body.end());
	return file;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	using authcore::ErrorKind;
	if (size < 1 || size > 4096)
		return 0;
	const std::span<const uint8_t> plaintext(data + 1, size - 1);
	std::vector<uint8_t> file;
	switch (data[0] % 8) { // the slow PBKDF2 formats get fewer of the inputs
	case 0: case 1: case 2: file = aegisFile(plaintext); break;
	case 3: case 4: case 5: file = andOtpFile(plaintext); break;
	case 6: file = twoFasFile(plaintext); break;
	default: file = authenticatorProLegacyFile(plaintext); break;
	}
	try {
		authcore::ImportResult result = authcore::importBytes(file, "fuzz", kPassword);
		for (const authcore::Account& account : result.accounts) {
			account.validate();
			(void)authcore::toOtpauthUri(account);
		}
	} catch (const authcore::Error& e) {
		switch (e.kind()) {
		case ErrorKind::MalformedFile:
		case ErrorKind::UnsupportedFormat:
		case ErrorKind::UnsupportedVersion:
		case ErrorKind::WrongPassword: break; // Authenticator Pro legacy has no MAC: bad JSON looks like it
		default: std::abort();
		}
	}
	return 0;
}
