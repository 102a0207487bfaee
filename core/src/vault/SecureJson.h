#pragma once
// nlohmann::json whose every allocation (objects, arrays, strings and their characters) is zeroed
// before it is freed, so the decrypted account list leaves no copies of secrets in freed heap
// memory.

#include "authcore/WipingAllocator.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

using SecureJson = nlohmann::basic_json<std::map, std::vector, SecureString, bool, std::int64_t, std::uint64_t, double,
										WipingAllocator>;

/// `text` as one JSON document, or a discarded value (`is_discarded()`) when it is not one: broken
/// syntax, trailing text, or a number too large for a double. Throws only std::bad_alloc. The one
/// place the app parses JSON: every distinct parse() call of nlohmann's instantiates a parser of
/// its own (per input type, and again for the callback variant), about 5 KB of wasm each.
SecureJson parseSecureJson(std::string_view text);

/// Text into and out of a SecureJson tree.
inline SecureString secureText(std::string_view text) { return SecureString(text.begin(), text.end()); }
inline std::string plainText(const SecureString& text) { return std::string(text.begin(), text.end()); }

} // namespace authcore
