// TOTP codes per second through the public API (HMAC key setup included, as the page does per
// account and period), for SHA1/SHA256/SHA512. Prints one JSON object; bench/otp.mjs runs the native
// and the wasm build of this same program and compares them.

#include "authcore/account/Account.h"

#include <chrono>
#include <cstdio>

namespace {

double codesPerSecond(authcore::HashAlgorithm algorithm)
{
	authcore::Account account;
	account.secret.assign(20, 0x42);
	account.algorithm = algorithm;
	using Clock = std::chrono::steady_clock;
	const auto budget = std::chrono::milliseconds(700);
	size_t codes = 0;
	unsigned checksum = 0; // keeps the optimizer from discarding the work
	const auto start = Clock::now();
	auto now = start;
	for (int64_t t = 1'700'000'000; now - start < budget; t += 30) {
		for (int i = 0; i < 256; ++i, t += 30)
			checksum += static_cast<unsigned>(authcore::generateCode(account, t)[0]);
		codes += 256;
		now = Clock::now();
	}
	const double seconds = std::chrono::duration<double>(now - start).count();
	if (checksum == 0)
		std::fputs("", stderr);
	return static_cast<double>(codes) / seconds;
}

} // namespace

int main()
{
	std::printf("{\"sha1\": %.0f, \"sha256\": %.0f, \"sha512\": %.0f}\n", codesPerSecond(authcore::HashAlgorithm::Sha1),
				codesPerSecond(authcore::HashAlgorithm::Sha256), codesPerSecond(authcore::HashAlgorithm::Sha512));
	return 0;
}
