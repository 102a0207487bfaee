// The file format: round trip, every region of the file damaged, every truncation, versions,
// forward compatibility of key slots, and the committed version-1 fixture.

#include "vault/VaultFile.h"

#include "TestData.h"
#include "VaultTestSupport.h"
#include "authcore/Error.h"
#include "authcore/vault/Vault.h"
#include "vault/AesGcm.h"
#include "vault/PasswordSlot.h"
#include "vault/VaultFormat.h"

#include <botan/hash.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

using namespace authcore;
using namespace authcore::vaultformat;

namespace {

constexpr const char* kPassword = "Ziemassvētki ar sniegu 2024";

Vault sampleVault()
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	EntryDetails details{"Darbs", "pirmais konts", true};
	for (auto& account : test::sampleAccounts())
		vault.add(std::move(account), details);
	return vault;
}

/// The kind unlock() throws, or "ok".
std::string unlockOutcome(std::span<const uint8_t> file, std::string_view password = kPassword)
{
	try {
		Vault::unlock(file, password);
		return "ok";
	} catch (const Error& e) {
		return std::string(toString(e.kind()));
	}
}

size_t headerLength(const std::vector<uint8_t>& file)
{
	return loadBigEndian32(file, kHeaderLengthOffset);
}

/// Rewrites the header digest after a deliberate edit, as an attacker (or a buggy writer) could.
void fixDigest(std::vector<uint8_t>& file)
{
	const size_t h = headerLength(file);
	auto sha256 = Botan::HashFunction::create_or_throw("SHA-256");
	sha256->update(file.data(), h);
	const auto digest = sha256->final();
	std::copy(digest.begin(), digest.end(), file.begin() + static_cast<ptrdiff_t>(h));
}

std::vector<uint8_t> readBinary(const std::string& path)
{
	std::ifstream in(path, std::ios::binary);
	return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST(VaultFileTest, RoundTrip)
{
	const Vault vault = sampleVault();
	const Vault opened = Vault::unlock(vault.file(), kPassword);
	EXPECT_EQ(opened.entries(), vault.entries());
	EXPECT_EQ(opened.revision(), vault.revision());
	EXPECT_EQ(opened.passwordKdf(), test::kFastKdf);
	ASSERT_EQ(opened.entries().size(), 4u);
	EXPECT_EQ(opened.entries()[1].account.issuer, "Rīgas ūdens");
	EXPECT_EQ(opened.entries()[1].account.counter, 41u);
	EXPECT_EQ(opened.entries()[0].group, "Darbs");
	EXPECT_TRUE(opened.entries()[0].favourite);
}

TEST(VaultFileTest, EmptyVaultRoundTrip)
{
	const Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	EXPECT_EQ(vault.revision(), 1u);
	const Vault opened = Vault::unlock(vault.file(), kPassword);
	EXPECT_TRUE(opened.entries().empty());
	EXPECT_EQ(opened.revision(), 1u);
}

TEST(VaultFileTest, LayoutMatchesTheDocument)
{
	const Vault vault = sampleVault();
	const auto& file = vault.file();
	EXPECT_TRUE(std::equal(kMagic.begin(), kMagic.end(), file.begin()));
	EXPECT_EQ(file[8], 0);
	EXPECT_EQ(file[9], 1);
	const size_t h = headerLength(file);
	EXPECT_EQ(h, kSlotsOffset + kSlotPrefixSize + kPasswordSlotBodySize); // 120 with one password slot
	EXPECT_EQ(h, 120u);
	const VaultFile parsed = parseVaultFile(file);
	EXPECT_EQ(parsed.revision, vault.revision());
	EXPECT_EQ(loadBigEndian32(file, kPayloadLengthOffset) + h + kTrailerOverhead, file.size());
	ASSERT_EQ(parsed.slots.size(), 1u);
	EXPECT_EQ(parsed.slots[0].type, kPasswordSlotType);
	EXPECT_EQ(PasswordSlot::fromKeySlot(parsed.slots[0]).kdf, test::kFastKdf);
}

TEST(VaultFileTest, WrongPassword)
{
	const Vault vault = sampleVault();
	EXPECT_EQ(unlockOutcome(vault.file(), "ziemassvētki ar sniegu 2024"), "wrong_password");
	EXPECT_EQ(unlockOutcome(vault.file(), ""), "wrong_password");
	// The same letters, decomposed (a + combining macron): bytes differ, so the core refuses; the
	// wasm binding normalizes to NFC before it gets here.
	EXPECT_EQ(unlockOutcome(vault.file(), "Ziemassve\xCC\x84tki ar sniegu 2024"), "wrong_password");
}

TEST(VaultFileTest, EveryBitFlipIsRejectedWithTheRightKind)
{
	const Vault vault = sampleVault();
	const auto& original = vault.file();
	const size_t h = headerLength(original);
	const size_t payloadStart = h + kDigestSize + kNonceSize;

	auto region = [&](size_t i) -> std::string {
		if (i < 8) return "magic";
		if (i < 10) return "version";
		if (i < 14) return "headerLength";
		if (i < kSlotsOffset) return "header";
		if (i < h) return "slot";
		if (i < h + kDigestSize) return "digest";
		if (i < payloadStart) return "nonce";
		if (i < original.size() - kTagSize) return "ciphertext";
		return "tag";
	};
	std::map<std::string, int> flipsPerRegion;
	for (size_t i = 0; i < original.size(); ++i)
		for (int bit = 0; bit < 8; ++bit) {
			auto file = original;
			file[i] ^= static_cast<uint8_t>(1 << bit);
			const std::string where = region(i);
			std::string expected = "integrity_failure";
			if (where == "magic")
				expected = "malformed_file";
			else if (where == "version")
				expected = "unsupported_version";
			else if (where == "headerLength") {
				// A header length that points outside the file is structural damage; one inside it
				// makes the digest be read from the wrong place.
				const size_t changed = loadBigEndian32(file, kHeaderLengthOffset);
				if (changed < kMinHeaderLength || changed > file.size() || file.size() - changed < kTrailerOverhead)
					expected = "malformed_file";
			}
			ASSERT_EQ(unlockOutcome(file), expected) << where << " byte " << i << " bit " << bit;
			++flipsPerRegion[where];
		}
	for (const char* name : {"magic", "version", "headerLength", "header", "slot", "digest", "nonce", "ciphertext", "tag"})
		EXPECT_GT(flipsPerRegion[name], 0) << name;
}

TEST(VaultFileTest, TruncationAtEveryLengthIsMalformed)
{
	const Vault vault = sampleVault();
	const auto& file = vault.file();
	for (size_t length = 0; length < file.size(); ++length)
		ASSERT_EQ(unlockOutcome(std::span(file).first(length)), "malformed_file") << "length " << length;
	auto longer = file;
	longer.push_back(0);
	EXPECT_EQ(unlockOutcome(longer), "malformed_file");
	EXPECT_EQ(unlockOutcome(file), "ok");
}

TEST(VaultFileTest, UnsupportedVersionAndFlags)
{
	const Vault vault = sampleVault();
	for (uint8_t version : {0, 2, 255}) {
		auto file = vault.file();
		file[9] = version;
		fixDigest(file);
		EXPECT_EQ(unlockOutcome(file), "unsupported_version") << int(version);
	}
	auto flagged = vault.file();
	flagged[kFlagsOffset + 1] = 1;
	fixDigest(flagged);
	EXPECT_EQ(unlockOutcome(flagged), "unsupported_version");
}

TEST(VaultFileTest, NotAVaultFile)
{
	const std::string text = "{\"version\":1,\"entries\":[]}";
	EXPECT_EQ(unlockOutcome(std::vector<uint8_t>(text.begin(), text.end())), "malformed_file");
	EXPECT_EQ(unlockOutcome(std::vector<uint8_t>(4096, 0)), "malformed_file");
	EXPECT_EQ(unlockOutcome({}), "malformed_file");
}

TEST(VaultFileTest, EditsWithARecomputedDigestAreStillCaught)
{
	// The digest is not a MAC: whoever edits the file can recompute it. The GCM tags then decide.
	const Vault vault = sampleVault();
	const size_t h = headerLength(vault.file());

	auto rolledBack = vault.file(); // the revision is authenticated with the accounts
	rolledBack[kRevisionOffset + 7] ^= 1;
	fixDigest(rolledBack);
	EXPECT_EQ(unlockOutcome(rolledBack), "integrity_failure");

	auto weakened = vault.file(); // lower Argon2 parameters: the slot's tag covers them
	weakened[kSlotsOffset + kSlotPrefixSize + kPasswordSlotIterationsOffset + 3] = 2;
	fixDigest(weakened);
	EXPECT_EQ(unlockOutcome(weakened), "wrong_password");

	auto resalted = vault.file();
	resalted[kSlotsOffset + kSlotPrefixSize + kPasswordSlotSaltOffset] ^= 1;
	fixDigest(resalted);
	EXPECT_EQ(unlockOutcome(resalted), "wrong_password");

	auto hugeMemory = vault.file(); // refused by the KDF budget before Argon2 tries to allocate 4 GiB
	hugeMemory[kSlotsOffset + kSlotPrefixSize + kPasswordSlotMemoryOffset] = 0xFF;
	fixDigest(hugeMemory);
	EXPECT_EQ(unlockOutcome(hugeMemory), "kdf_too_costly");

	auto noSlots = vault.file();
	noSlots[kSlotCountOffset] = 0;
	fixDigest(noSlots);
	EXPECT_EQ(unlockOutcome(noSlots), "malformed_file");

	auto payload = vault.file();
	payload[kPayloadLengthOffset + 3] ^= 1;
	fixDigest(payload);
	EXPECT_EQ(unlockOutcome(payload), "malformed_file");
	EXPECT_LT(h, vault.file().size());
}

TEST(VaultFileTest, EverySaveUsesAFreshNonceAndTheNextRevision)
{
	Vault vault = sampleVault();
	const auto first = parseVaultFile(vault.file());
	vault.update(vault.entries()[0].id, {.note = std::string("x")});
	const auto second = parseVaultFile(vault.file());
	vault.update(vault.entries()[0].id, {.note = std::string("x")}); // same content
	const auto third = parseVaultFile(vault.file());
	EXPECT_EQ(second.revision, first.revision + 1);
	EXPECT_EQ(third.revision, second.revision + 1);
	EXPECT_NE(first.payloadNonce, second.payloadNonce);
	EXPECT_NE(second.payloadNonce, third.payloadNonce);
	EXPECT_EQ(second.slots, first.slots); // the key slot is untouched by ordinary saves
}

TEST(VaultFileTest, UnknownSlotsSurviveSavesAndPasswordChanges)
{
	// A later build may add a passkey slot; this build must keep it byte for byte.
	const Vault vault = sampleVault();
	const VaultFile parsed = parseVaultFile(vault.file());
	const auto masterKey = PasswordSlot::fromKeySlot(parsed.slots[0]).open(kPassword);
	ASSERT_TRUE(masterKey.has_value());
	const auto plaintext = openAesGcm(*masterKey, parsed.payloadNonce, parsed.header, parsed.sealedPayload);
	ASSERT_TRUE(plaintext.has_value());

	const KeySlot passkey{2, {0xDE, 0xAD, 0xBE, 0xEF}};
	auto slots = parsed.slots;
	slots.insert(slots.begin(), passkey);
	const auto header = encodeVaultHeader(parsed.revision, static_cast<uint32_t>(plaintext->size()), slots);
	const std::array<uint8_t, 12> nonce{1, 2, 3};
	const auto file = assembleVaultFile(header, nonce, sealAesGcm(*masterKey, nonce, header, *plaintext));

	Vault opened = Vault::unlock(file, kPassword);
	EXPECT_EQ(opened.entries(), vault.entries());
	opened.remove(opened.entries()[0].id);
	EXPECT_EQ(parseVaultFile(opened.file()).slots[0], passkey);
	// A password change makes a new master key, which the unknown slot does not wrap: it goes.
	opened.changePassword(kPassword, "new password", test::kFastKdf);
	const auto after = parseVaultFile(opened.file());
	ASSERT_EQ(after.slots.size(), 1u);
	EXPECT_EQ(after.slots[0].type, kPasswordSlotType);
	EXPECT_EQ(Vault::unlock(opened.file(), "new password").entries().size(), 3u);

	// A vault with only a slot we do not know cannot be opened with a password.
	const auto onlyPasskey = encodeVaultHeader(1, static_cast<uint32_t>(plaintext->size()), {passkey});
	EXPECT_EQ(unlockOutcome(assembleVaultFile(onlyPasskey, nonce, sealAesGcm(*masterKey, nonce, onlyPasskey, *plaintext))),
			  "malformed_file");
}

TEST(VaultFileTest, AuthenticatedButUnreadableAccountListIsMalformed)
{
	// Only a writer bug (or a newer schema under the same version) gets here: the tag verifies, the
	// JSON does not fit. No partial list comes back.
	const Vault vault = sampleVault();
	const VaultFile parsed = parseVaultFile(vault.file());
	const auto masterKey = PasswordSlot::fromKeySlot(parsed.slots[0]).open(kPassword);
	ASSERT_TRUE(masterKey.has_value());
	for (std::string json : {"not json", "{}", "{\"entries\":{}}", "{\"entries\":[{\"id\":\"a\"}]}", "[]",
							 "{\"entries\":[],\"x\":333333333333333333e6666}" /* out_of_range, found by fuzzing */}) {
		const Botan::secure_vector<uint8_t> plaintext(json.begin(), json.end());
		const auto header = encodeVaultHeader(5, static_cast<uint32_t>(plaintext.size()), parsed.slots);
		const std::array<uint8_t, 12> nonce{9};
		const auto file = assembleVaultFile(header, nonce, sealAesGcm(*masterKey, nonce, header, plaintext));
		EXPECT_EQ(unlockOutcome(file), "malformed_file") << json;
	}
}

TEST(VaultFileTest, VersionOneFixtureStillOpens)
{
	// Written once by the native CLI (see tests/data/vault/README.md); if this fails, the format
	// changed without a new version number.
	const auto file = readBinary(test::testDataPath("vault/fixture-v1.vault"));
	ASSERT_FALSE(file.empty());
	std::ifstream uris(test::testDataPath("vault/fixture-v1.txt"));
	std::vector<std::string> expected;
	for (std::string line; std::getline(uris, line);)
		expected.push_back(line);

	EXPECT_EQ(unlockOutcome(file, "wrong"), "wrong_password");
	const Vault vault = Vault::unlock(file, "Fixture pārole 1");
	ASSERT_EQ(vault.entries().size(), expected.size());
	for (size_t i = 0; i < expected.size(); ++i)
		EXPECT_EQ(toOtpauthUri(vault.entries()[i].account), expected[i]);
}

TEST(VaultFileTest, PasswordChangeMakesANewMasterKeySoOldFilesOpenNothingNew)
{
	Vault vault = sampleVault();
	const auto before = vault.file();
	vault.changePassword(kPassword, "jauna parole", test::kFastKdf);
	const auto after = vault.file();

	// The old password still opens the old file (the core cannot reach backups), and its key...
	const VaultFile old = parseVaultFile(before);
	const auto oldKey = PasswordSlot::fromKeySlot(old.slots[0]).open(kPassword);
	ASSERT_TRUE(oldKey.has_value());
	ASSERT_TRUE(openAesGcm(*oldKey, old.payloadNonce, old.header, old.sealedPayload).has_value());
	// ...opens nothing saved after the change, nor any later save.
	const VaultFile changed = parseVaultFile(after);
	ASSERT_EQ(changed.slots.size(), 1u);
	EXPECT_FALSE(openAesGcm(*oldKey, changed.payloadNonce, changed.header, changed.sealedPayload).has_value());
	vault.remove(vault.entries()[0].id);
	const VaultFile later = parseVaultFile(vault.file());
	EXPECT_FALSE(openAesGcm(*oldKey, later.payloadNonce, later.header, later.sealedPayload).has_value());
	const auto newKey = PasswordSlot::fromKeySlot(later.slots[0]).open("jauna parole");
	ASSERT_TRUE(newKey.has_value());
	EXPECT_NE(*newKey, *oldKey);
	EXPECT_TRUE(openAesGcm(*newKey, later.payloadNonce, later.header, later.sealedPayload).has_value());
}

TEST(VaultFileTest, AWeakSlotIsUpgradedToTheDefaultAfterUnlock)
{
	// kFastKdf is far below OWASP's floor, as a vault from an old or hostile writer might be.
	Vault vault = Vault::unlock(sampleVault().file(), kPassword);
	ASSERT_FALSE(vault.passwordKdf().meetsFloor());
	const uint64_t revision = vault.revision();
	const auto entries = vault.entries();
	EXPECT_FALSE(vault.upgradeWeakPasswordSlot("not the password"));
	EXPECT_EQ(vault.revision(), revision);

	EXPECT_TRUE(vault.upgradeWeakPasswordSlot(kPassword));
	EXPECT_EQ(vault.revision(), revision + 1);
	EXPECT_EQ(vault.passwordKdf(), kDefaultKdf);
	EXPECT_EQ(PasswordSlot::fromKeySlot(parseVaultFile(vault.file()).slots[0]).kdf, kDefaultKdf);
	EXPECT_FALSE(vault.upgradeWeakPasswordSlot(kPassword)); // nothing left to upgrade
	EXPECT_EQ(Vault::unlock(vault.file(), kPassword).entries(), entries);
}
