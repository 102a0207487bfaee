#pragma once
// The one description of an OTP account that the URI parser, the vault and every importer share.

#include "authcore/otp/HashAlgorithm.h"

#include <botan/secmem.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace authcore {

enum class OtpType { Totp, Hotp, Steam };

/// "totp", "hotp", "steam".
std::string_view toString(OtpType type) noexcept;
std::optional<OtpType> parseOtpType(std::string_view text) noexcept; // case-insensitive

struct Account
{
	std::string issuer;                    // UTF-8, may be empty
	std::string name;                      // UTF-8 account name (user, e-mail), may be empty
	Botan::secure_vector<uint8_t> secret;  // raw key bytes, at least 1
	OtpType type = OtpType::Totp;
	HashAlgorithm algorithm = HashAlgorithm::Sha1;
	int digits = 6;                        // 1..10; always 5 for Steam
	uint32_t period = 30;                  // seconds, >= 1; TOTP and Steam
	uint64_t counter = 0;                  // HOTP only: the counter of the next code

	/// Throws Error{InvalidArgument, field} for an empty secret, digits outside 1..10, a zero
	/// period, or a Steam account whose digits/period/algorithm are not 5/30/SHA1.
	void validate() const;

	bool operator==(const Account&) const = default;
};

/// Whether `a` and `b` are one account for the user: the same secret, issuer and name (what the
/// vault refuses twice). The secrets are compared in constant time.
bool isSameAccount(const Account& a, const Account& b) noexcept;

/// The code to show now: TOTP and Steam at `unixSeconds`, HOTP at `account.counter`
/// (`unixSeconds` is then ignored). Validates the account first.
std::string generateCode(const Account& account, int64_t unixSeconds);

} // namespace authcore
