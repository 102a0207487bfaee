#pragma once
// A password key slot: the master key wrapped under a key derived from the password with Argon2id.

#include "authcore/vault/KdfParams.h"
#include "vault/VaultFile.h"

#include <botan/rng.h>
#include <botan/secmem.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace authcore {

/// Argon2id(password, salt, kdf) -> 32 bytes, the slot's key-encryption key. Validates `kdf`.
Botan::secure_vector<uint8_t> deriveSlotKey(std::string_view password, std::span<const uint8_t> salt, const KdfParams& kdf);

struct PasswordSlot
{
	KdfParams kdf;
	std::array<uint8_t, 16> salt{};
	std::array<uint8_t, 12> nonce{};
	std::array<uint8_t, 48> wrappedKey{}; // AES-256-GCM ciphertext of the 32-byte key, then its tag

	/// Wraps `masterKey` under `password` with a fresh salt and nonce.
	static PasswordSlot seal(std::string_view password, std::span<const uint8_t> masterKey, const KdfParams& kdf,
							 Botan::RandomNumberGenerator& rng);

	/// Reads a type-1 slot. Throws Error{MalformedFile, "slot"} for a wrong size or parameters of an
	/// impossible shape. Their cost is not judged here: charge kdf.cost() to the file's KdfBudget
	/// before open().
	static PasswordSlot fromKeySlot(const KeySlot& slot);
	KeySlot toKeySlot() const;

	/// The master key, or nullopt when the password does not open this slot.
	std::optional<Botan::secure_vector<uint8_t>> open(std::string_view password) const;
};

} // namespace authcore
