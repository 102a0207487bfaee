#include "vault/AesGcm.h"

#include "vault/VaultFormat.h"

#include <botan/aead.h>
#include <botan/exceptn.h>

namespace authcore {

namespace {

std::unique_ptr<Botan::AEAD_Mode> gcm(Botan::Cipher_Dir direction, std::span<const uint8_t> key,
									   std::span<const uint8_t> associatedData)
{
	auto mode = Botan::AEAD_Mode::create_or_throw("AES-256/GCM(16)", direction);
	mode->set_key(key);
	mode->set_associated_data(associatedData);
	return mode;
}

} // namespace

Botan::secure_vector<uint8_t> sealAesGcm(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
										 std::span<const uint8_t> associatedData, std::span<const uint8_t> plaintext)
{
	auto mode = gcm(Botan::Cipher_Dir::Encryption, key, associatedData);
	mode->start(nonce);
	Botan::secure_vector<uint8_t> buffer(plaintext.begin(), plaintext.end());
	mode->finish(buffer);
	return buffer;
}

std::optional<Botan::secure_vector<uint8_t>> openAesGcm(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
														std::span<const uint8_t> associatedData,
														std::span<const uint8_t> sealed)
{
	if (sealed.size() < vaultformat::kTagSize)
		return std::nullopt;
	auto mode = gcm(Botan::Cipher_Dir::Decryption, key, associatedData);
	mode->start(nonce);
	// Botan decrypts in place before it checks the tag; the buffer is a secure_vector, so on the
	// exception path the unauthenticated bytes are zeroed when it goes out of scope.
	Botan::secure_vector<uint8_t> buffer(sealed.begin(), sealed.end());
	try {
		mode->finish(buffer);
	} catch (const Botan::Invalid_Authentication_Tag&) {
		return std::nullopt;
	}
	return buffer;
}

} // namespace authcore
