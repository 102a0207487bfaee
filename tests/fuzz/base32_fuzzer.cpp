// Base32: decoding arbitrary text either throws authcore::Error or yields bytes that re-encode to a
// canonical form which decodes back to the same bytes.
#include "authcore/Error.h"
#include "authcore/encoding/Base32.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	std::string_view text(reinterpret_cast<const char*>(data), size);
	try {
		auto bytes = authcore::decodeBase32(text);
		if (authcore::decodeBase32(authcore::encodeBase32(bytes, size % 2 == 0)) != bytes)
			std::abort();
	} catch (const authcore::Error&) {
	}
	return 0;
}
