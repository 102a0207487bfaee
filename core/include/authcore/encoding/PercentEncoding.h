#pragma once
// RFC 3986 percent-encoding for otpauth:// labels and query values.

#include <optional>
#include <string>
#include <string_view>

namespace authcore {

/// Decodes %XX escapes; '+' becomes a space (otpauth generators use both '+' and "%20").
/// Returns nullopt for a truncated or non-hex escape, or if the result is not valid UTF-8.
std::optional<std::string> percentDecode(std::string_view text);

/// Escapes every byte except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~) and '@',
/// which e-mail account names keep readable. Spaces become "%20".
std::string percentEncode(std::string_view text);

} // namespace authcore
