#include "ImportCrypto.h"

#include <botan/aead.h>
#include <botan/exceptn.h>
#include <botan/pwdhash.h>

namespace authcore::importing {

std::string_view requirePassword(std::optional<std::string_view> password, std::string_view format)
{
	if (!password)
		throw Error(ErrorKind::PasswordRequired, "password", "this " + std::string(format) + " file is encrypted: a password is needed");
	return *password;
}

Botan::secure_vector<uint8_t> gcmDecrypt(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
										 std::span<const uint8_t> ciphertextAndTag, ErrorKind failure,
										 const std::string& field)
{
	constexpr size_t kTagSize = 16;
	if (ciphertextAndTag.size() < kTagSize)
		throw Error(ErrorKind::MalformedFile, field, "the encrypted " + field + " is too short");
	if (nonce.empty())
		throw Error(ErrorKind::MalformedFile, field, "the nonce of the " + field + " is empty");
	if (key.size() != 16 && key.size() != 32)
		throw Error(ErrorKind::MalformedFile, field, "the key of the " + field + " has an impossible length");
	auto gcm = Botan::AEAD_Mode::create_or_throw(key.size() == 32 ? "AES-256/GCM" : "AES-128/GCM", Botan::Cipher_Dir::Decryption);
	gcm->set_key(key);
	gcm->start(nonce);
	Botan::secure_vector<uint8_t> buffer(ciphertextAndTag.begin(), ciphertextAndTag.end());
	try {
		gcm->finish(buffer);
	} catch (const Botan::Invalid_Authentication_Tag&) {
		if (failure == ErrorKind::WrongPassword)
			throw Error(failure, "password", "the password is wrong (or the file was altered)");
		throw Error(failure, field, "the " + field + " failed authentication: the file is corrupt or was altered");
	}
	return buffer;
}

Botan::secure_vector<uint8_t> pbkdf2(KdfBudget& budget, std::string_view hash, std::string_view password,
									 std::span<const uint8_t> salt, size_t iterations, size_t keyLength)
{
	budget.charge(pbkdf2Cost(hash, iterations, keyLength), "iterations");
	auto family = Botan::PasswordHashFamily::create_or_throw("PBKDF2(" + std::string(hash) + ")");
	auto kdf = family->from_params(iterations);
	Botan::secure_vector<uint8_t> key(keyLength);
	kdf->derive_key(key.data(), key.size(), password.data(), password.size(), salt.data(), salt.size());
	return key;
}

} // namespace authcore::importing
