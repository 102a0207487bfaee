// Vault operations: add, duplicates, update, delete and undo, reorder, password change, lock,
// HOTP counters saved before the code is shown, codes, import.

#include "authcore/vault/Vault.h"

#include "VaultTestSupport.h"
#include "authcore/Error.h"
#include "authcore/otp/Otp.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <set>

using namespace authcore;

namespace {

constexpr const char* kPassword = "labs vārds";

std::string errorKind(const std::function<void()>& action)
{
	try {
		action();
		return "ok";
	} catch (const Error& e) {
		return std::string(toString(e.kind())) + (e.field().empty() ? "" : ":" + e.field());
	}
}

Vault filledVault()
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	for (auto& account : test::sampleAccounts())
		vault.add(std::move(account));
	return vault;
}

std::vector<std::string> ids(const Vault& vault)
{
	std::vector<std::string> result;
	for (const auto& entry : vault.entries())
		result.push_back(entry.id);
	return result;
}

int64_t nowSeconds()
{
	return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

TEST(VaultTest, CreateRejectsBadPasswordsAndParameters)
{
	EXPECT_EQ(errorKind([] { Vault::create("", test::kFastKdf, Vault::KdfFloor::NotEnforced); }), "invalid_argument:password");
	EXPECT_EQ(errorKind([] { Vault::create("\xC3\x28", test::kFastKdf, Vault::KdfFloor::NotEnforced); }), "invalid_argument:password");
	EXPECT_EQ(errorKind([] { Vault::create("pw", {4, 1, 1}); }), "invalid_argument:memoryKiB");
	EXPECT_EQ(errorKind([] { Vault::create("pw", {64, 0, 1}); }), "invalid_argument:iterations");
	// Users cannot create a vault below OWASP's Argon2id floor; at it, they can.
	EXPECT_EQ(errorKind([] { Vault::create("pw", test::kFastKdf); }), "invalid_argument:kdf");
	EXPECT_EQ(errorKind([] { Vault::create("pw", {19 * 1024 - 1, 2, 1}); }), "invalid_argument:kdf");
	EXPECT_EQ(errorKind([] { Vault::create("pw", kOwaspMinimumKdf); }), "ok");
}

TEST(VaultTest, AddGivesStableRandomIdsAndTimes)
{
	const int64_t before = nowSeconds();
	Vault vault = filledVault();
	ASSERT_EQ(vault.entries().size(), 4u);
	std::set<std::string> seen;
	for (const auto& entry : vault.entries()) {
		EXPECT_EQ(entry.id.size(), 32u);
		EXPECT_EQ(entry.id.find_first_not_of("0123456789abcdef"), std::string::npos);
		EXPECT_TRUE(seen.insert(entry.id).second);
		EXPECT_GE(entry.created, before);
		EXPECT_LE(entry.created, nowSeconds());
		EXPECT_EQ(entry.updated, entry.created);
	}
	EXPECT_EQ(vault.revision(), 5u); // create + four adds
	EXPECT_EQ(Vault::unlock(vault.file(), kPassword).entries(), vault.entries());
}

TEST(VaultTest, DuplicatesAreReportedUnlessAllowed)
{
	Vault vault = filledVault();
	const auto revision = vault.revision();
	auto again = test::sampleAccounts()[0];
	EXPECT_EQ(errorKind([&] { vault.add(again); }), "duplicate:account");
	EXPECT_EQ(vault.revision(), revision);
	EXPECT_EQ(vault.entries().size(), 4u);

	auto otherName = again;
	otherName.name = "someone else";
	EXPECT_EQ(errorKind([&] { vault.add(otherName); }), "ok");
	auto otherSecret = again;
	otherSecret.secret.back() ^= 1;
	EXPECT_EQ(errorKind([&] { vault.add(otherSecret); }), "ok");
	auto otherDigits = again; // same secret, issuer and name: still the same account
	otherDigits.digits = 8;
	EXPECT_EQ(errorKind([&] { vault.add(otherDigits); }), "duplicate:account");
	EXPECT_EQ(errorKind([&] { vault.add(again, {}, true); }), "ok");
	EXPECT_EQ(vault.entries().size(), 7u);
}

TEST(VaultTest, AddValidatesAndChangesNothingOnError)
{
	Vault vault = filledVault();
	const auto file = vault.file();
	Account empty;
	EXPECT_EQ(errorKind([&] { vault.add(empty); }), "invalid_argument:secret");
	Account badText = test::sampleAccounts()[0];
	badText.issuer = "\xFF\xFE";
	EXPECT_EQ(errorKind([&] { vault.add(badText); }), "invalid_argument:issuer");
	EXPECT_EQ(errorKind([&] { vault.add(test::sampleAccounts()[0], {"\xC0\xAF", "", false}, true); }), "invalid_argument:group");
	EXPECT_EQ(vault.file(), file);
	EXPECT_EQ(vault.entries().size(), 4u);
}

TEST(VaultTest, UpdateChangesOnlyWhatIsGiven)
{
	Vault vault = filledVault();
	const VaultEntry before = vault.entries()[1];
	const auto& after = vault.update(before.id, {.name = std::string("Anna Bērziņa"), .group = std::string("Mājas"),
												 .favourite = true});
	EXPECT_EQ(after.id, before.id);
	EXPECT_EQ(after.account.name, "Anna Bērziņa");
	EXPECT_EQ(after.account.issuer, before.account.issuer);
	EXPECT_EQ(after.account.secret, before.account.secret);
	EXPECT_EQ(after.group, "Mājas");
	EXPECT_EQ(after.note, "");
	EXPECT_TRUE(after.favourite);
	EXPECT_EQ(after.created, before.created);
	EXPECT_GE(after.updated, before.updated);
	EXPECT_EQ(Vault::unlock(vault.file(), kPassword).entries()[1], after);
	EXPECT_EQ(errorKind([&] { vault.update("nope", {}); }), "invalid_argument:id");
	EXPECT_EQ(errorKind([&] { vault.update(before.id, {.note = std::string("\x80")}); }), "invalid_argument:note");
}

TEST(VaultTest, DeleteAndUndoTheLastDelete)
{
	Vault vault = filledVault();
	const auto order = ids(vault);
	const VaultEntry second = vault.entries()[1];
	vault.remove(second.id);
	EXPECT_EQ(vault.entries().size(), 3u);
	EXPECT_EQ(Vault::unlock(vault.file(), kPassword).entries().size(), 3u);

	const auto revision = vault.revision();
	const auto& restored = vault.undoRemove();
	// The same entry, stamped as brought back (newer than the delete, so other devices follow).
	VaultEntry expected = second;
	expected.stamps.account = restored.stamps.account;
	EXPECT_EQ(restored, expected);
	EXPECT_GT(restored.stamps.account, vault.contents().entries[1].stamps.issuer);
	EXPECT_EQ(ids(vault), order); // back in its place
	EXPECT_EQ(vault.revision(), revision + 1);
	EXPECT_EQ(Vault::unlock(vault.file(), kPassword).entries(), vault.entries());
	EXPECT_EQ(errorKind([&] { vault.undoRemove(); }), "invalid_argument:undo");

	// Only the last delete comes back.
	vault.remove(order[0]);
	vault.remove(order[3]);
	EXPECT_EQ(vault.undoRemove().id, order[3]);
	EXPECT_EQ(errorKind([&] { vault.undoRemove(); }), "invalid_argument:undo");
	EXPECT_EQ(errorKind([&] { vault.remove(order[0]); }), "invalid_argument:id");
}

TEST(VaultTest, UndoIsForgottenOnLock)
{
	Vault vault = filledVault();
	vault.remove(vault.entries()[0].id);
	const auto file = vault.file();
	vault.lock();
	Vault reopened = Vault::unlock(file, kPassword);
	EXPECT_EQ(errorKind([&] { reopened.undoRemove(); }), "invalid_argument:undo");
}

TEST(VaultTest, Reorder)
{
	Vault vault = filledVault();
	auto order = ids(vault);
	std::vector<std::string> reversed(order.rbegin(), order.rend());
	vault.reorder(reversed);
	EXPECT_EQ(ids(vault), reversed);
	EXPECT_EQ(ids(Vault::unlock(vault.file(), kPassword)), reversed);

	const auto revision = vault.revision();
	EXPECT_EQ(errorKind([&] { vault.reorder(std::vector<std::string>(order.begin(), order.begin() + 3)); }), "invalid_argument:ids");
	EXPECT_EQ(errorKind([&] { vault.reorder(std::vector<std::string>{order[0], order[0], order[1], order[2]}); }), "invalid_argument:ids");
	EXPECT_EQ(errorKind([&] { vault.reorder(std::vector<std::string>{order[0], order[1], order[2], "x"}); }), "invalid_argument:ids");
	EXPECT_EQ(vault.revision(), revision);
	EXPECT_EQ(ids(vault), reversed);
}

TEST(VaultTest, ChangePasswordKeepsTheAccounts)
{
	Vault vault = filledVault();
	const auto entries = vault.entries();
	const auto oldFile = vault.file();
	EXPECT_EQ(errorKind([&] { vault.changePassword("not it", "new"); }), "wrong_password:oldPassword");
	EXPECT_EQ(vault.file(), oldFile);
	EXPECT_EQ(errorKind([&] { vault.changePassword(kPassword, ""); }), "invalid_argument:password");

	vault.changePassword(kPassword, "Jauna parole ☃", test::kFastKdf);
	EXPECT_EQ(Vault::unlock(vault.file(), "Jauna parole ☃").entries(), entries);
	EXPECT_EQ(errorKind([&] { Vault::unlock(vault.file(), kPassword); }), "wrong_password:password");
	EXPECT_EQ(vault.passwordKdf(), test::kFastKdf);
	// The old file still opens with the old password: the page replaces it, the core cannot.
	EXPECT_EQ(Vault::unlock(oldFile, kPassword).entries(), entries);

	vault.changePassword("Jauna parole ☃", "trešā", KdfParams{128, 2, 1});
	const Vault reopened = Vault::unlock(vault.file(), "trešā");
	EXPECT_EQ(reopened.passwordKdf(), (KdfParams{128, 2, 1}));
	EXPECT_EQ(reopened.entries(), entries);
}

TEST(VaultTest, LockWipesAndRefusesEverything)
{
	Vault vault = filledVault();
	const auto file = vault.file();
	const auto id = vault.entries()[0].id;
	vault.lock();
	EXPECT_FALSE(vault.isUnlocked());
	EXPECT_EQ(errorKind([&] { vault.entries(); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.file(); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.revision(); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.add(test::sampleAccounts()[0]); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.remove(id); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.nextHotp(id); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.codes(0); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.changePassword(kPassword, "x"); }), "locked");
	EXPECT_EQ(errorKind([] { Vault().entries(); }), "locked");
	EXPECT_EQ(Vault::unlock(file, kPassword).entries().size(), 4u);
}

TEST(VaultTest, MovedFromVaultIsLocked)
{
	Vault vault = filledVault();
	Vault other = std::move(vault);
	EXPECT_FALSE(vault.isUnlocked()); // NOLINT(bugprone-use-after-move): that is the point
	EXPECT_TRUE(other.isUnlocked());
	EXPECT_EQ(other.entries().size(), 4u);
}

TEST(VaultTest, HotpCounterIsSavedBeforeTheCodeIsShown)
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	// RFC 4226 Appendix D secret, counter 3: 969429.
	const VaultEntry entry = vault.add(parseOtpauthUri("otpauth://hotp/rfc?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=3"));
	const std::string id = entry.id;
	const auto revision = vault.revision();

	const auto first = vault.nextHotp(id);
	EXPECT_EQ(first.code, "969429");
	EXPECT_EQ(first.counter, 3u);
	EXPECT_EQ(vault.revision(), revision + 1);
	// The file returned with the code already holds the next counter.
	EXPECT_EQ(Vault::unlock(vault.file(), kPassword).entry(id).account.counter, 4u);

	const auto second = vault.nextHotp(id);
	EXPECT_EQ(second.code, "338314");
	EXPECT_EQ(second.counter, 4u);
	EXPECT_EQ(vault.entry(id).account.counter, 5u);
	EXPECT_EQ(vault.entry(id).updated, entry.created); // using a code is not an edit

	const auto totpId = vault.add(test::sampleAccounts()[0]).id;
	EXPECT_EQ(errorKind([&] { vault.nextHotp(totpId); }), "invalid_argument:type");
}

TEST(VaultTest, CodesNowAndNext)
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	// RFC 6238 Appendix B, SHA1 seed, 8 digits.
	vault.add(parseOtpauthUri("otpauth://totp/rfc?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8"));
	vault.add(parseOtpauthUri("otpauth://hotp/h?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0"));
	vault.add(parseOtpauthUri("otpauth://steam/s?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
	const auto codes = vault.codes(1111111109);
	ASSERT_EQ(codes.size(), 3u);
	EXPECT_EQ(codes[0].id, vault.entries()[0].id);
	EXPECT_EQ(codes[0].code, "07081804");
	EXPECT_EQ(codes[0].nextCode, "14050471"); // RFC value at 1111111111, the next 30 s step
	EXPECT_EQ(codes[0].secondsRemaining, 1u);
	EXPECT_EQ(codes[0].period, 30u);
	EXPECT_FALSE(codes[1].code.has_value());
	EXPECT_FALSE(codes[1].nextCode.has_value());
	EXPECT_FALSE(codes[1].secondsRemaining.has_value());
	EXPECT_EQ(codes[2].code, steamGuard(vault.entries()[2].account.secret, 1111111109));
	EXPECT_EQ(codes[2].nextCode, steamGuard(vault.entries()[2].account.secret, 1111111110));
	EXPECT_EQ(vault.entries()[1].account.counter, 0u); // codes() never advances HOTP

	// Some entries only (the rows on screen): in the entries' order, unknown ids skipped.
	const std::vector<std::string> some = {vault.entries()[2].id, "00000000000000000000000000000000", vault.entries()[0].id};
	const auto listed = vault.codes(1111111109, some);
	ASSERT_EQ(listed.size(), 2u);
	EXPECT_EQ(listed[0].id, vault.entries()[0].id);
	EXPECT_EQ(listed[0].code, "07081804");
	EXPECT_EQ(listed[1].id, vault.entries()[2].id);
	EXPECT_EQ(listed[1].code, codes[2].code);
}

TEST(VaultTest, ImportUrisReportsProblemsAndDuplicates)
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	vault.add(test::sampleAccounts()[0]);
	const auto revision = vault.revision();
	const auto& uris = test::sampleUris();
	const std::vector<std::string> input = {uris[0], uris[1], "otpauth://totp/x?secret=ABC1", uris[1], uris[2],
											"https://example.com", uris[3]};
	const auto report = vault.importUris(input);
	EXPECT_EQ(report.addedIds.size(), 3u);
	EXPECT_EQ(report.duplicates, (std::vector<size_t>{0, 3}));
	ASSERT_EQ(report.problems.size(), 2u);
	EXPECT_EQ(report.problems[0].first, 2u);
	EXPECT_EQ(report.problems[1].first, 5u);
	EXPECT_EQ(report.problems[0].second.find("ABC1"), std::string::npos) << "no secret in messages";
	EXPECT_EQ(vault.revision(), revision + 1); // one save for the whole batch
	EXPECT_EQ(vault.entries().size(), 4u);
	EXPECT_EQ(vault.entries()[3].id, report.addedIds[2]);

	const auto nothing = vault.importUris(input);
	EXPECT_TRUE(nothing.addedIds.empty());
	EXPECT_EQ(nothing.duplicates.size(), 5u);
	EXPECT_EQ(vault.revision(), revision + 1); // nothing added, nothing saved

	const auto all = vault.importUris(std::vector<std::string>{uris[0], uris[0]}, true);
	EXPECT_EQ(all.addedIds.size(), 2u);
}

TEST(VaultTest, ManyAccountsRoundTrip)
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	std::vector<std::string> uris;
	for (int i = 0; i < 300; ++i)
		uris.push_back("otpauth://totp/Org%20" + std::to_string(i) + ":user" + std::to_string(i) +
					   "?secret=JBSWY3DPEHPK3PXP" + std::string(i % 7 == 0 ? "GEZDGNBV" : "") + "&issuer=Org%20" + std::to_string(i));
	EXPECT_EQ(vault.importUris(uris).addedIds.size(), 300u);
	EXPECT_EQ(Vault::unlock(vault.file(), kPassword).entries(), vault.entries());
}
