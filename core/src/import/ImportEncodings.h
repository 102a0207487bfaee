#pragma once
// The text encodings of secrets in other apps' files: Base32, Base64 and hex, decoded into wiping
// memory.

#include <botan/secmem.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace authcore::importing {

/// Base32 secret (spaces, padding and case tolerated).
Botan::secure_vector<uint8_t> secretFromBase32(std::string_view text);
/// Standard Base64 (with or without padding; "\/" JSON escapes are already gone). Error{MalformedFile, field}.
Botan::secure_vector<uint8_t> decodeBase64(std::string_view text, const std::string& field);
Botan::secure_vector<uint8_t> decodeHex(std::string_view text, const std::string& field);

} // namespace authcore::importing
