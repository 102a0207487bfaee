// Hostile KDF parameters: any 64-bit N, r, p, m, t or iteration count a file could state. The cost
// must never wrap (checked against 128-bit arithmetic), and the budget must accept only what fits
// its memory and time limits. Running the KDFs themselves is what the budget prevents, so this target
// checks the decision, fast, over the whole range.
#include "authcore/Error.h"
#include "authcore/kdf/KdfBudget.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

uint64_t read64(const uint8_t* data)
{
	uint64_t value = 0;
	std::memcpy(&value, data, sizeof value);
	return value;
}

using u128 = unsigned __int128;
constexpr u128 kMax64 = UINT64_MAX;

u128 clamp(u128 value)
{
	return value > kMax64 ? kMax64 : value;
}

// Exact below 2^64 * 2^63; past that only "too large" matters.
u128 mul(u128 x, u128 y)
{
	constexpr u128 kMax128 = ~u128{0};
	return x != 0 && y > kMax128 / x ? kMax128 : x * y;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	if (size < 25)
		return 0;
	// Small values matter most: shift each by a few bits chosen by the input.
	const uint64_t a = read64(data + 1) >> (data[0] & 63), b = read64(data + 9) >> ((data[0] >> 2) & 63),
				   c = read64(data + 17) >> (data[24] & 63);
	authcore::KdfCost cost;
	u128 memory = 0;
	switch (data[24] % 3) {
	case 0:
		cost = authcore::scryptCost(a, b, c);
		memory = clamp(mul(mul(128, b), a)) + clamp(mul(mul(128, b), u128{c} + 2));
		break;
	case 1:
		cost = authcore::argon2Cost(a, b, c);
		memory = u128{a} * 1024;
		break;
	default:
		cost = authcore::pbkdf2Cost("SHA-256", a, b % 4096);
		memory = 0;
		break;
	}
	// Saturated, never wrapped: the 64-bit figure is the 128-bit one, or the ceiling when that is larger.
	if (u128{cost.memoryBytes} != clamp(memory))
		std::abort();
	authcore::KdfBudget budget;
	try {
		budget.charge(cost, "slots");
		if (cost.memoryBytes > authcore::KdfBudget::kMaxMemoryBytes || cost.microseconds > authcore::KdfBudget::kMaxMicroseconds)
			std::abort(); // accepted what it must refuse
	} catch (const authcore::Error& e) {
		if (e.kind() != authcore::ErrorKind::KdfTooCostly)
			std::abort();
		if (cost.memoryBytes <= authcore::KdfBudget::kMaxMemoryBytes && cost.microseconds <= authcore::KdfBudget::kMaxMicroseconds)
			std::abort(); // refused what fits
	}
	return 0;
}
