#pragma once
// Shared by the importers: reading an account's OTP fields from a JSON entry, password managers'
// TOTP fields and otpauth:// line lists. Includes the other shared parts, by concern: JSON access
// (ImportJson.h), encodings (ImportEncodings.h), crypto (ImportCrypto.h) and problem reporting
// (ImportProblems.h).

#include "ImportCrypto.h"
#include "ImportEncodings.h"
#include "ImportJson.h"
#include "ImportProblems.h"

#include "authcore/account/Account.h"

#include <string>
#include <string_view>

namespace authcore::importing {

/// Digits and period from a file, range-checked before narrowing (Account::validate repeats the
/// semantic checks).
int digitsFrom(int64_t value);
uint32_t periodFrom(int64_t value);
uint64_t counterFrom(int64_t value);

/// Where an app keeps an entry's OTP parameters, and whether it always writes the HOTP counter (then
/// a missing one is an error) or may leave it out (then it is 0).
struct OtpParameterKeys
{
	std::string_view algorithm, digits, period, counter;
	bool counterRequired;
};

/// For an account whose type is already TOTP or HOTP: digits (default 6), then the period of a TOTP
/// account (default 30) or the counter of an HOTP one. Steam's parameters are fixed, so it has none.
void readDigitsAndPeriodOrCounter(Account& account, const Json& object, const OtpParameterKeys& keys);

/// The algorithm by name (default SHA1), then as readDigitsAndPeriodOrCounter.
void readOtpParameters(Account& account, const Json& object, const OtpParameterKeys& keys);

/// Sets the type from "TOTP", "HOTP" or "STEAM", as andOTP, FreeOTP+ and 2FAS spell it; Steam also
/// gets its fixed parameters (makeSteamAccount()). Any other type throws Error{InvalidArgument, field}.
void setTypeFromName(Account& account, const std::string& type, const std::string& field);

/// An otpauth:// URI, a Steam "steam://SECRET" value, or a bare Base32 secret (TOTP, defaults), as
/// password managers store them in their TOTP fields.
Account accountFromTotpField(std::string_view value);

/// Reads a text of otpauth:// URIs, one per line (blank lines and surrounding space ignored).
void readOtpauthLines(std::string_view text, ImportResult& result);

/// True if the first non-blank line starts with `prefix` (case-insensitive). A file damaged further
/// down is still recognised, so its good lines are read and the bad ones reported.
bool firstLineStartsWith(std::string_view text, std::string_view prefix) noexcept;

} // namespace authcore::importing
