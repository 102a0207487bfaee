// mergeVaultContents() on seeded random histories of two and three devices. Each device adds (often
// an account another device adds too), edits, deletes, brings back, moves, uses HOTP codes and now
// and then merges another device's state, with hybrid-clock stamps that often tie across devices.
// Then:
//   - the laws: every order and grouping of merges gives the same result; merging is commutative,
//     associative and idempotent;
//   - nothing is lost: every field of every account holds the newest value written anywhere (by an
//     independent oracle built from the event log), every account added anywhere is either listed or
//     deleted by a delete newer than all its edits, HOTP counters hold the highest value reached.

#include "authcore/vault/VaultMerge.h"

#include "authcore/Error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace authcore;

namespace {

constexpr int kSecrets = 10; // a small pool, so that devices often add the same account
constexpr int kFields = 6;   // issuer, name, group, note, favourite, rank
const std::array<std::string, 4> kTexts = {"", "ACME", "Darbs", "jānis"};

using Key = int; // index into the secret pool

Account accountFor(Key key)
{
	Account account;
	account.secret = Botan::secure_vector<uint8_t>{static_cast<uint8_t>(key), 0x42, static_cast<uint8_t>(key * 7)};
	account.type = key % 3 == 0 ? OtpType::Hotp : OtpType::Totp;
	account.digits = 6 + key % 3;
	return account;
}

Key keyOf(const VaultEntry& entry)
{
	return entry.account.secret[0];
}

// What the oracle remembers about one account: the newest write of each field, the newest delete,
// the newest edit of any kind, the highest counter, every id it was given.
struct Expected
{
	std::array<std::optional<std::pair<int64_t, int64_t>>, kFields> fields; // (stamp, value code)
	int64_t latestEdit = 0;
	int64_t deleted = 0;
	uint64_t counter = 0;
	std::string smallestId;
};

int64_t valueCode(const VaultEntry& entry, int field)
{
	auto textCode = [](const std::string& text) {
		return static_cast<int64_t>(std::find(kTexts.begin(), kTexts.end(), text) - kTexts.begin());
	};
	switch (field) {
	case 0: return textCode(entry.account.issuer);
	case 1: return textCode(entry.account.name);
	case 2: return textCode(entry.group);
	case 3: return textCode(entry.note);
	case 4: return entry.favourite ? 1 : 0;
	default: return entry.rank;
	}
}

int64_t& stampOf(VaultEntry& entry, int field)
{
	std::array<int64_t*, kFields> stamps = {&entry.stamps.issuer, &entry.stamps.name, &entry.stamps.group,
											&entry.stamps.note, &entry.stamps.favourite, &entry.stamps.rank};
	return *stamps[static_cast<size_t>(field)];
}

void setField(VaultEntry& entry, int field, int choice)
{
	const std::string& text = kTexts[static_cast<size_t>(choice) % kTexts.size()];
	switch (field) {
	case 0: entry.account.issuer = text; break;
	case 1: entry.account.name = text; break;
	case 2: entry.group = text; break;
	case 3: entry.note = text; break;
	case 4: entry.favourite = choice % 2 == 1; break;
	default: entry.rank = choice; break;
	}
}

class History
{
public:
	History(uint64_t seed, size_t devices) : _random(seed), _devices(devices), _clocks(devices, 0) {}

	const std::vector<VaultContents>& devices() const { return _devices; }
	const std::map<Key, Expected>& expected() const { return _expected; }

	void run(int steps)
	{
		for (int step = 0; step < steps; ++step) {
			const size_t device = pick(_devices.size());
			_clocks[device] += static_cast<int64_t>(pick(3)); // clocks that stall and tie
			switch (pick(10)) {
			case 0: case 1: add(device); break;
			case 2: case 3: case 4: edit(device); break;
			case 5: remove(device); break;
			case 6: revive(device); break;
			case 7: useHotp(device); break;
			default: sync(device); break;
			}
		}
	}

private:
	size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(_random); }

	// The hybrid clock, as core/src/vault/VaultHistory.cpp keeps it.
	int64_t stamp(size_t device)
	{
		int64_t latest = 0;
		for (const auto& entry : _devices[device].entries)
			latest = std::max(latest, entry.stamps.latest());
		for (const auto& tombstone : _devices[device].tombstones)
			latest = std::max({latest, tombstone.deleted, tombstone.entry.stamps.latest()});
		return std::max(_clocks[device], latest + 1);
	}

	void noteWrite(const VaultEntry& entry, int field, int64_t at)
	{
		auto& expected = _expected[keyOf(entry)];
		auto write = std::pair(at, valueCode(entry, field));
		if (!expected.fields[static_cast<size_t>(field)] || write > *expected.fields[static_cast<size_t>(field)])
			expected.fields[static_cast<size_t>(field)] = write;
		expected.latestEdit = std::max(expected.latestEdit, at);
	}

	void add(size_t device)
	{
		const Key key = static_cast<Key>(pick(kSecrets));
		auto& list = _devices[device].entries;
		// A device does not add what it already lists (Vault::add refuses duplicates); another may.
		if (std::any_of(list.begin(), list.end(), [&](const VaultEntry& e) { return keyOf(e) == key; }))
			return;
		VaultEntry entry;
		char id[33];
		std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(_random()),
					  static_cast<unsigned long long>(_random()));
		entry.id = id;
		entry.account = accountFor(key);
		entry.account.counter = pick(3);
		for (int field = 0; field < kFields; ++field)
			setField(entry, field, static_cast<int>(pick(8)));
		const int64_t at = stamp(device);
		entry.created = entry.updated = at;
		entry.stamps = {at, at, at, at, at, at, at};
		for (int field = 0; field < kFields; ++field)
			noteWrite(entry, field, at);
		auto& expected = _expected[key];
		expected.counter = std::max(expected.counter, entry.account.counter);
		if (expected.smallestId.empty() || entry.id < expected.smallestId)
			expected.smallestId = entry.id;
		list.push_back(std::move(entry));
	}

	void edit(size_t device)
	{
		auto& list = _devices[device].entries;
		if (list.empty())
			return;
		VaultEntry& entry = list[pick(list.size())];
		const int field = static_cast<int>(pick(kFields));
		const int64_t at = stamp(device);
		setField(entry, field, static_cast<int>(pick(8)));
		stampOf(entry, field) = at;
		noteWrite(entry, field, at);
	}

	void remove(size_t device)
	{
		auto& list = _devices[device].entries;
		if (list.empty())
			return;
		const size_t index = pick(list.size());
		const int64_t at = stamp(device);
		_expected[keyOf(list[index])].deleted = std::max(_expected[keyOf(list[index])].deleted, at);
		_devices[device].tombstones.push_back({list[index], at});
		list.erase(list.begin() + static_cast<ptrdiff_t>(index));
	}

	void revive(size_t device) // Vault::undoRemove()
	{
		auto& tombstones = _devices[device].tombstones;
		if (tombstones.empty())
			return;
		const size_t index = pick(tombstones.size());
		VaultEntry entry = tombstones[index].entry;
		entry.stamps.account = stamp(device); // newer than the delete it undoes
		tombstones.erase(tombstones.begin() + static_cast<ptrdiff_t>(index));
		auto& expected = _expected[keyOf(entry)];
		expected.latestEdit = std::max(expected.latestEdit, entry.stamps.account);
		_devices[device].entries.push_back(std::move(entry));
	}

	void useHotp(size_t device)
	{
		auto& list = _devices[device].entries;
		if (list.empty())
			return;
		VaultEntry& entry = list[pick(list.size())];
		entry.account.counter += 1;
		auto& expected = _expected[keyOf(entry)];
		expected.counter = std::max(expected.counter, entry.account.counter);
	}

	void sync(size_t device)
	{
		const size_t other = pick(_devices.size());
		_devices[device] = mergeVaultContents(_devices[device], _devices[other]);
	}

	std::mt19937_64 _random;
	std::vector<VaultContents> _devices;
	std::vector<int64_t> _clocks;
	std::map<Key, Expected> _expected;
};

// Every account of the oracle is where the rules put it, with the newest value of every field.
void expectNothingLost(const VaultContents& merged, const std::map<Key, Expected>& expected, uint64_t seed)
{
	std::map<Key, const VaultEntry*> listed, deleted;
	for (const auto& entry : merged.entries)
		ASSERT_TRUE(listed.emplace(keyOf(entry), &entry).second) << "seed " << seed << ": an account is listed twice";
	for (const auto& tombstone : merged.tombstones)
		ASSERT_TRUE(deleted.emplace(keyOf(tombstone.entry), &tombstone.entry).second) << "seed " << seed;
	for (const auto& [key, want] : expected) {
		const bool shouldList = want.deleted == 0 || want.latestEdit > want.deleted;
		const VaultEntry* found = shouldList ? listed[key] : deleted[key];
		ASSERT_NE(found, nullptr) << "seed " << seed << ": account " << key << (shouldList ? " lost" : " not deleted");
		EXPECT_EQ(listed.count(key) + deleted.count(key), 1u) << "seed " << seed << ": account " << key;
		EXPECT_EQ(found->id, want.smallestId) << "seed " << seed;
		EXPECT_EQ(found->account.counter, want.counter) << "seed " << seed;
		for (int field = 0; field < kFields; ++field) {
			VaultEntry copy = *found;
			EXPECT_EQ(std::pair(stampOf(copy, field), valueCode(copy, field)), *want.fields[static_cast<size_t>(field)])
				<< "seed " << seed << ": account " << key << " field " << field;
		}
	}
	EXPECT_EQ(listed.size() + deleted.size(), expected.size()) << "seed " << seed << ": an account came from nowhere";
	EXPECT_TRUE(std::is_sorted(merged.entries.begin(), merged.entries.end(), [](const VaultEntry& a, const VaultEntry& b) {
		return std::tie(a.rank, a.id) < std::tie(b.rank, b.id);
	}));
}

constexpr uint64_t kSeeds = 300;

} // namespace

TEST(VaultMergePropertyTest, TwoDevicesCommutativeIdempotentAndLossless)
{
	for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
		History history(seed, 2);
		history.run(60);
		const auto& a = history.devices()[0];
		const auto& b = history.devices()[1];
		const VaultContents ab = mergeVaultContents(a, b);
		ASSERT_EQ(ab, mergeVaultContents(b, a)) << "seed " << seed;
		EXPECT_EQ(mergeVaultContents(ab, ab), ab) << "seed " << seed;
		EXPECT_EQ(mergeVaultContents(ab, a), ab) << "seed " << seed; // merging again what is already in
		EXPECT_EQ(mergeVaultContents(ab, b), ab) << "seed " << seed;
		const VaultContents aa = mergeVaultContents(a, a);
		EXPECT_EQ(mergeVaultContents(aa, aa), aa) << "seed " << seed;
		EXPECT_EQ(mergeVaultContents(a, VaultContents{}), aa) << "seed " << seed;
		expectNothingLost(ab, history.expected(), seed);
	}
}

TEST(VaultMergePropertyTest, ThreeDevicesEveryOrderAgrees)
{
	for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
		History history(1000 + seed, 3);
		history.run(90);
		const auto& d = history.devices();
		const VaultContents reference = mergeVaultContents(mergeVaultContents(d[0], d[1]), d[2]);
		std::array<size_t, 3> order = {0, 1, 2};
		do {
			const auto& x = d[order[0]];
			const auto& y = d[order[1]];
			const auto& z = d[order[2]];
			ASSERT_EQ(mergeVaultContents(mergeVaultContents(x, y), z), reference) << "seed " << seed << " ((xy)z)";
			ASSERT_EQ(mergeVaultContents(x, mergeVaultContents(y, z)), reference) << "seed " << seed << " (x(yz))";
		} while (std::next_permutation(order.begin(), order.end()));
		EXPECT_EQ(mergeVaultContents(reference, reference), reference) << "seed " << seed;
		expectNothingLost(reference, history.expected(), seed);
	}
}

TEST(VaultMergePropertyTest, SameAccountOnTwoDevicesBecomesOne)
{
	VaultContents a, b;
	VaultEntry first;
	first.id = "bbbb";
	first.account = accountFor(3);
	first.account.counter = 5;
	first.account.issuer = "ACME";
	first.stamps = {10, 10, 10, 10, 10, 10, 10};
	VaultEntry second = first;
	second.id = "aaaa";
	second.account.counter = 9;
	second.account.issuer = "Darbs";
	second.stamps = {12, 12, 12, 12, 12, 12, 12};
	second.account.name = "jānis";
	a.entries = {first};
	b.entries = {second};
	const auto merged = mergeVaultContents(a, b);
	ASSERT_EQ(merged.entries.size(), 1u);
	EXPECT_EQ(merged.entries[0].id, "aaaa");
	EXPECT_EQ(merged.entries[0].account.issuer, "Darbs");
	EXPECT_EQ(merged.entries[0].account.counter, 9u);
	const auto changes = describeMerge(a, merged);
	EXPECT_EQ(changes.updated, std::vector<std::string>{"aaaa"});
	EXPECT_TRUE(changes.added.empty());
	EXPECT_TRUE(changes.deleted.empty());
}

TEST(VaultMergePropertyTest, OneIdForTwoAccountsIsRefused)
{
	VaultContents a, b;
	VaultEntry entry;
	entry.id = "cafe";
	entry.account = accountFor(1);
	a.entries = {entry};
	entry.account = accountFor(2);
	b.entries = {entry};
	try {
		(void)mergeVaultContents(a, b);
		FAIL() << "merged two accounts with one id";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::MalformedFile);
		EXPECT_EQ(e.field(), "id");
	}
}

TEST(VaultMergePropertyTest, DeleteAgainstEditsOlderAndNewer)
{
	VaultEntry entry;
	entry.id = "0001";
	entry.account = accountFor(4);
	entry.stamps = {5, 5, 5, 5, 5, 5, 5};
	VaultContents deleted{{}, {{entry, 20}}};
	VaultContents olderEdit{{entry}, {}};
	olderEdit.entries[0].account.name = "ACME";
	olderEdit.entries[0].stamps.name = 15;
	VaultContents newerEdit = olderEdit;
	newerEdit.entries[0].stamps.name = 25;

	const auto lost = mergeVaultContents(deleted, olderEdit);
	EXPECT_TRUE(lost.entries.empty());
	ASSERT_EQ(lost.tombstones.size(), 1u);
	EXPECT_EQ(lost.tombstones[0].entry.account.name, "ACME"); // kept, should a newer edit bring it back

	const auto kept = mergeVaultContents(deleted, newerEdit);
	ASSERT_EQ(kept.entries.size(), 1u);
	EXPECT_TRUE(kept.tombstones.empty());
	EXPECT_EQ(mergeVaultContents(lost, newerEdit), kept);
}

TEST(VaultMergePropertyTest, PruneForgetsOnlyExpiredTombstones)
{
	VaultEntry entry;
	entry.id = "0001";
	entry.account = accountFor(4);
	VaultContents contents{{}, {{entry, 1000}}};
	pruneTombstones(contents, 1000 + kTombstoneLifetimeMs);
	EXPECT_EQ(contents.tombstones.size(), 1u);
	pruneTombstones(contents, 1001 + kTombstoneLifetimeMs);
	EXPECT_TRUE(contents.tombstones.empty());
}
