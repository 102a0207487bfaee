#pragma once
// AES-256-GCM with a 12-byte nonce and a 16-byte tag, the only cipher the vault uses.

#include <botan/secmem.h>

#include <cstdint>
#include <optional>
#include <span>

namespace authcore {

/// ciphertext ‖ tag. `key` must be 32 bytes and `nonce` 12 bytes, never reused with the same key.
Botan::secure_vector<uint8_t> sealAesGcm(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
										 std::span<const uint8_t> associatedData, std::span<const uint8_t> plaintext);

/// The plaintext, or nullopt if the tag does not verify (Botan compares it in constant time). On
/// failure the unauthenticated plaintext is wiped, never returned.
std::optional<Botan::secure_vector<uint8_t>> openAesGcm(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
														std::span<const uint8_t> associatedData,
														std::span<const uint8_t> sealed);

} // namespace authcore
