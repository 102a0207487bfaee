#include "authcore/encoding/PercentEncoding.h"
#include "authcore/encoding/Utf8.h"

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

} // namespace authcore
