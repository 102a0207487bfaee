#pragma once
// Trimming, one definition for the whole core: otpauth:// links, pasted text and import files all
// drop the same surrounding white space.

#include <string_view>

namespace authcore {

/// `text` without leading and trailing ASCII white space (space, tab, CR, LF).
constexpr std::string_view trimmed(std::string_view text) noexcept
{
	constexpr std::string_view space = " \t\r\n";
	const size_t first = text.find_first_not_of(space);
	if (first == std::string_view::npos)
		return {};
	return text.substr(first, text.find_last_not_of(space) - first + 1);
}

} // namespace authcore
