#pragma once
// The vault's plaintext: the account list as UTF-8 JSON (schema in docs/vault-format.md).

#include "authcore/vault/VaultMerge.h"

#include <botan/secmem.h>

#include <cstdint>
#include <span>
#include <vector>

namespace authcore {

/// Ranks beyond this are refused on reading, so that rank arithmetic can never overflow.
inline constexpr int64_t kMaxRankMagnitude = int64_t{1} << 60;

/// The JSON text, written straight into wiping memory (see VaultPayload.cpp).
Botan::secure_vector<uint8_t> encodeVaultPayload(const VaultContents& contents);

/// All entries and tombstones or nothing: throws Error{MalformedFile, "entries[i].field"} (or
/// "tombstones[i].field") on the first problem, with a message that never quotes the text (it may
/// hold a secret). A payload written before merging existed (no ranks, stamps or tombstones) reads
/// with ranks in list order and every stamp set to the entry's `updated` time.
VaultContents decodeVaultPayload(std::span<const uint8_t> json);

} // namespace authcore
