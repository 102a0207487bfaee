#include "authcore/vault/VaultMerge.h"

#include "authcore/Error.h"

#include <algorithm>
#include <compare>
#include <tuple>

// Every record (listed entry or tombstone) is a product of small lattices: one last-writer-wins
// register per editable field, ordered by (stamp, value); max for the counter, the delete stamp, the
// revival stamp and `updated`; min for `created`. Joining records field by field is therefore
// commutative, associative and idempotent, and so is grouping records by account, since the group
// key (secret and OTP parameters) never changes. Visibility ("newest edit newer than the delete")
// and the order of the output are computed from the joined record alone.

namespace authcore {

namespace {

struct Record
{
	VaultEntry entry;
	int64_t deleted = 0; // 0: not deleted
};

// The account's identity for merging: what makes two entries produce the same codes.
std::weak_ordering compareOtpKey(const Account& a, const Account& b)
{
	auto parameters = [](const Account& x) { return std::tuple(static_cast<int>(x.type), static_cast<int>(x.algorithm), x.digits, x.period); };
	if (auto order = parameters(a) <=> parameters(b); order != 0)
		return order;
	// Not constant time: merging is not an oracle anyone can query, it runs on the user's own data.
	return std::lexicographical_compare_three_way(a.secret.begin(), a.secret.end(), b.secret.begin(), b.secret.end());
}

/// Last writer wins; equal stamps keep the larger value so that the winner is the same whichever
/// record comes first.
template <typename T>
void takeNewer(T& value, int64_t& stamp, const T& otherValue, int64_t otherStamp)
{
	if (otherStamp > stamp || (otherStamp == stamp && otherValue > value)) {
		value = otherValue;
		stamp = otherStamp;
	}
}

void join(Record& into, const Record& from)
{
	VaultEntry& a = into.entry;
	const VaultEntry& b = from.entry;
	if (b.id < a.id)
		a.id = b.id;
	takeNewer(a.account.issuer, a.stamps.issuer, b.account.issuer, b.stamps.issuer);
	takeNewer(a.account.name, a.stamps.name, b.account.name, b.stamps.name);
	takeNewer(a.group, a.stamps.group, b.group, b.stamps.group);
	takeNewer(a.note, a.stamps.note, b.note, b.stamps.note);
	takeNewer(a.favourite, a.stamps.favourite, b.favourite, b.stamps.favourite);
	takeNewer(a.rank, a.stamps.rank, b.rank, b.stamps.rank);
	a.stamps.account = std::max(a.stamps.account, b.stamps.account);
	a.account.counter = std::max(a.account.counter, b.account.counter);
	a.created = std::min(a.created, b.created);
	a.updated = std::max(a.updated, b.updated);
	into.deleted = std::max(into.deleted, from.deleted);
}

void collect(std::vector<Record>& records, const VaultContents& contents)
{
	for (const auto& entry : contents.entries)
		records.push_back({entry, 0});
	for (const auto& tombstone : contents.tombstones)
		records.push_back({tombstone.entry, tombstone.deleted});
}

} // namespace

VaultContents mergeVaultContents(const VaultContents& a, const VaultContents& b)
{
	std::vector<Record> records;
	records.reserve(a.entries.size() + a.tombstones.size() + b.entries.size() + b.tombstones.size());
	collect(records, a);
	collect(records, b);

	// An id now naming two different accounts can only come from a damaged or crafted file; refuse
	// rather than guess which of the two the user meant.
	std::vector<const Record*> byId;
	byId.reserve(records.size());
	for (const auto& record : records)
		byId.push_back(&record);
	std::sort(byId.begin(), byId.end(), [](const Record* x, const Record* y) { return x->entry.id < y->entry.id; });
	for (size_t i = 1; i < byId.size(); ++i)
		if (byId[i]->entry.id == byId[i - 1]->entry.id && compareOtpKey(byId[i]->entry.account, byId[i - 1]->entry.account) != 0)
			throw Error(ErrorKind::MalformedFile, "id", "two different accounts have the same id; the file is damaged");

	std::sort(records.begin(), records.end(), [](const Record& x, const Record& y) {
		return compareOtpKey(x.entry.account, y.entry.account) < 0;
	});
	std::vector<Record> joined;
	for (auto& record : records) {
		if (!joined.empty() && compareOtpKey(joined.back().entry.account, record.entry.account) == 0)
			join(joined.back(), record);
		else
			joined.push_back(std::move(record));
	}

	VaultContents merged;
	for (auto& record : joined) {
		if (record.deleted == 0 || record.entry.stamps.latest() > record.deleted)
			merged.entries.push_back(std::move(record.entry)); // an edit newer than any delete: listed
		else
			merged.tombstones.push_back({std::move(record.entry), record.deleted});
	}
	std::sort(merged.entries.begin(), merged.entries.end(),
			  [](const VaultEntry& x, const VaultEntry& y) { return std::tie(x.rank, x.id) < std::tie(y.rank, y.id); });
	std::sort(merged.tombstones.begin(), merged.tombstones.end(),
			  [](const Tombstone& x, const Tombstone& y) { return x.entry.id < y.entry.id; });
	return merged;
}

MergeChanges describeMerge(const VaultContents& before, const VaultContents& after)
{
	auto byKey = [](const VaultEntry* x, const VaultEntry* y) { return compareOtpKey(x->account, y->account) < 0; };
	std::vector<const VaultEntry*> old;
	old.reserve(before.entries.size());
	for (const auto& entry : before.entries)
		old.push_back(&entry);
	std::sort(old.begin(), old.end(), byKey);

	MergeChanges changes;
	std::vector<bool> matched(old.size(), false);
	for (const auto& entry : after.entries) {
		auto [first, last] = std::equal_range(old.begin(), old.end(), &entry, byKey);
		if (first == last) {
			changes.added.push_back(entry.id);
			continue;
		}
		const VaultEntry& was = **first;
		// A new id alone (folded into a duplicate's smaller one) is no change the user can see.
		const bool same = last - first == 1 && was.account.issuer == entry.account.issuer &&
						  was.account.name == entry.account.name && was.account.counter == entry.account.counter &&
						  was.group == entry.group && was.note == entry.note && was.favourite == entry.favourite;
		for (auto it = first; it != last; ++it)
			matched[static_cast<size_t>(it - old.begin())] = true;
		if (same)
			++changes.unchanged;
		else
			changes.updated.push_back(entry.id);
	}
	for (const auto& entry : before.entries) { // deletions in the user's order
		auto it = std::lower_bound(old.begin(), old.end(), &entry, byKey);
		while (*it != &entry)
			++it;
		if (!matched[static_cast<size_t>(it - old.begin())])
			changes.deleted.push_back(entry.id);
	}
	return changes;
}

MergePreview previewMerge(const VaultContents& local, const VaultContents& incoming)
{
	MergePreview preview{mergeVaultContents(local, incoming), {}};
	preview.changes = describeMerge(local, preview.merged);
	return preview;
}

void pruneTombstones(VaultContents& contents, int64_t nowMs)
{
	std::erase_if(contents.tombstones, [&](const Tombstone& t) { return t.deleted < nowMs - kTombstoneLifetimeMs; });
}

int64_t EntryStamps::latest() const noexcept
{
	return std::max({account, issuer, name, group, note, favourite, rank});
}

} // namespace authcore
