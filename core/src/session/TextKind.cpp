// What a scanned or pasted text is, decided once here for the page, the worker and the tests.

#include "session/TextKind.h"

#include <algorithm>
#include <cctype>

namespace authcore {

std::string_view toString(TextKind kind) noexcept
{
	switch (kind) {
	case TextKind::Account: return "account";
	case TextKind::Migration: return "migration";
	case TextKind::Link: return "link";
	case TextKind::Text: return "text";
	case TextKind::Empty: break;
	}
	return "empty";
}

namespace {

bool isSpace(char c)
{
	return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix)
{
	return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
			   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
		   });
}

} // namespace

TextKind classifyText(std::string_view trimmed) noexcept
{
	if (trimmed.empty())
		return TextKind::Empty;
	if (startsWithIgnoringCase(trimmed, "otpauth://"))
		return TextKind::Account;
	if (startsWithIgnoringCase(trimmed, "otpauth-migration://"))
		return TextKind::Migration;
	// A web link is one word: a sentence that starts with a link is text.
	const bool web = startsWithIgnoringCase(trimmed, "http://") || startsWithIgnoringCase(trimmed, "https://");
	if (web && std::none_of(trimmed.begin(), trimmed.end(), isSpace) && trimmed.find("://") + 3 < trimmed.size())
		return TextKind::Link;
	return TextKind::Text;
}

} // namespace authcore
