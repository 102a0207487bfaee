#include "authcore/kdf/KdfBudget.h"

#include "authcore/Error.h"

#include <limits>

namespace authcore {

namespace {

// Estimated cost per unit of work in WebAssembly on the reference machine, in nanoseconds. Measured
// with bench/kdf_cost.mjs (wasm under Node, Botan 3.7.1, -O3); the figures are rounded up, so the
// budget errs towards refusing a file sooner rather than later.
constexpr uint64_t kArgon2NanosPerKiBPass = 1'600;  // one 1 KiB block, one pass
constexpr uint64_t kScryptNanosPerKiB = 3'000;      // 1 KiB of V, written once and read once
constexpr uint64_t kSha1HmacNanos = 900;             // one PBKDF2 iteration (two compressions)
constexpr uint64_t kSha256HmacNanos = 1'400;
constexpr uint64_t kSha512HmacNanos = 2'600;

constexpr uint64_t kSaturated = std::numeric_limits<uint64_t>::max();

// Products of counts read from a file: saturate at 2^64-1 instead of wrapping, so an absurd request
// stays absurd (and is refused) instead of becoming a small number.
uint64_t times(uint64_t a, uint64_t b)
{
	if (a != 0 && b > kSaturated / a)
		return kSaturated;
	return a * b;
}

uint64_t plus(uint64_t a, uint64_t b)
{
	return b > kSaturated - a ? kSaturated : a + b;
}

// Nanoseconds to microseconds; "forever" stays forever.
uint64_t micros(uint64_t nanoseconds)
{
	return nanoseconds == kSaturated ? kSaturated : nanoseconds / 1000;
}

std::string mebibytes(uint64_t bytes)
{
	if (bytes == kSaturated)
		return "an impossible amount";
	return std::to_string((bytes + (uint64_t{1} << 20) - 1) >> 20) + " MiB";
}

std::string seconds(uint64_t microseconds)
{
	if (microseconds == kSaturated)
		return "forever";
	const uint64_t tenths = (microseconds + 99'999) / 100'000;
	return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

} // namespace

KdfCost argon2Cost(uint64_t memoryKiB, uint64_t iterations, uint64_t parallelism)
{
	KdfCost cost;
	cost.memoryBytes = times(memoryKiB, 1024);
	// The wasm build runs the lanes one after another, so p adds no speed: the work is m * t blocks.
	cost.microseconds = micros(times(times(memoryKiB, iterations), kArgon2NanosPerKiBPass));
	cost.description = "Argon2 m=" + std::to_string(memoryKiB) + " KiB t=" + std::to_string(iterations) +
					   " p=" + std::to_string(parallelism);
	return cost;
}

KdfCost scryptCost(uint64_t n, uint64_t r, uint64_t p)
{
	KdfCost cost;
	const uint64_t blockBytes = times(128, r);
	// V is N blocks of 128 * r bytes; B and XY add 128 * r * (p + 2), which matters only for tiny N.
	cost.memoryBytes = plus(times(blockBytes, n), times(blockBytes, plus(p, 2)));
	const uint64_t kibOfV = times(blockBytes, n) / 1024;
	cost.microseconds = micros(times(times(kibOfV, p), kScryptNanosPerKiB));
	cost.description = "scrypt N=" + std::to_string(n) + " r=" + std::to_string(r) + " p=" + std::to_string(p);
	return cost;
}

KdfCost pbkdf2Cost(std::string_view hash, uint64_t iterations, uint64_t keyLength)
{
	uint64_t nanosPerIteration = kSha512HmacNanos;
	uint64_t hashLength = 64;
	if (hash == "SHA-1") {
		nanosPerIteration = kSha1HmacNanos;
		hashLength = 20;
	} else if (hash == "SHA-256") {
		nanosPerIteration = kSha256HmacNanos;
		hashLength = 32;
	}
	const uint64_t blocks = (keyLength + hashLength - 1) / hashLength;
	KdfCost cost;
	cost.memoryBytes = 0;
	cost.microseconds = micros(times(times(iterations, blocks), nanosPerIteration));
	cost.description = "PBKDF2-" + std::string(hash) + " with " + std::to_string(iterations) + " iterations";
	return cost;
}

void KdfBudget::charge(const KdfCost& cost, const std::string& field)
{
	if (_derivations >= kMaxDerivations)
		throw Error(ErrorKind::KdfTooCostly, field,
					"the file asks to try more than " + std::to_string(kMaxDerivations) + " password slots");
	if (cost.memoryBytes > kMaxMemoryBytes)
		throw Error(ErrorKind::KdfTooCostly, field,
					"the file asks for " + cost.description + ", which needs " + mebibytes(cost.memoryBytes) +
						" of memory; at most " + mebibytes(kMaxMemoryBytes) + " is allowed");
	const uint64_t total = plus(_microseconds, cost.microseconds);
	if (total > kMaxMicroseconds)
		throw Error(ErrorKind::KdfTooCostly, field,
					"the file asks for " + cost.description + ", about " + seconds(total) +
						" of key derivation in all; at most " + seconds(kMaxMicroseconds) + " is allowed");
	_microseconds = total;
	++_derivations;
}

} // namespace authcore
