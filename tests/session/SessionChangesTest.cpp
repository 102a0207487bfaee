// Every change of the vault through the session goes "compute, persist, confirm": the commit hands
// out the new file and changes nothing; abandon() (the write failed) leaves the session exactly as
// before; confirmSaved() makes the file the vault. One test per change, each checking all three.

#include "SessionTestSupport.h"

#include "authcore/otp/Otp.h"

using namespace authcore;
using namespace authcore::test;

namespace {

const std::vector<uint8_t> kCredential = {0xC1, 0xC2, 0xC3};
const std::vector<uint8_t> kPrfOutput(32, 0x5A);

} // namespace

/// Commits with `commit`, checks nothing moved, abandons, checks again, commits again and confirms.
class SessionChangeTest : public SessionTest
{
protected:
	Session::Saved commitAbandonConfirm(const std::function<Session::PendingFile()>& commit)
	{
		const Snapshot before = snapshot(session);
		const auto first = commit();
		EXPECT_EQ(first.revision, before.revision + 1);
		EXPECT_EQ(snapshot(session), before) << "nothing changes before the file is stored";
		session.abandon();
		EXPECT_EQ(snapshot(session), before) << "a failed write leaves the session as it was";
		EXPECT_FALSE(session.hasPendingSave());
		EXPECT_EQ(errorKind([&] { session.confirmSaved(first.revision); }), "invalid_argument:revision");

		const auto pending = commit();
		auto saved = session.confirmSaved(pending.revision);
		EXPECT_EQ(session.vault().revision(), pending.revision);
		EXPECT_EQ(session.vault().file(), pending.file) << "the vault is the file that was stored";
		return saved;
	}

	const std::string& firstId() const { return session.vault().entries()[0].id; }

	void addSecond()
	{
		const auto id = session.stageText(sampleUris()[1]).candidates[0].id;
		session.confirmSaved(session.commit({{id}, std::nullopt, Session::Duplicates::Refuse}).revision);
	}
};

TEST_F(SessionChangeTest, UpdateRenamesOnlyOnConfirm)
{
	commitAbandonConfirm([&] { return session.commitUpdate(firstId(), {std::string("Renamed"), std::nullopt, std::string("Work")}); });
	EXPECT_EQ(session.vault().entries()[0].account.issuer, "Renamed");
	EXPECT_EQ(session.vault().entries()[0].group, "Work");
	EXPECT_EQ(errorKind([&] { session.commitUpdate("nope", {std::string("x")}); }), "invalid_argument:id");
	EXPECT_FALSE(session.hasPendingSave()) << "a refused change leaves no pending save";
}

TEST_F(SessionChangeTest, RemoveAndItsUndoEachWaitForTheirConfirm)
{
	addSecond();
	const std::string removed = firstId();
	EXPECT_EQ(errorKind([&] { session.commitUndoRemove(); }), "invalid_argument:undo");
	commitAbandonConfirm([&] { return session.commitRemove(removed); });
	ASSERT_EQ(session.vault().entries().size(), 1u);
	const auto saved = commitAbandonConfirm([&] { return session.commitUndoRemove(); });
	ASSERT_EQ(saved.addedIds.size(), 1u);
	EXPECT_EQ(saved.addedIds[0], removed);
	EXPECT_EQ(firstId(), removed) << "the entry is back at its old place";
}

TEST_F(SessionChangeTest, AnAbandonedRemoveLeavesNothingToUndo)
{
	session.commitRemove(firstId());
	session.abandon();
	EXPECT_EQ(errorKind([&] { session.commitUndoRemove(); }), "invalid_argument:undo")
		<< "the removal never happened, so the vault has no removal to undo";
}

TEST_F(SessionChangeTest, ReorderMovesTheListOnConfirm)
{
	addSecond();
	const std::vector<std::string> reversed = {session.vault().entries()[1].id, firstId()};
	commitAbandonConfirm([&] { return session.commitReorder(reversed); });
	EXPECT_EQ(firstId(), reversed[0]);
	EXPECT_EQ(errorKind([&] { session.commitReorder(std::vector<std::string>{reversed[0]}); }), "invalid_argument:ids");
}

TEST_F(SessionChangeTest, TheNextHotpCodeComesOnlyWithTheStoredCounter)
{
	addSecond();
	const std::string hotp = session.vault().entries()[1].id;
	const Account account = session.vault().entries()[1].account;
	const auto saved = commitAbandonConfirm([&] { return session.commitNextHotp(hotp); });
	ASSERT_TRUE(saved.hotp.has_value());
	EXPECT_EQ(saved.hotp->counter, account.counter) << "the abandoned commit did not use up a counter";
	EXPECT_EQ(saved.hotp->code, generateCode(account, 0));
	EXPECT_EQ(session.vault().entry(hotp).account.counter, account.counter + 1);
	EXPECT_EQ(errorKind([&] { session.commitNextHotp(firstId()); }), "invalid_argument:type");
}

TEST_F(SessionChangeTest, APasswordChangeIsUndoneWithoutAnotherKeyDerivation)
{
	session.confirmSaved(session.commitAddPasskey("Key", kCredential, Vault::newPasskeySalt(), kPrfOutput).revision);
	EXPECT_EQ(errorKind([&] { session.commitPasswordChange("wrong", "new"); }), "wrong_password:oldPassword");
	// The change derives the new key on the copy; abandoning drops the copy (no second derivation,
	// and no need for the new password to change back).
	const auto saved = commitAbandonConfirm([&] { return session.commitPasswordChange(kPassword, "jauna parole"); });
	EXPECT_EQ(saved.passkeysDropped, 1u);
	EXPECT_TRUE(session.vault().passkeys().empty());
	EXPECT_NO_THROW(Vault::unlock(session.vault().file(), "jauna parole"));
	EXPECT_EQ(errorKind([&] { Vault::unlock(session.vault().file(), kPassword); }), "wrong_password:password");
}

TEST_F(SessionChangeTest, PasskeysAreAddedAndRemovedOnConfirm)
{
	commitAbandonConfirm([&] { return session.commitAddPasskey("Key", kCredential, Vault::newPasskeySalt(), kPrfOutput); });
	ASSERT_EQ(session.vault().passkeys().size(), 1u);
	EXPECT_EQ(session.vault().passkeys()[0].name, "Key");
	commitAbandonConfirm([&] { return session.commitRemovePasskey(kCredential); });
	EXPECT_TRUE(session.vault().passkeys().empty());
}

TEST_F(SessionChangeTest, AMergeAppliesOnConfirmAndTheBackupIsHeldUntilThen)
{
	EXPECT_EQ(errorKind([&] { session.commitMerge(); }), "invalid_argument:merge");
	Vault backup(session.vault());
	backup.add(parseOtpauthUri(sampleUris()[2]));
	const auto preview = session.previewMerge(std::move(backup));
	EXPECT_EQ(preview.changes.added.size(), 1u);
	EXPECT_EQ(session.vault().entries().size(), 1u) << "a preview changes nothing";
	// commitAbandonConfirm commits twice: the backup must survive the abandoned one.
	const auto saved = commitAbandonConfirm([&] { return session.commitMerge(); });
	ASSERT_TRUE(saved.merge.has_value());
	EXPECT_EQ(saved.merge->added.size(), 1u);
	EXPECT_EQ(session.vault().entries().size(), 2u);
	EXPECT_EQ(errorKind([&] { session.commitMerge(); }), "invalid_argument:merge") << "a merge is applied once";
}

TEST_F(SessionChangeTest, ARestoredVaultReplacesTheSessionOnlyOnceStored)
{
	const auto staged = session.stageText(sampleUris()[2]).candidates[0].id;
	Vault other = Vault::create("cita parole", kFastKdf, Vault::KdfFloor::NotEnforced);
	other.add(parseOtpauthUri(sampleUris()[3]));
	const auto otherFile = other.file();
	const Snapshot before = snapshot(session);

	auto pending = session.commitReplacement(Vault::unlock(otherFile, "cita parole"));
	EXPECT_EQ(pending.file, otherFile);
	session.abandon();
	EXPECT_EQ(snapshot(session), before);

	pending = session.commitReplacement(Vault::unlock(otherFile, "cita parole"));
	session.confirmSaved(pending.revision);
	EXPECT_EQ(session.vault().file(), otherFile);
	EXPECT_TRUE(session.candidates().empty()) << "the old vault's candidates went with it";
	EXPECT_EQ(errorKind([&] { session.candidateCode(staged, kTime); }), "invalid_argument:id");
}

TEST(SessionReplacement, ANewVaultOpensALockedSessionOnlyOnceStored)
{
	Session session;
	const auto pending = session.commitReplacement(Vault::create(kPassword, kFastKdf, Vault::KdfFloor::NotEnforced));
	EXPECT_FALSE(session.isUnlocked());
	session.abandon();
	EXPECT_EQ(errorKind([&] { session.confirmSaved(pending.revision); }), "locked");
	EXPECT_FALSE(session.isUnlocked());
	session.confirmSaved(session.commitReplacement(Vault::unlock(pending.file, kPassword)).revision);
	EXPECT_TRUE(session.isUnlocked());
	EXPECT_EQ(session.vault().file(), pending.file);
}

TEST_F(SessionChangeTest, AWeakSlotIsUpgradedOnlyOnceStored)
{
	// The fixture's vault uses test parameters, far below the Argon2id floor.
	const KdfParams weak = session.vault().passwordKdf();
	ASSERT_FALSE(weak.meetsFloor());
	std::optional<Session::PendingFile> pending = session.commitSlotUpgrade(kPassword);
	ASSERT_TRUE(pending.has_value());
	session.abandon();
	EXPECT_EQ(session.vault().passwordKdf(), weak);
	pending = session.commitSlotUpgrade(kPassword);
	session.confirmSaved(pending->revision);
	EXPECT_TRUE(session.vault().passwordKdf().meetsFloor());
	EXPECT_FALSE(session.commitSlotUpgrade(kPassword).has_value()) << "nothing left to upgrade";
	EXPECT_FALSE(session.hasPendingSave());
}

TEST_F(SessionChangeTest, ImportedLinksAreStagedAllOrNone)
{
	const std::vector<std::string> bad = {sampleUris()[2], "otpauth://totp/x?secret=1"};
	EXPECT_EQ(errorKind([&] { session.stageUris(bad); }), "invalid_uri:secret");
	EXPECT_TRUE(session.candidates().empty()) << "the link that parsed before the bad one is not kept";
	const std::vector<std::string> good = {sampleUris()[2], sampleUris()[3]};
	const auto previews = session.stageUris(good);
	ASSERT_EQ(previews.size(), 2u);
	EXPECT_EQ(previews[0].issuer, "Steam");
	EXPECT_EQ(previews[1].issuer, "Bank");
}

TEST_F(SessionChangeTest, AnImportSkipsDuplicatesAndSaysWhich)
{
	const std::vector<std::string> uris = {sampleUris()[0], sampleUris()[2], sampleUris()[2]};
	const auto previews = session.stageUris(uris);
	std::vector<std::string> ids;
	for (const auto& p : previews)
		ids.push_back(p.id);
	const auto saved = commitAbandonConfirm([&] { return session.commit({ids, std::nullopt, Session::Duplicates::Skip}); });
	EXPECT_EQ(saved.skippedIds, (std::vector<std::string>{ids[0], ids[2]})) << "one in the vault, one twice in the file";
	EXPECT_EQ(saved.addedIds.size(), 1u);
	EXPECT_EQ(session.vault().entries().size(), 2u);
	EXPECT_TRUE(session.candidates().empty()) << "skipped candidates leave staging with the others";

	const auto again = session.stageUris(std::vector<std::string>{sampleUris()[0]});
	const auto pending = session.commit({{again[0].id}, std::nullopt, Session::Duplicates::Skip});
	EXPECT_EQ(pending.revision, session.vault().revision()) << "all skipped: the file is the vault's own";
	EXPECT_EQ(session.confirmSaved(pending.revision).skippedIds.size(), 1u);
}

TEST_F(SessionChangeTest, LockDropsAPendingChangeAndAHeldBackup)
{
	(void)session.previewMerge(Vault(session.vault()));
	const auto pending = session.commitUpdate(firstId(), {std::string("Renamed")});
	session.lock();
	EXPECT_FALSE(session.hasPendingSave());
	EXPECT_EQ(errorKind([&] { session.confirmSaved(pending.revision); }), "locked");
	EXPECT_EQ(errorKind([&] { session.commitMerge(); }), "locked");
	session.open(Vault::create(kPassword, kFastKdf, Vault::KdfFloor::NotEnforced));
	EXPECT_EQ(errorKind([&] { session.commitMerge(); }), "invalid_argument:merge") << "the backup went with the lock";
}
