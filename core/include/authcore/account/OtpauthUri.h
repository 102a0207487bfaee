#pragma once
// otpauth:// URIs, the format of every enrollment QR code
// (https://github.com/google/google-authenticator/wiki/Key-Uri-Format, plus the Steam extension).
//
//   otpauth://TYPE/[ISSUER:]ACCOUNT?secret=BASE32[&issuer=ISSUER][&algorithm=SHA1|SHA256|SHA512]
//             [&digits=1..10][&period=SECONDS][&counter=N][&encoder=steam]
//
// TYPE is totp, hotp or steam (case-insensitive). The label is percent-decoded first, so authentik's
// "authentik%3Auser" splits like "authentik:user"; '+' and "%20" are spaces. The issuer parameter
// wins over the label prefix. Defaults: SHA1, 6 digits, 30 s. `counter` is required for hotp.
// Steam accounts are always SHA1, 5 characters, 30 s whatever the URI says. Unknown parameters
// (image, color, ...) are ignored; of a repeated parameter the first counts.

#include "authcore/account/Account.h"

#include <string>
#include <string_view>

namespace authcore {

/// Parses an otpauth:// URI (surrounding white space is ignored). Throws Error{InvalidUri, field}
/// where field is one of "uri", "scheme", "type", "label", "secret", "issuer", "algorithm",
/// "digits", "period", "counter", with a message saying what is wrong.
Account parseOtpauthUri(std::string_view uri);

/// Writes `account` as an otpauth:// URI that parseOtpauthUri() reads back to an equal Account
/// (names that begin with spaces lose them). Validates the account first.
std::string toOtpauthUri(const Account& account);

} // namespace authcore
