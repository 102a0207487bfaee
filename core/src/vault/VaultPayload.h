#pragma once
// The vault's plaintext: the account list as UTF-8 JSON (schema in docs/vault-format.md).

#include "authcore/vault/VaultEntry.h"

#include <botan/secmem.h>

#include <cstdint>
#include <span>
#include <vector>

namespace authcore {

/// The JSON text, written straight into wiping memory (see VaultPayload.cpp).
Botan::secure_vector<uint8_t> encodeVaultPayload(const std::vector<VaultEntry>& entries);

/// All entries or nothing: throws Error{MalformedFile, "entries[i].field"} on the first problem, with
/// a message that never quotes the text (it may hold a secret).
std::vector<VaultEntry> decodeVaultPayload(std::span<const uint8_t> json);

} // namespace authcore
