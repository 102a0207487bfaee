#pragma once
// The vault's clock and order, as merging needs them (rules in authcore/vault/VaultMerge.h):
// every edit is stamped, and every entry's place in the user's order is a rank that merges like
// any other field.

#include "authcore/vault/VaultEntry.h"

#include <cstdint>
#include <vector>

namespace authcore {

/// Space left between neighbouring ranks, so that moving one entry changes only its own rank.
inline constexpr int64_t kRankGap = int64_t{1} << 20;

/// Milliseconds since 1970 from the system clock.
int64_t clockMs();

/// The stamp for the next edit: the clock, but at least one more than any stamp in the vault (a
/// hybrid logical clock: an edit made after a merge is newer than everything merged, even if this
/// device's clock is behind).
int64_t nextStamp(const std::vector<VaultEntry>& entries, const std::vector<Tombstone>& tombstones, int64_t nowMs);

/// Gives the entries whose rank does not follow their place in `entries` a new rank between their
/// neighbours', stamped `stamp`. The longest run of entries already in (rank, id) order keeps its
/// ranks, so moving one entry restamps one entry.
void rankInListOrder(std::vector<VaultEntry>& entries, int64_t stamp);

} // namespace authcore
