#include "vault/VaultHistory.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <tuple>

namespace authcore {

int64_t clockMs()
{
	return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int64_t nextStamp(const std::vector<VaultEntry>& entries, const std::vector<Tombstone>& tombstones, int64_t nowMs)
{
	int64_t latest = 0;
	for (const auto& entry : entries)
		latest = std::max(latest, entry.stamps.latest());
	for (const auto& tombstone : tombstones)
		latest = std::max({latest, tombstone.deleted, tombstone.entry.stamps.latest()});
	return std::max(nowMs, latest + 1);
}

namespace {

bool before(const VaultEntry& a, const VaultEntry& b)
{
	return std::tie(a.rank, a.id) < std::tie(b.rank, b.id);
}

/// Which entries form the longest subsequence already in (rank, id) order (patience sorting).
std::vector<bool> longestOrderedRun(const std::vector<VaultEntry>& entries)
{
	std::vector<size_t> tails;                       // tails[k]: index ending the best run of length k+1
	std::vector<size_t> previous(entries.size(), SIZE_MAX);
	for (size_t i = 0; i < entries.size(); ++i) {
		auto it = std::lower_bound(tails.begin(), tails.end(), i,
								   [&](size_t tail, size_t index) { return before(entries[tail], entries[index]); });
		if (it != tails.begin())
			previous[i] = *(it - 1);
		if (it == tails.end())
			tails.push_back(i);
		else
			*it = i;
	}
	std::vector<bool> kept(entries.size(), false);
	for (size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = previous[i])
		kept[i] = true;
	return kept;
}

} // namespace

void rankInListOrder(std::vector<VaultEntry>& entries, int64_t stamp)
{
	const auto kept = longestOrderedRun(entries);
	for (size_t start = 0; start < entries.size();) {
		if (kept[start]) {
			++start;
			continue;
		}
		size_t end = start;
		while (end < entries.size() && !kept[end])
			++end;
		// entries[start .. end-1] need ranks strictly between their kept neighbours'.
		const auto count = static_cast<int64_t>(end - start);
		const bool hasLow = start > 0, hasHigh = end < entries.size();
		const int64_t low = hasLow ? entries[start - 1].rank : 0;
		const int64_t high = hasHigh ? entries[end].rank : 0;
		if (hasLow && hasHigh && high - low <= count) {
			// No room left between them (after many moves to one place): number everything afresh.
			for (size_t i = 0; i < entries.size(); ++i) {
				entries[i].rank = static_cast<int64_t>(i) * kRankGap;
				entries[i].stamps.rank = stamp;
			}
			return;
		}
		for (int64_t k = 0; k < count; ++k) {
			auto& entry = entries[start + static_cast<size_t>(k)];
			if (hasLow && hasHigh)
				entry.rank = low + (high - low) / (count + 1) * (k + 1);
			else if (hasLow)
				entry.rank = low + kRankGap * (k + 1);
			else if (hasHigh)
				entry.rank = high - kRankGap * (count - k);
			else
				entry.rank = kRankGap * k;
			entry.stamps.rank = stamp;
		}
		start = end;
	}
}

} // namespace authcore
