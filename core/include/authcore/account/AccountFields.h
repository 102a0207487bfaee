#pragma once
// How every reader of accounts (otpauth:// links, the importers, the typed-key form) fills in the
// fields it reads, in one place each: Steam Guard's fixed parameters and algorithm names.

#include "authcore/Error.h"
#include "authcore/account/Account.h"

#include <string>
#include <string_view>

namespace authcore {

/// Makes `account` a Steam Guard account: type Steam, kSteamDigits characters, kSteamPeriod
/// seconds, SHA1. Steam fixes these, so whatever a file or form said otherwise is replaced.
void makeSteamAccount(Account& account) noexcept;

/// The algorithm named `name` ("SHA1", "sha-256"...: parseHashAlgorithm()), or Error{kind, field}
/// "unsupported algorithm '<name>' (expected SHA1, SHA256 or SHA512)", quoting at most 16 bytes.
HashAlgorithm hashAlgorithmNamed(std::string_view name, ErrorKind kind, const std::string& field);

} // namespace authcore
