#include "authcore/encoding/Utf8.h"

#include "authcore/Error.h"

#include <cstdint>
#include <string>

namespace authcore {

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

void requireUtf8(std::string_view text, const char* field)
{
	if (!isValidUtf8(text))
		throw Error(ErrorKind::InvalidArgument, field, std::string("the ") + field + " is not valid UTF-8 text");
}

} // namespace authcore
