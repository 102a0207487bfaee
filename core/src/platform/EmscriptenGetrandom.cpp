// getrandom() for the WebAssembly build.
//
// Botan's System_RNG is configured (cmake/ThirdParty.cmake, --with-os-features=getrandom) to call
// getrandom(), which Emscripten 3.1.69 declares in <sys/random.h> but does not provide: its musl
// build leaves out musl's src/linux, so the first key or nonce fails to link. getentropy() is
// provided, as crypto.getRandomValues() in browsers, workers and Node, so getrandom() is filled
// from it. Natively the C library's own getrandom() is used and this file is empty.

#ifdef __EMSCRIPTEN__

#include <cstddef> // before <sys/random.h>: Emscripten's version of it uses size_t undeclared

#include <sys/random.h> // getrandom(), and getentropy() in Emscripten

#include <algorithm>
#include <cerrno>

extern "C" ssize_t getrandom(void* buffer, size_t length, unsigned /*flags: blocking or not, it never blocks*/)
{
	auto* out = static_cast<unsigned char*>(buffer);
	for (size_t done = 0; done < length;) {
		const size_t chunk = std::min<size_t>(length - done, 256); // getentropy()'s documented limit
		if (getentropy(out + done, chunk) != 0) {
			errno = EIO;
			return -1;
		}
		done += chunk;
	}
	return static_cast<ssize_t>(length);
}

#endif
