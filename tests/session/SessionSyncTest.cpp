// Sync through storage the user owns (docs/sync.md): a device opens the synced copy with its own key
// when it can, asks for the password when the copy is under another key (then adopts that key), and
// refuses a changed copy. Each sync is a save like any other: nothing moves before confirmSaved().

#include "SessionTestSupport.h"

#include "authcore/vault/VaultMerge.h"

#include <algorithm>

using namespace authcore;
using namespace authcore::test;

namespace {

std::vector<std::string> issuers(const Vault& vault)
{
	std::vector<std::string> names;
	for (const auto& entry : vault.entries())
		names.push_back(entry.account.issuer);
	std::sort(names.begin(), names.end());
	return names;
}

/// The synced copy: this session's own vault, changed on "another device".
Vault anotherDevicesCopy(const Session& session)
{
	return Vault::unlock(session.vault().file(), kPassword);
}

} // namespace

TEST_F(SessionTest, ACopyUnderTheSameKeyOpensWithoutThePassword)
{
	Vault other = anotherDevicesCopy(session);
	other.add(parseOtpauthUri(sampleUris()[2]));
	const auto opened = session.vault().openWithSameKey(other.file());
	ASSERT_TRUE(opened.has_value());
	EXPECT_EQ(opened->revision(), other.revision());
	EXPECT_EQ(issuers(*opened), issuers(other));
}

TEST_F(SessionTest, ACopyUnderAnotherKeyNeedsItsPassword)
{
	Vault stranger = Vault::create("cita parole", kFastKdf, Vault::KdfFloor::NotEnforced);
	EXPECT_FALSE(session.vault().openWithSameKey(stranger.file()).has_value());

	Vault changedElsewhere = anotherDevicesCopy(session);
	changedElsewhere.changePassword(kPassword, "jauna parole", kFastKdf);
	EXPECT_FALSE(session.vault().openWithSameKey(changedElsewhere.file()).has_value())
		<< "a password change elsewhere makes a new key";
}

TEST_F(SessionTest, AChangedCopyWithTheseVerySlotsIsRefused)
{
	Vault other = anotherDevicesCopy(session);
	other.add(parseOtpauthUri(sampleUris()[2]));
	auto file = other.file();
	file[file.size() - 20] ^= 0x01; // in the sealed accounts, behind the header and its digest
	EXPECT_EQ(errorKind([&] { (void)session.vault().openWithSameKey(file); }), "integrity_failure:payload");
	EXPECT_EQ(errorKind([&] { (void)session.vault().openWithSameKey(std::vector<uint8_t>{1, 2, 3}); }).substr(0, 14), "malformed_file");
}

TEST_F(SessionTest, SyncMergesBothWaysAndTheRevisionComesAfterBoth)
{
	Vault other = anotherDevicesCopy(session);
	for (int i = 0; i < 5; ++i) // the other device saved more often (the same two accounts, added again)
		other.add(parseOtpauthUri(sampleUris()[2 + i % 2]), {}, true);
	const uint64_t theirs = other.revision();
	session.commitUpdate(session.vault().entries()[0].id, {std::string("Renamed here")});
	session.confirmSaved(session.vault().revision() + 1);

	auto preview = session.previewSync(*session.vault().openWithSameKey(other.file()), Session::SyncKey::Same);
	EXPECT_FALSE(preview.adoptsSyncedKey);
	EXPECT_TRUE(preview.syncedCopyBehind) << "the rename is not there yet";
	EXPECT_EQ(preview.merge.changes.added.size(), 2u) << "the other device's duplicates fold into one each";
	const Snapshot before = snapshot(session);
	auto pending = session.commitSync();
	EXPECT_GT(pending.revision, std::max(theirs, before.revision));
	session.abandon();
	EXPECT_EQ(snapshot(session), before) << "a failed write leaves the session as it was";
	EXPECT_EQ(errorKind([&] { session.commitMerge(); }), "invalid_argument:merge") << "a synced copy is not a backup";

	pending = session.commitSync();
	const auto saved = session.confirmSaved(pending.revision);
	ASSERT_TRUE(saved.merge.has_value());
	EXPECT_EQ(saved.merge->added.size(), 2u);
	EXPECT_EQ(session.vault().entries().size(), 3u);
	EXPECT_EQ(session.vault().entries()[0].account.issuer, "Renamed here");
	EXPECT_EQ(errorKind([&] { session.commitSync(); }), "invalid_argument:sync") << "a sync is applied once";

	// The other device takes the result: both now list the same, and a second sync changes nothing.
	Vault result = *other.openWithSameKey(session.vault().file());
	other.mergeSynced(result);
	EXPECT_EQ(issuers(other), issuers(session.vault()));
	preview = session.previewSync(*session.vault().openWithSameKey(other.file()), Session::SyncKey::Same);
	EXPECT_FALSE(preview.syncedCopyBehind);
	EXPECT_TRUE(preview.merge.changes.added.empty() && preview.merge.changes.updated.empty() && preview.merge.changes.deleted.empty());
}

TEST_F(SessionTest, AdoptingTheSyncedKeyKeepsEveryAccountAndOpensWithThatPassword)
{
	// Another device's vault, under its own password, with an account this one lacks.
	Vault group = Vault::create("grupas parole", kFastKdf, Vault::KdfFloor::NotEnforced);
	group.add(parseOtpauthUri(sampleUris()[3]));
	for (int i = 0; i < 3; ++i)
		group.add(parseOtpauthUri(sampleUris()[2]), {}, true);
	session.commitAddPasskey("Klēpjdators", std::vector<uint8_t>{1, 2, 3}, std::vector<uint8_t>(32, 7), std::vector<uint8_t>(32, 9));
	session.confirmSaved(session.vault().revision() + 1);
	ASSERT_FALSE(session.vault().openWithSameKey(group.file()).has_value());

	const auto preview = session.previewSync(Vault::unlock(group.file(), "grupas parole"), Session::SyncKey::AdoptSynced);
	EXPECT_TRUE(preview.adoptsSyncedKey);
	EXPECT_TRUE(preview.syncedCopyBehind) << "this device's account is not in the group's file";
	const Snapshot before = snapshot(session);
	auto pending = session.commitSync();
	EXPECT_GT(pending.revision, std::max(group.revision(), before.revision));
	session.abandon();
	EXPECT_EQ(snapshot(session), before);

	pending = session.commitSync();
	const auto saved = session.confirmSaved(pending.revision);
	ASSERT_TRUE(saved.merge.has_value());
	EXPECT_EQ(saved.merge->added.size() + saved.merge->updated.size(), 2u) << "seen from this device";
	EXPECT_EQ(session.vault().entries().size(), 3u) << "the group's duplicates fold into one";
	EXPECT_EQ(errorKind([&] { (void)Vault::unlock(session.vault().file(), kPassword); }), "wrong_password:password");
	const Vault reopened = Vault::unlock(session.vault().file(), "grupas parole");
	EXPECT_EQ(issuers(reopened), issuers(session.vault()));
	EXPECT_TRUE(Vault::passkeysOf(session.vault().file()).empty()) << "this device's passkey wrapped its old key";
	EXPECT_TRUE(group.openWithSameKey(session.vault().file()).has_value()) << "the group opens it with its key";
}

TEST_F(SessionTest, AnAdoptionWithNothingNewStillComesAfterThisRevision)
{
	Vault group = Vault::create("grupas parole", kFastKdf, Vault::KdfFloor::NotEnforced);
	group.add(parseOtpauthUri(sampleUris()[0]));
	for (int i = 0; i < 4; ++i)
		session.commitUpdate(session.vault().entries()[0].id, {std::string("v") + std::to_string(i)}),
			session.confirmSaved(session.vault().revision() + 1);
	ASSERT_GT(session.vault().revision(), group.revision());
	(void)session.previewSync(Vault::unlock(group.file(), "grupas parole"), Session::SyncKey::AdoptSynced);
	const auto pending = session.commitSync();
	EXPECT_GT(pending.revision, snapshot(session).revision) << "a revision never goes back (rollback warning)";
}

TEST_F(SessionTest, ADeviceSecretOpensOnlyUnderTheKeyItWasSealedWith)
{
	const std::string appPassword = "lietotnes-parole-123";
	const std::vector<uint8_t> secret(appPassword.begin(), appPassword.end());
	const auto sealed = session.vault().sealDeviceSecret(secret);
	EXPECT_EQ(sealed.size(), 12 + secret.size() + 16);
	EXPECT_EQ(std::search(sealed.begin(), sealed.end(), secret.begin(), secret.end()), sealed.end()) << "no plaintext";
	const auto opened = session.vault().openDeviceSecret(sealed);
	ASSERT_TRUE(opened.has_value());
	EXPECT_EQ(std::string(opened->begin(), opened->end()), appPassword);
	EXPECT_NE(session.vault().sealDeviceSecret(secret), sealed) << "a fresh nonce each time";

	auto changed = sealed;
	changed.back() ^= 1;
	EXPECT_FALSE(session.vault().openDeviceSecret(changed).has_value());
	EXPECT_FALSE(session.vault().openDeviceSecret(std::vector<uint8_t>(5)).has_value());
	const Vault other = Vault::create(kPassword, kFastKdf, Vault::KdfFloor::NotEnforced);
	EXPECT_FALSE(other.openDeviceSecret(sealed).has_value()) << "another key";
	EXPECT_EQ(errorKind([&] { (void)session.vault().sealDeviceSecret(std::vector<uint8_t>(4097)); }), "invalid_argument:secret");
}

TEST_F(SessionTest, AfterAPasswordChangeHereTheCopyUnderTheOldKeyIsMergedAndReplaced)
{
	Vault other = anotherDevicesCopy(session); // synced before the change, then changed elsewhere
	other.add(parseOtpauthUri(sampleUris()[2]));
	session.confirmSaved(session.commitPasswordChange(kPassword, "jauna parole").revision);
	ASSERT_FALSE(session.vault().openWithSameKey(other.file()).has_value());

	const auto preview = session.previewSync(Vault::unlock(other.file(), kPassword), Session::SyncKey::KeepThis);
	EXPECT_FALSE(preview.adoptsSyncedKey);
	EXPECT_TRUE(preview.syncedCopyBehind) << "the copy must move to the new key even with nothing else new";
	session.confirmSaved(session.commitSync().revision);
	EXPECT_EQ(session.vault().entries().size(), 2u);
	EXPECT_EQ(issuers(Vault::unlock(session.vault().file(), "jauna parole")), issuers(session.vault()));
}
