#pragma once
// Option values such as --time, --counter, --scale and the KDF costs: the whole text must be one
// number of the target type, so "30s", " 30" or a value out of range is refused, not cut short.

#include <charconv>
#include <string>

namespace authcore::cli {

/// Parses all of `text` into `value` (a leading '-' only for signed types); false if any of it is
/// left over, it is empty, or the number does not fit.
template <typename T>
bool parseWholeNumber(const std::string& text, T& value)
{
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	return !text.empty() && ec == std::errc{} && end == text.data() + text.size();
}

} // namespace authcore::cli
