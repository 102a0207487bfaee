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

/// Text into and out of a SecureJson tree.
inline SecureString secureText(std::string_view text) { return SecureString(text.begin(), text.end()); }
inline std::string plainText(const SecureString& text) { return std::string(text.begin(), text.end()); }

} // namespace authcore
