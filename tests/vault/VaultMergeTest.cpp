// Vault::mergeFrom(): real vaults on two and three "devices", edited through the Vault API (so with
// its own clock and stamps), saved, reopened and merged; old payloads without stamps merge too.

#include "authcore/vault/Vault.h"

#include "TestData.h"
#include "VaultTestSupport.h"
#include "authcore/Error.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <thread>

using namespace authcore;

namespace {

constexpr const char* kPassword = "labs vārds";

// Two devices' clocks are independent: let one millisecond tick (a few, to be safe) so that the next
// edit is surely newer than the other device's last one, as it would be between real users' clicks.
void later()
{
	std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

Vault vaultWith(const std::vector<size_t>& sampleIndices)
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	const auto accounts = test::sampleAccounts();
	for (size_t index : sampleIndices)
		vault.add(accounts[index]);
	return vault;
}

std::multiset<std::string> labels(const Vault& vault)
{
	std::multiset<std::string> result;
	for (const auto& entry : vault.entries())
		result.insert(entry.account.issuer + ":" + entry.account.name + "/" + entry.group);
	return result;
}

const VaultEntry& byIssuer(const Vault& vault, const std::string& issuer)
{
	for (const auto& entry : vault.entries())
		if (entry.account.issuer == issuer)
			return entry;
	throw std::runtime_error("no entry of " + issuer);
}

} // namespace

TEST(VaultMergeTest, AddsFromTheOtherDeviceAndFoldsTheSameAccount)
{
	Vault a = vaultWith({0, 1});
	Vault b = vaultWith({1, 2, 3}); // sample 1 added on both devices, with another id
	const uint64_t revision = a.revision();

	const auto changes = a.mergeFrom(b.contents());
	EXPECT_EQ(changes.added.size(), 2u);
	EXPECT_TRUE(changes.deleted.empty());
	EXPECT_EQ(changes.updated.size() + changes.unchanged, 2u);
	EXPECT_EQ(a.entries().size(), 4u);
	EXPECT_EQ(a.revision(), revision + 1); // one save

	// The other way round gives the same accounts; reopening keeps everything, stamps included.
	b.mergeFrom(a.contents());
	EXPECT_EQ(a.contents(), b.contents());
	const Vault reopened = Vault::unlock(a.file(), kPassword);
	EXPECT_EQ(reopened.contents(), a.contents());
}

TEST(VaultMergeTest, NothingNewMeansNoSave)
{
	Vault a = vaultWith({0, 1, 2});
	const Vault b = Vault::unlock(a.file(), kPassword);
	const uint64_t revision = a.revision();
	const auto changes = a.mergeFrom(b.contents());
	EXPECT_TRUE(changes.empty());
	EXPECT_EQ(changes.unchanged, 3u);
	EXPECT_EQ(a.revision(), revision);
}

TEST(VaultMergeTest, EditsMergeFieldByFieldAndNewerDeleteWins)
{
	Vault a = vaultWith({0, 1, 2, 3});
	Vault b = Vault::unlock(a.file(), kPassword); // the same vault on a second device
	const std::string acme = byIssuer(a, "ACME Co").id;
	const std::string steam = byIssuer(a, "Steam").id;
	const std::string bank = byIssuer(a, "Bank").id;

	a.update(acme, {std::nullopt, std::nullopt, std::string("Darbs"), std::nullopt, std::nullopt}); // group on A
	b.update(acme, {std::nullopt, std::string("jānis (darbs)"), std::nullopt, std::nullopt, std::nullopt}); // name on B
	b.update(steam, {std::nullopt, std::nullopt, std::nullopt, std::string("old note"), std::nullopt});
	later();
	a.remove(steam); // newer than B's edit: the delete wins
	a.remove(bank);
	later();
	b.update(bank, {std::nullopt, std::nullopt, std::nullopt, std::string("still used"), std::nullopt}); // newer: kept

	const auto changes = a.mergeFrom(b.contents());
	b.mergeFrom(a.contents());
	EXPECT_EQ(a.contents(), b.contents());
	EXPECT_EQ(a.entry(acme).group, "Darbs");
	EXPECT_EQ(a.entry(acme).account.name, "jānis (darbs)");
	EXPECT_THROW(a.entry(steam), Error);
	EXPECT_EQ(a.entry(bank).note, "still used");
	EXPECT_EQ(changes.added, std::vector<std::string>{bank});
	EXPECT_EQ(changes.updated, std::vector<std::string>{acme});
	EXPECT_TRUE(changes.deleted.empty()); // A had already deleted Steam itself
}

TEST(VaultMergeTest, HotpCounterTakesTheHighest)
{
	Vault a = vaultWith({1});
	Vault b = Vault::unlock(a.file(), kPassword);
	const std::string id = a.entries()[0].id;
	a.nextHotp(id);
	b.nextHotp(id);
	b.nextHotp(id);
	a.mergeFrom(b.contents());
	// 41 at first; A showed the code for 41, B those for 41 and 42: the next code is 43's.
	EXPECT_EQ(a.entry(id).account.counter, 43u);
}

TEST(VaultMergeTest, UndoAfterDeleteComesBackOnTheOtherDevice)
{
	Vault a = vaultWith({0, 1, 2});
	Vault b = Vault::unlock(a.file(), kPassword);
	const std::string id = a.entries()[1].id;
	a.remove(id);
	b.mergeFrom(a.contents());
	EXPECT_EQ(b.entries().size(), 2u);
	a.undoRemove();
	const auto changes = b.mergeFrom(a.contents());
	EXPECT_EQ(changes.added, std::vector<std::string>{id});
	EXPECT_EQ(b.entries()[1].id, id); // at its old place
	EXPECT_TRUE(b.contents().tombstones.empty());
}

TEST(VaultMergeTest, ReorderMergesAndKeepsEveryAccount)
{
	Vault a = vaultWith({0, 1, 2, 3});
	Vault b = Vault::unlock(a.file(), kPassword);
	auto order = [](const Vault& vault) {
		std::vector<std::string> ids;
		for (const auto& entry : vault.entries())
			ids.push_back(entry.id);
		return ids;
	};
	auto ids = order(a);
	std::rotate(ids.begin(), ids.begin() + 3, ids.end()); // last to first
	a.reorder(ids);
	b.update(ids[1], {std::nullopt, std::nullopt, std::nullopt, std::string("moved elsewhere"), std::nullopt});
	b.mergeFrom(a.contents());
	a.mergeFrom(b.contents());
	EXPECT_EQ(order(a), ids);
	EXPECT_EQ(order(b), ids);
	EXPECT_EQ(a.entry(ids[1]).note, "moved elsewhere");
}

TEST(VaultMergeTest, DuplicateKeptOnPurposeFoldsIntoOne)
{
	Vault a = vaultWith({0, 1});
	a.add(test::sampleAccounts()[0], {}, true);
	ASSERT_EQ(a.entries().size(), 3u);
	const auto changes = a.mergeFrom(VaultContents{});
	EXPECT_EQ(a.entries().size(), 2u); // same secret and parameters: the same codes, one account
	EXPECT_EQ(changes.deleted.size(), 0u);
	EXPECT_EQ(changes.updated.size(), 1u);
}

TEST(VaultMergeTest, ThreeDevicesConvergeWhateverTheyDid)
{
	std::mt19937 random(7);
	std::vector<Vault> devices;
	devices.push_back(vaultWith({0}));
	devices.push_back(Vault::unlock(devices[0].file(), kPassword));
	devices.push_back(vaultWith({2}));
	const auto accounts = test::sampleAccounts();
	std::set<std::string> everAdded;
	for (int step = 0; step < 120; ++step) {
		Vault& vault = devices[random() % 3];
		const auto& entries = vault.entries();
		const size_t pick = entries.empty() ? 0 : random() % entries.size();
		switch (random() % 7) {
		case 0:
			try {
				vault.add(accounts[random() % accounts.size()]);
			} catch (const Error&) { // already there
			}
			break;
		case 1:
			if (!entries.empty())
				vault.update(entries[pick].id, {std::nullopt, std::nullopt, "g" + std::to_string(random() % 4), std::nullopt, std::nullopt});
			break;
		case 2:
			if (!entries.empty())
				vault.remove(entries[pick].id);
			break;
		case 3:
			try {
				vault.undoRemove();
			} catch (const Error&) { // nothing to undo
			}
			break;
		case 4:
			if (!entries.empty() && entries[pick].account.type == OtpType::Hotp)
				vault.nextHotp(entries[pick].id);
			break;
		default:
			vault.mergeFrom(devices[random() % 3].contents());
			break;
		}
		for (const auto& entry : vault.entries())
			everAdded.insert(entry.account.issuer);
	}
	for (int round = 0; round < 2; ++round)
		for (auto& device : devices)
			for (auto& other : devices)
				device.mergeFrom(other.contents());
	EXPECT_EQ(devices[0].contents(), devices[1].contents());
	EXPECT_EQ(devices[1].contents(), devices[2].contents());
	// Every account ever seen is still listed or was deleted on purpose (its tombstone is there).
	std::set<std::string> accounted;
	for (const auto& entry : devices[0].contents().entries)
		accounted.insert(entry.account.issuer);
	for (const auto& tombstone : devices[0].contents().tombstones)
		accounted.insert(tombstone.entry.account.issuer);
	EXPECT_EQ(accounted, everAdded);
	const Vault reopened = Vault::unlock(devices[0].file(), kPassword);
	EXPECT_EQ(reopened.contents(), devices[0].contents());
	EXPECT_EQ(labels(reopened), labels(devices[2]));
}

TEST(VaultMergeTest, VaultWrittenBeforeMergingMergesToo)
{
	std::ifstream in(test::testDataPath("vault/fixture-v1.vault"), std::ios::binary);
	const std::vector<uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
	ASSERT_FALSE(file.empty());
	Vault old = Vault::unlock(file, "Fixture pārole 1");
	ASSERT_FALSE(old.entries().empty());
	for (const auto& entry : old.entries())
		EXPECT_GT(entry.stamps.latest(), 0); // from `updated`
	Vault fresh = vaultWith({0});
	const auto changes = fresh.mergeFrom(old.contents());
	// The fixture's first account is sample 0, which `fresh` holds already: the other four arrive.
	EXPECT_EQ(changes.added.size(), old.entries().size() - 1);
	EXPECT_EQ(fresh.entries().size(), old.entries().size());
	const auto back = old.mergeFrom(fresh.contents());
	EXPECT_EQ(old.contents(), fresh.contents());
	EXPECT_TRUE(back.deleted.empty());
}
