#pragma once
// RFC 4648 Base32, as used for OTP secrets.

#include <botan/secmem.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace authcore {

/// Decodes Base32 text. Accepts upper and lower case, ignores spaces and hyphens (secrets are often
/// shown in groups), and takes '=' padding or none. Padding, if present, must complete the last
/// 8-character group. Trailing bits that do not fill a byte are discarded.
/// Throws Error{InvalidBase32, "secret"} naming the first bad character and its position, or the
/// impossible length (1, 3 or 6 characters in the last group can encode no whole byte).
Botan::secure_vector<uint8_t> decodeBase32(std::string_view text);

/// Encodes bytes as upper-case Base32, without padding unless `withPadding`.
/// The result is a plain string because it leaves the core as text (a URI, a label); callers that
/// keep it should wipe it.
std::string encodeBase32(std::span<const uint8_t> bytes, bool withPadding = false);

} // namespace authcore
