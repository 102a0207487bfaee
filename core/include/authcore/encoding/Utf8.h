#pragma once
// UTF-8 validation: every text the core stores or shows (labels, passwords, QR text) is checked
// here, so "valid" means one thing everywhere.

#include <string_view>

namespace authcore {

/// True if `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view text) noexcept;

/// Throws Error{InvalidArgument, field} ("the <field> is not valid UTF-8 text") unless isValidUtf8().
void requireUtf8(std::string_view text, const char* field);

} // namespace authcore
