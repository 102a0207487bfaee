#pragma once

#include <optional>
#include <string_view>

namespace authcore {

/// The HMAC hash of an OTP account (RFC 6238 allows these three).
enum class HashAlgorithm { Sha1, Sha256, Sha512 };

/// "SHA1", "SHA256", "SHA512": the spelling otpauth:// URIs use.
std::string_view toString(HashAlgorithm algorithm) noexcept;

/// Parses "SHA1", "sha-256", "Sha512"... (case-insensitive, hyphen optional); nullopt otherwise.
std::optional<HashAlgorithm> parseHashAlgorithm(std::string_view text) noexcept;

} // namespace authcore
