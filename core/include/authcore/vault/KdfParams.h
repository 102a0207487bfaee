#pragma once
// Argon2id parameters of a password key slot. They are stored in the slot, so a vault keeps opening
// with the parameters it was written with even after the defaults change.

#include <cstdint>

namespace authcore {

struct KdfParams
{
	uint32_t memoryKiB = 0;   // Argon2 m: 8 * parallelism .. kMaxKdfMemoryKiB
	uint32_t iterations = 0;  // Argon2 t: 1 .. kMaxKdfIterations
	uint32_t parallelism = 0; // Argon2 p: 1 .. kMaxKdfParallelism (lanes; the wasm build runs them one after another)

	/// Throws Error{InvalidArgument, "memoryKiB" | "iterations" | "parallelism"} outside the ranges above.
	/// The upper bounds keep a crafted file from making unlock allocate gigabytes or run for hours.
	void validate() const;

	bool operator==(const KdfParams&) const = default;
};

inline constexpr uint32_t kMaxKdfMemoryKiB = 1024 * 1024; // 1 GiB
inline constexpr uint32_t kMaxKdfIterations = 100;
inline constexpr uint32_t kMaxKdfParallelism = 16;

/// OWASP's floor for Argon2id (Password Storage Cheat Sheet): 19 MiB with 2 passes. The defaults
/// are well above it; smaller values are accepted only because tests need fast vaults.
inline constexpr KdfParams kOwaspMinimumKdf{19 * 1024, 2, 1};

/// Chosen by measurement (bench/argon2.mjs; table in docs/vault-format.md): unlock in headless
/// Chromium on the team's 2-core machine stays under a second even while it is busy (0.5-0.85 s at
/// load 9-17); 128 MiB did not.
inline constexpr KdfParams kDefaultKdf{64 * 1024, 3, 1};

} // namespace authcore
