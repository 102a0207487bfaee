#pragma once
// A passkey key slot: the master key wrapped under a key derived from a WebAuthn passkey's PRF
// output (the prf extension, CTAP2 hmac-secret). The authenticator computes PRF(prfSalt) with a
// secret that never leaves it; HKDF-SHA256 turns those 32 bytes into the key-encryption key.
// Layout and constants: VaultFormat.h. The password slot is never replaced by one of these.

#include "authcore/vault/PasskeyInfo.h"
#include "vault/VaultFile.h"

#include <botan/rng.h>
#include <botan/secmem.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

struct PasskeySlot
{
	std::array<uint8_t, 32> prfSalt{};
	std::vector<uint8_t> credentialId;
	std::string name;
	std::array<uint8_t, 12> nonce{};
	std::array<uint8_t, 48> wrappedKey{}; // AES-256-GCM ciphertext of the 32-byte key, then its tag

	/// Wraps `masterKey` (32 bytes) for the passkey `credentialId` (1 .. 1023 bytes), whose PRF
	/// output for `prfSalt` (32 bytes) is `prfOutput` (32 bytes), under a fresh nonce. `name` is
	/// 1 .. 64 bytes of UTF-8 (checked by the caller). Throws Error{InvalidArgument} naming the field.
	static PasskeySlot seal(std::string_view name, std::span<const uint8_t> credentialId, std::span<const uint8_t> prfSalt,
							std::span<const uint8_t> prfOutput, std::span<const uint8_t> masterKey,
							Botan::RandomNumberGenerator& rng);

	/// Reads a type-2 slot. Throws Error{MalformedFile, "slot"} for inconsistent lengths.
	static PasskeySlot fromKeySlot(const KeySlot& slot);
	KeySlot toKeySlot() const;
	PasskeyInfo info() const;

	/// The master key, or nullopt when `prfOutput` (any size) does not open this slot.
	std::optional<Botan::secure_vector<uint8_t>> open(std::span<const uint8_t> prfOutput) const;
};

/// Every passkey slot of `slots`, in order. Throws like PasskeySlot::fromKeySlot().
std::vector<PasskeySlot> passkeySlotsOf(const std::vector<KeySlot>& slots);

/// Removes every passkey slot from `slots` and returns how many there were. A password change that
/// makes a new master key must call this: a passkey slot cannot be re-wrapped without its PRF
/// output, and one left behind would wrap a key that no longer opens the accounts.
size_t dropPasskeySlots(std::vector<KeySlot>& slots);

} // namespace authcore
