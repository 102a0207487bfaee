#pragma once
// One-time passwords as pure functions over Botan's HMAC. Botan's own HOTP/TOTP classes accept only
// 6-8 digits and periods up to 300 s and have no Steam encoding; real accounts need more.

#include "authcore/otp/HashAlgorithm.h"

#include <cstdint>
#include <span>
#include <string>

namespace authcore {

inline constexpr int kMinDigits = 1;
inline constexpr int kMaxDigits = 10;
inline constexpr int kSteamDigits = 5;
inline constexpr uint32_t kSteamPeriod = 30;

/// RFC 4226 HOTP: HMAC(secret, counter) dynamically truncated to `digits` decimal digits, left-padded
/// with zeros. `digits` must be 1..10 (10 digits show the whole 31-bit value). The secret may be
/// any length, including empty. Throws Error{InvalidArgument, "digits"}.
std::string hotp(std::span<const uint8_t> secret, uint64_t counter, HashAlgorithm algorithm, int digits);

/// RFC 6238 time step: floor(unixSeconds / period). `period` must be >= 1 and `unixSeconds` >= 0
/// (64-bit, so 2038 and far beyond are fine). Throws Error{InvalidArgument, "period" | "time"}.
uint64_t totpCounter(int64_t unixSeconds, uint32_t period);

/// RFC 6238 TOTP: hotp() at totpCounter(unixSeconds, period).
std::string totp(std::span<const uint8_t> secret, int64_t unixSeconds, uint32_t period, HashAlgorithm algorithm,
				 int digits);

/// Steam Guard: the TOTP truncation (SHA1, 30 s) written as 5 characters of
/// "23456789BCDFGHJKMNPQRTVWXY", least significant first, as the Steam app does.
std::string steamGuard(std::span<const uint8_t> secret, int64_t unixSeconds);

/// Seconds until the current code expires: 1..period. Throws like totpCounter().
uint32_t secondsRemaining(int64_t unixSeconds, uint32_t period);

} // namespace authcore
