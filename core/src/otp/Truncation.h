#pragma once
// Shared by HOTP and Steam: the RFC 4226 dynamic truncation of HMAC(secret, counter).

#include "authcore/otp/HashAlgorithm.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace authcore::detail {

std::string_view hmacName(HashAlgorithm algorithm) noexcept;

/// The 31-bit value RFC 4226 section 5.3 extracts from HMAC(secret, big-endian counter).
uint32_t truncatedHmac(std::span<const uint8_t> secret, uint64_t counter, HashAlgorithm algorithm);

} // namespace authcore::detail
