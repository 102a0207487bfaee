#pragma once
// The vault file's container (VaultFormat.h): header, key slots and the sealed payload, without any
// cryptography except the header checksum. Vault.cpp opens the slots and the payload.

#include <botan/secmem.h>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace authcore {

/// A key slot as stored: its type and its body, kept byte for byte so that slots this build does
/// not understand survive a save.
struct KeySlot
{
	uint8_t type = 0;
	std::vector<uint8_t> body;

	bool operator==(const KeySlot&) const = default;
};

struct VaultFile
{
	uint64_t revision = 0;
	std::vector<KeySlot> slots;
	std::vector<uint8_t> header;             // bytes 0 .. H-1: the payload's associated data
	std::array<uint8_t, 12> payloadNonce{};
	std::vector<uint8_t> sealedPayload;      // ciphertext followed by the 16-byte tag
};

/// Checks the structure and the header digest of `file`. Throws Error{MalformedFile} (not a vault,
/// truncated, inconsistent lengths, trailing bytes), Error{UnsupportedVersion} (another version or
/// an unknown flag) or Error{IntegrityFailure} (the header digest does not match).
VaultFile parseVaultFile(std::span<const uint8_t> file);

/// The header (bytes 0 .. H-1) for these fields. `slots` must hold 1..16 slots of at most 65535 bytes.
std::vector<uint8_t> encodeVaultHeader(uint64_t revision, uint32_t payloadLength, const std::vector<KeySlot>& slots);

/// header ‖ SHA-256(header) ‖ nonce ‖ sealedPayload.
std::vector<uint8_t> assembleVaultFile(std::span<const uint8_t> header, std::span<const uint8_t> payloadNonce,
									   std::span<const uint8_t> sealedPayload);

/// Big-endian helpers shared by the slot code.
uint32_t loadBigEndian32(std::span<const uint8_t> bytes, size_t offset);
void appendBigEndian(std::vector<uint8_t>& out, uint64_t value, size_t bytes);

} // namespace authcore
