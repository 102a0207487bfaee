#include "authcore/encoding/PercentEncoding.h"

#include <cstdint>

namespace authcore {

namespace {

int hexValue(char c) noexcept
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

} // namespace

std::optional<std::string> percentDecode(std::string_view text)
{
	std::string out;
	out.reserve(text.size());
	for (size_t i = 0; i < text.size(); ++i) {
		char c = text[i];
		if (c == '+') {
			out.push_back(' ');
		} else if (c == '%') {
			if (i + 2 >= text.size()) // a '%' needs two hex digits after it
				return std::nullopt;
			int hi = hexValue(text[i + 1]);
			int lo = hexValue(text[i + 2]);
			if (hi < 0 || lo < 0)
				return std::nullopt;
			out.push_back(static_cast<char>(hi * 16 + lo));
			i += 2;
		} else {
			out.push_back(c);
		}
	}
	if (!isValidUtf8(out))
		return std::nullopt;
	return out;
}

std::string percentEncode(std::string_view text)
{
	static constexpr char hex[] = "0123456789ABCDEF";
	std::string out;
	out.reserve(text.size());
	for (char c : text) {
		auto u = static_cast<unsigned char>(c);
		bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
						  u == '.' || u == '_' || u == '~' || u == '@';
		if (unreserved) {
			out.push_back(c);
		} else {
			out.push_back('%');
			out.push_back(hex[u >> 4]);
			out.push_back(hex[u & 15]);
		}
	}
	return out;
}

bool isValidUtf8(std::string_view text) noexcept
{
	size_t i = 0;
	while (i < text.size()) {
		auto b = static_cast<unsigned char>(text[i]);
		if (b < 0x80) {
			++i;
			continue;
		}
		size_t length;
		uint32_t cp;
		if ((b & 0xE0) == 0xC0) {
			length = 2;
			cp = b & 0x1F;
		} else if ((b & 0xF0) == 0xE0) {
			length = 3;
			cp = b & 0x0F;
		} else if ((b & 0xF8) == 0xF0) {
			length = 4;
			cp = b & 0x07;
		} else {
			return false;
		}
		if (i + length > text.size())
			return false;
		for (size_t k = 1; k < length; ++k) {
			auto cont = static_cast<unsigned char>(text[i + k]);
			if ((cont & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (cont & 0x3F);
		}
		static constexpr uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
		if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += length;
	}
	return true;
}

} // namespace authcore
