#pragma once
// Argon2id parameters of a password key slot. They are stored in the slot, so a vault keeps opening
// with the parameters it was written with even after the defaults change.

#include "authcore/kdf/KdfBudget.h"

#include <cstdint>

namespace authcore {

struct KdfParams
{
	uint32_t memoryKiB = 0;   // Argon2 m: 8 * parallelism .. kMaxKdfMemoryKiB
	uint32_t iterations = 0;  // Argon2 t: 1 .. as many as fit in KdfBudget's time with this m
	uint32_t parallelism = 0; // Argon2 p: 1 .. kMaxKdfParallelism (lanes; the wasm build runs them one after another)

	/// The shape any Argon2id slot must have, whatever it costs: t >= 1, 1 <= p <= 16, m >= 8 * p.
	/// Throws Error{InvalidArgument, "memoryKiB" | "iterations" | "parallelism"}.
	void validateShape() const;

	/// validateShape(), and one derivation within KdfBudget's limits: memory at most
	/// kMaxKdfMemoryKiB ("memoryKiB"), estimated time within KdfBudget::kMaxMicroseconds ("iterations").
	/// For parameters chosen by a caller; slots read from a file are charged to the file's KdfBudget.
	void validate() const;

	/// What one derivation with these parameters costs (KdfBudget's estimate).
	KdfCost cost() const;

	/// True if the parameters are at least OWASP's minimum for Argon2id (19 MiB with 2 passes, or
	/// 46 MiB with 1). Users may not create a slot below it; one found on unlock is upgraded.
	bool meetsFloor() const noexcept;

	bool operator==(const KdfParams&) const = default;
};

inline constexpr uint32_t kMaxKdfMemoryKiB = static_cast<uint32_t>(KdfBudget::kMaxMemoryBytes / 1024); // 256 MiB
inline constexpr uint32_t kMaxKdfParallelism = 16;

/// OWASP's floor for Argon2id (Password Storage Cheat Sheet): 19 MiB with 2 passes.
inline constexpr KdfParams kOwaspMinimumKdf{19 * 1024, 2, 1};

/// Chosen by measurement (bench/argon2.mjs; table in docs/vault-format.md): unlock in headless
/// Chromium on the team's 2-core machine stays under a second even while it is busy (0.5-0.85 s at
/// load 9-17); 128 MiB did not.
inline constexpr KdfParams kDefaultKdf{64 * 1024, 3, 1};

/// Runs Argon2id once over `memoryKiB` (one pass, one lane) on a throw-away input, and forgets the
/// result. The page calls it in its worker while the unlock screen waits for the password: the first
/// derivation after a reload otherwise pays for mapping its memory and for running the module's
/// code before the engine optimised it (60-100 ms in Chromium, the unlock overhead of issue 12).
/// Throws Error{InvalidArgument} outside 8 KiB .. kMaxKdfMemoryKiB.
void warmUpPasswordHashing(uint32_t memoryKiB);

} // namespace authcore
