// otpauth:// parsing: arbitrary input either throws authcore::Error (InvalidUri) or yields an account
// that serializes, parses back to an equal account, and generates a code.
#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	std::string_view text(reinterpret_cast<const char*>(data), size);
	try {
		authcore::Account account = authcore::parseOtpauthUri(text);
		authcore::Account again = authcore::parseOtpauthUri(authcore::toOtpauthUri(account));
		// Names that begin with spaces lose them (documented); everything else must survive.
		if (again.secret != account.secret || again.type != account.type || again.digits != account.digits ||
			again.algorithm != account.algorithm || again.issuer != account.issuer)
			std::abort();
		(void)authcore::generateCode(account, 1'700'000'000);
	} catch (const authcore::Error& e) {
		if (e.kind() != authcore::ErrorKind::InvalidUri && e.kind() != authcore::ErrorKind::InvalidArgument)
			std::abort();
	}
	return 0;
}
