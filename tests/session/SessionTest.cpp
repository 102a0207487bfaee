// The session: what staging hands out (never the secret), the codes of candidates, and "compute,
// persist, confirm": a save that is never confirmed leaves the session exactly as it was.

#include "SessionTestSupport.h"

#include "authcore/otp/Otp.h"

using namespace authcore;
using namespace authcore::test;

namespace {

// Google Authenticator's export of one account (Example / alice@google.com), as tests/e2e/scan uses.
constexpr const char* kMigration =
	"otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACjr4JKiBA%3D%3D";

} // namespace

TEST_F(SessionTest, AnOtpauthLinkBecomesOneCandidateWhosePreviewHasEveryParameter)
{
	const auto staged = session.stageText("  " + test::sampleUris()[1] + "\n");
	EXPECT_EQ(staged.kind, TextKind::Account);
	EXPECT_TRUE(staged.text.empty()) << "the link holds the secret: it is not handed back";
	ASSERT_EQ(staged.candidates.size(), 1u);
	const auto& preview = staged.candidates[0];
	EXPECT_EQ(preview.issuer, "R\xC4\xABgas \xC5\xAB" "dens");
	EXPECT_EQ(preview.name, "anna");
	EXPECT_EQ(preview.type, OtpType::Hotp);
	EXPECT_EQ(preview.algorithm, HashAlgorithm::Sha256);
	EXPECT_EQ(preview.digits, 8);
	EXPECT_EQ(preview.counter, 41u);
	EXPECT_EQ(session.candidates().size(), 1u);
}

TEST_F(SessionTest, AMigrationLinkStagesEachAccountAndOtherTextStagesNothing)
{
	const auto migration = session.stageText(kMigration);
	EXPECT_EQ(migration.kind, TextKind::Migration);
	ASSERT_EQ(migration.candidates.size(), 1u);
	EXPECT_EQ(migration.candidates[0].issuer, "Example");
	EXPECT_EQ(migration.candidates[0].name, "alice@google.com");
	EXPECT_TRUE(migration.text.empty());

	const auto link = session.stageText(" https://intranet.example.lv/login ");
	EXPECT_EQ(link.kind, TextKind::Link);
	EXPECT_EQ(link.text, "https://intranet.example.lv/login");
	EXPECT_EQ(session.stageText("Welcome to the office Wi-Fi").kind, TextKind::Text);
	EXPECT_EQ(session.stageText("https://a.lv and more").kind, TextKind::Text);
	EXPECT_EQ(session.stageText(" \n ").kind, TextKind::Empty);
	EXPECT_EQ(session.candidates().size(), 1u) << "only the migration's account was staged";
	EXPECT_EQ(errorKind([&] { session.stageText("otpauth://totp/x?issuer=y"); }), "invalid_uri:secret");
}

TEST_F(SessionTest, ATypedKeyIsCheckedInTheCore)
{
	ManualFields fields;
	fields.issuer = "Bank";
	fields.secret = "gezd gnbv-gy3t qojq";
	const auto preview = session.stageManual(fields);
	EXPECT_EQ(preview.type, OtpType::Totp);
	EXPECT_EQ(preview.digits, 6);
	EXPECT_EQ(preview.period, 30u);

	fields.type = "steam";
	fields.digits = 8;
	fields.algorithm = "SHA512";
	const auto steam = session.stageManual(fields);
	EXPECT_EQ(steam.digits, kSteamDigits) << "Steam's own parameters win over what the form still shows";
	EXPECT_EQ(steam.algorithm, HashAlgorithm::Sha1);

	fields.type = "hotp";
	fields.algorithm = "MD5";
	EXPECT_EQ(errorKind([&] { session.stageManual(fields); }), "invalid_argument:algorithm");
	fields.algorithm.reset();
	fields.type = "motp";
	EXPECT_EQ(errorKind([&] { session.stageManual(fields); }), "invalid_argument:type");
	fields.type.reset();
	fields.secret = "not base32!";
	EXPECT_EQ(errorKind([&] { session.stageManual(fields); }), "invalid_base32:secret");
	fields.secret = "";
	EXPECT_EQ(errorKind([&] { session.stageManual(fields); }), "invalid_base32:secret");
	fields.secret = "GEZDGNBV";
	fields.digits = 11;
	EXPECT_EQ(errorKind([&] { session.stageManual(fields); }), "invalid_argument:digits");
	EXPECT_EQ(session.candidates().size(), 2u) << "failed attempts stage nothing";

	EXPECT_EQ(Session::checkSecret("GEZDGNBVGY3TQOJQ").bits, 80u);
	EXPECT_FALSE(Session::checkSecret("GEZDGNBVGY3TQOJQ").tooShort);
	EXPECT_TRUE(Session::checkSecret("GEZDGNBV").tooShort);
	EXPECT_EQ(errorKind([] { Session::checkSecret("1"); }), "invalid_base32:secret");
}

TEST_F(SessionTest, ACandidateShowsTheCodeOfItsAccount)
{
	const auto totp = session.stageText(test::sampleUris()[0]).candidates[0];
	const auto hotp = session.stageText(test::sampleUris()[1]).candidates[0];
	const auto code = session.candidateCode(totp.id, kTime);
	EXPECT_EQ(code.code, generateCode(parseOtpauthUri(test::sampleUris()[0]), kTime));
	EXPECT_EQ(code.secondsRemaining, secondsRemaining(kTime, 30));
	const auto counterCode = session.candidateCode(hotp.id, kTime);
	EXPECT_EQ(counterCode.code, generateCode(parseOtpauthUri(test::sampleUris()[1]), 0));
	EXPECT_FALSE(counterCode.secondsRemaining.has_value());
	EXPECT_EQ(errorKind([&] { session.candidateCode("c999", kTime); }), "invalid_argument:id");
	EXPECT_EQ(errorKind([&] { session.candidateCode(totp.id, -1); }), "invalid_argument:time");
}

TEST_F(SessionTest, CommitComputesTheFileAndChangesNothingUntilConfirmed)
{
	const auto id = session.stageText(test::sampleUris()[2]).candidates[0].id;
	const Snapshot before = snapshot(session);

	const auto pending = session.commit({{id}, std::string("Spēles"), Session::Duplicates::Refuse});
	EXPECT_EQ(pending.revision, before.revision + 1);
	EXPECT_EQ(snapshot(session), before) << "nothing changes before the file is stored";
	EXPECT_TRUE(session.hasPendingSave());
	// The file handed out is a whole vault with the account in it.
	Vault stored = Vault::unlock(pending.file, kPassword);
	ASSERT_EQ(stored.entries().size(), 2u);
	EXPECT_EQ(stored.entries()[1].account.issuer, "Steam");
	EXPECT_EQ(stored.entries()[1].group, "Spēles");

	const auto added = session.confirmSaved(pending.revision).addedIds;
	ASSERT_EQ(added.size(), 1u);
	EXPECT_EQ(session.vault().revision(), pending.revision);
	EXPECT_EQ(session.vault().file(), pending.file);
	EXPECT_EQ(session.vault().entry(added[0]).account.issuer, "Steam");
	EXPECT_TRUE(session.candidates().empty()) << "a saved candidate leaves staging";
	EXPECT_FALSE(session.hasPendingSave());
	EXPECT_EQ(errorKind([&] { session.confirmSaved(pending.revision); }), "invalid_argument:revision");
}

TEST_F(SessionTest, AFailedSaveLeavesTheSessionExactlyAsBefore)
{
	const auto a = session.stageText(test::sampleUris()[2]).candidates[0].id;
	const auto b = session.stageText(test::sampleUris()[3]).candidates[0].id;
	const Snapshot before = snapshot(session);

	// The write failed: the page abandons.
	session.commit({{a, b}, std::nullopt, Session::Duplicates::Refuse});
	session.abandon();
	EXPECT_EQ(snapshot(session), before);
	EXPECT_FALSE(session.hasPendingSave());

	// The write failed and the page simply tries again: the first pending file is forgotten, and
	// its revision can no longer be confirmed.
	const auto first = session.commit({{a}, std::nullopt, Session::Duplicates::Refuse});
	const auto second = session.commit({{a, b}, std::nullopt, Session::Duplicates::Refuse});
	EXPECT_EQ(snapshot(session), before);
	EXPECT_NE(first.file, second.file);
	EXPECT_EQ(first.revision, second.revision);
	session.confirmSaved(second.revision);
	EXPECT_EQ(session.vault().file(), second.file) << "the confirmed file is the last one computed";
	EXPECT_EQ(session.vault().entries().size(), 3u);
}

TEST_F(SessionTest, AnotherChangeConfirmedMeanwhileOutdatesAPendingSave)
{
	const auto id = session.stageText(test::sampleUris()[2]).candidates[0].id;
	const auto pending = session.commit({{id}, std::nullopt, Session::Duplicates::Refuse});
	const auto edit = session.commitUpdate(session.vault().entries()[0].id, {std::string("Renamed")});
	EXPECT_EQ(edit.revision, pending.revision) << "both were computed from the same vault";
	session.confirmSaved(edit.revision);
	EXPECT_EQ(errorKind([&] { session.confirmSaved(pending.revision); }), "invalid_argument:revision");
	EXPECT_EQ(session.vault().entries().size(), 1u) << "the edit stays, the stale save never lands";
	EXPECT_EQ(session.candidates().size(), 1u);
}

TEST_F(SessionTest, DuplicatesAreRefusedUnlessAllowedAndNothingChanges)
{
	const auto same = session.stageText(test::sampleUris()[0]).candidates[0].id;
	const auto twin = session.stageText(test::sampleUris()[2]).candidates[0].id;
	const auto twin2 = session.stageText(test::sampleUris()[2]).candidates[0].id;
	const Snapshot before = snapshot(session);
	EXPECT_EQ(errorKind([&] { session.commit({{same}, std::nullopt, Session::Duplicates::Refuse}); }), "duplicate:account");
	EXPECT_EQ(errorKind([&] { session.commit({{twin, twin2}, std::nullopt, Session::Duplicates::Refuse}); }), "duplicate:account");
	EXPECT_EQ(snapshot(session), before);
	EXPECT_FALSE(session.hasPendingSave());
	const auto pending = session.commit({{same}, std::nullopt, Session::Duplicates::Allow});
	session.confirmSaved(pending.revision);
	EXPECT_EQ(session.vault().entries().size(), 2u);
}

TEST_F(SessionTest, CommitChecksTheIdsItIsGiven)
{
	const auto id = session.stageText(test::sampleUris()[2]).candidates[0].id;
	EXPECT_EQ(errorKind([&] { session.commit({{}, std::nullopt, Session::Duplicates::Refuse}); }), "invalid_argument:ids");
	EXPECT_EQ(errorKind([&] { session.commit({{id, id}, std::nullopt, Session::Duplicates::Refuse}); }), "invalid_argument:ids");
	EXPECT_EQ(errorKind([&] { session.commit({{"c42"}, std::nullopt, Session::Duplicates::Refuse}); }), "invalid_argument:id");
	EXPECT_EQ(errorKind([&] { session.commit({{id}, std::string("\xC3\x28"), Session::Duplicates::Refuse}); }), "invalid_argument:group");
}

TEST_F(SessionTest, DiscardDropsCandidatesAndThePendingSave)
{
	const auto a = session.stageText(test::sampleUris()[2]).candidates[0].id;
	const auto b = session.stageText(test::sampleUris()[3]).candidates[0].id;
	const auto pending = session.commit({{a}, std::nullopt, Session::Duplicates::Refuse});
	session.discard(b);
	EXPECT_FALSE(session.hasPendingSave());
	EXPECT_EQ(errorKind([&] { session.confirmSaved(pending.revision); }), "invalid_argument:revision");
	ASSERT_EQ(session.candidates().size(), 1u);
	EXPECT_EQ(session.candidates()[0].id, a);
	EXPECT_EQ(errorKind([&] { session.discard(b); }), "invalid_argument:id");
	session.discardAll();
	EXPECT_TRUE(session.candidates().empty());
	const auto c = session.stageText(test::sampleUris()[2]).candidates[0].id;
	EXPECT_NE(c, a) << "ids are never reused, so a stale id from the page cannot name a new candidate";
}

TEST_F(SessionTest, LockWipesStagingAndOpeningAnotherVaultStartsEmpty)
{
	const auto id = session.stageText(test::sampleUris()[2]).candidates[0].id;
	session.commit({{id}, std::nullopt, Session::Duplicates::Refuse});
	session.lock();
	EXPECT_FALSE(session.isUnlocked());
	EXPECT_FALSE(session.hasPendingSave());
	EXPECT_EQ(errorKind([&] { session.candidateCode(id, kTime); }), "locked");
	EXPECT_EQ(errorKind([&] { session.stageText(test::sampleUris()[2]); }), "locked");
	EXPECT_EQ(errorKind([&] { session.commit({{id}, std::nullopt, Session::Duplicates::Refuse}); }), "locked");

	session.open(Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced));
	EXPECT_TRUE(session.candidates().empty());
	EXPECT_EQ(errorKind([&] { session.candidateCode(id, kTime); }), "invalid_argument:id");
}
