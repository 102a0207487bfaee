// ZXing::EscapeNonGraphical without iostreams, linked instead of the one in ZXing's Utf.cpp
// (cmake/ThirdParty.cmake compiles Utf.cpp with that one renamed out of the way). ZXing builds its
// escaped text with a std::wostringstream, and that one stream links all of libc++'s locale
// machinery into the wasm module (with Botan's, cmake/botan/text_builder.h: about 40 KiB of gzip).
// The app never asks for escaped text (it reads TextMode::Plain, core/src/qr); this keeps ZXing's
// contract for anyone who does: C0 controls and DEL as their names in angle brackets ("<LF>"),
// other characters that do not print as "<U+XX>" (at least two hex digits, four from U+0100), all
// else as it is. Tested by tests/qr/EscapeNonGraphicalTest.cpp.
#include "Utf.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ZXing {
namespace {

constexpr std::array<const char*, 33> kControlNames = {
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
	"VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
	"SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US",  "DEL"};

bool isHighSurrogate(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool isLowSurrogate(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// What prints, beyond ASCII: not a C1 control, not the no-break spaces U+00A0 and U+2007 nor the
// en quad U+2000, not a line or paragraph separator, not a lone surrogate, not an interlinear
// annotation control, not a noncharacter, not the replacement character, and within Unicode.
bool isGraphical(char32_t c)
{
	if (c < 0x80)
		return c > 0x20 && c < 0x7F;
	if (c < 0xA1 || c == 0x2000 || c == 0x2007 || c == 0x2028 || c == 0x2029 || c == 0xFFFD)
		return false;
	if (c >= 0xD800 && c <= 0xDFFF)
		return false;
	if (c >= 0xFFF9 && c <= 0xFFFB)
		return false;
	if ((c & 0xFFFE) == 0xFFFE || c > 0x10FFFF)
		return false;
	return true;
}

void appendAscii(std::wstring& out, std::string_view text)
{
	for (char c : text)
		out.push_back(static_cast<wchar_t>(c));
}

void appendCodePoint(std::wstring& out, char32_t c)
{
	static constexpr std::string_view kHexDigits = "0123456789ABCDEF";
	int digits = c < 0x100 ? 2 : 4;
	while (digits < 8 && (c >> (4 * digits)) != 0)
		++digits;
	appendAscii(out, "<U+");
	for (int i = digits - 1; i >= 0; --i)
		out.push_back(static_cast<wchar_t>(kHexDigits[(c >> (4 * i)) & 0xF]));
	out.push_back(L'>');
}

} // namespace

std::wstring EscapeNonGraphical(std::wstring_view text)
{
	std::wstring out;
	out.reserve(text.size());
	for (size_t i = 0; i < text.size(); ++i) {
		const auto c = static_cast<char32_t>(static_cast<std::make_unsigned_t<wchar_t>>(text[i]));
		// A UTF-16 pair (where wchar_t is 16 bits) is one character and kept as it is.
		if (isHighSurrogate(c) && i + 1 < text.size() && isLowSurrogate(static_cast<char32_t>(text[i + 1]))) {
			out.append(text.substr(i, 2));
			++i;
		} else if (c < 0x20 || c == 0x7F) {
			out.push_back(L'<');
			appendAscii(out, kControlNames[c == 0x7F ? 32 : c]);
			out.push_back(L'>');
		} else if (c == 0x20 || isGraphical(c)) {
			out.push_back(text[i]);
		} else {
			appendCodePoint(out, c);
		}
	}
	return out;
}

std::string EscapeNonGraphical(std::string_view utf8)
{
	return ToUtf8(EscapeNonGraphical(FromUtf8(utf8)));
}

} // namespace ZXing
