#pragma once
// What a file may make us pay before it is opened.
//
// Every password-based key derivation the project runs (our vault's Argon2id, Aegis's scrypt, the
// PBKDF2 of 2FAS, andOTP and Authenticator Pro, Authenticator Pro's Argon2id) takes its cost
// parameters from the file being opened. A hostile file can ask for gigabytes (scrypt N=2^20, r=32
// is 4 GiB, and wraps to 4 KiB in 32-bit wasm arithmetic) or for hours (16 slots of Argon2 t=100).
// So each reader first describes what it is about to run as a KdfCost, computed in 64-bit
// arithmetic that saturates instead of wrapping, and charges it to one KdfBudget per file, for all
// the slots it will try together; only then does it allocate anything or derive a key.
//
// The unit of work is the estimated time on the team's reference machine (2-core Xeon, 2.8 GHz) in
// WebAssembly, the slower of our two targets, from the coefficients in KdfBudget.cpp (measured
// there; bench/kdf_cost.mjs re-measures them). The limits are generous for every real export:
// our default vault slot is ~0.3 s, Aegis's default scrypt ~0.15 s, andOTP's PBKDF2 ~0.2 s.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace authcore {

struct KdfCost
{
	uint64_t memoryBytes = 0;  // peak, for one derivation (derivations run one after another)
	uint64_t microseconds = 0; // estimated, on the reference machine in wasm
	std::string description;   // "scrypt N=1048576 r=32 p=1": what the file asks for, never a secret
};

/// Argon2 (any variant): m KiB of memory shared by the p lanes, t passes over it.
KdfCost argon2Cost(uint64_t memoryKiB, uint64_t iterations, uint64_t parallelism);
/// scrypt (RFC 7914): 128 * r * N bytes of V, p times one after another.
KdfCost scryptCost(uint64_t n, uint64_t r, uint64_t p);
/// PBKDF2-HMAC(hash): `iterations` HMACs for each hash-sized block of the key. `hash` is "SHA-1",
/// "SHA-256" or "SHA-512".
KdfCost pbkdf2Cost(std::string_view hash, uint64_t iterations, uint64_t keyLength);

/// One per file opened. charge() throws Error{KdfTooCostly, field} naming what the file asks for when
/// one derivation needs more than kMaxMemoryBytes, when all of them together would take more than
/// kMaxMicroseconds, or when more than kMaxDerivations are asked for. Call it for every derivation the
/// reader will run, before running the first, so a file over budget costs nothing.
class KdfBudget
{
public:
	static constexpr uint64_t kMaxMemoryBytes = uint64_t{256} << 20; // 256 MiB
	static constexpr uint64_t kMaxMicroseconds = 4'000'000;           // 4 s on the reference machine
	static constexpr size_t kMaxDerivations = 4;                       // slots tried, at most

	void charge(const KdfCost& cost, const std::string& field);

	uint64_t spentMicroseconds() const noexcept { return _microseconds; }
	size_t derivations() const noexcept { return _derivations; }

private:
	uint64_t _microseconds = 0;
	size_t _derivations = 0;
};

} // namespace authcore
