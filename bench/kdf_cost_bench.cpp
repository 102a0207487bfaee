// How good KdfBudget's estimates are on this machine: each key derivation a file can ask for is run
// at a typical size, and its time compared with what the budget predicts (predicted >= measured means
// the budget errs on the side of refusing). Prints one JSON object; bench/kdf_cost.mjs runs it
// natively and under Node.
#include "authcore/kdf/KdfBudget.h"

#include <botan/pwdhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

double bestMicroseconds(const std::string& family, size_t a, size_t b, size_t c, size_t keyLength)
{
	auto kdf = Botan::PasswordHashFamily::create_or_throw(family)->from_params(a, b, c);
	std::vector<uint8_t> key(keyLength), salt(16, 7);
	const std::string password = "benchmark";
	double best = 1e300;
	for (int run = 0; run < 3; ++run) {
		const auto start = std::chrono::steady_clock::now();
		kdf->derive_key(key.data(), key.size(), password.data(), password.size(), salt.data(), salt.size());
		const std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
		best = std::min(best, elapsed.count());
	}
	return best;
}

void print(const char* name, const authcore::KdfCost& cost, double measured, bool last = false)
{
	std::printf("  \"%s\": {\"predicted_us\": %llu, \"measured_us\": %.0f}%s\n", name,
				static_cast<unsigned long long>(cost.microseconds), measured, last ? "" : ",");
}

} // namespace

int main()
{
	std::printf("{\n");
	print("argon2id_32mib_t1", authcore::argon2Cost(32 * 1024, 1, 1), bestMicroseconds("Argon2id", 32 * 1024, 1, 1, 32));
	print("scrypt_n15_r8_p1", authcore::scryptCost(uint64_t{1} << 15, 8, 1), bestMicroseconds("Scrypt", size_t{1} << 15, 8, 1, 32));
	print("pbkdf2_sha1_100k", authcore::pbkdf2Cost("SHA-1", 100'000, 20), bestMicroseconds("PBKDF2(SHA-1)", 100'000, 0, 0, 20));
	print("pbkdf2_sha256_100k", authcore::pbkdf2Cost("SHA-256", 100'000, 32), bestMicroseconds("PBKDF2(SHA-256)", 100'000, 0, 0, 32));
	print("pbkdf2_sha512_100k", authcore::pbkdf2Cost("SHA-512", 100'000, 64), bestMicroseconds("PBKDF2(SHA-512)", 100'000, 0, 0, 64), true);
	std::printf("}\n");
	return 0;
}
