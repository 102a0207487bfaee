// The passkey slot (PasskeySlot.h) against slots built with WebCrypto, and the vault's passkey
// operations with fixed PRF outputs standing in for an authenticator.

#include "vault/PasskeySlot.h"

#include "TestData.h"
#include "VaultTestSupport.h"
#include "authcore/Error.h"
#include "authcore/vault/Vault.h"
#include "vault/VaultFile.h"
#include "vault/VaultFormat.h"

#include <botan/hex.h>
#include <botan/system_rng.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <iterator>

using namespace authcore;

namespace {

constexpr const char* kPassword = "labs vārds";

/// Hands out given bytes: the nonce of a known-answer slot.
class FixedRng final : public Botan::RandomNumberGenerator
{
public:
	explicit FixedRng(std::vector<uint8_t> bytes) : _bytes(std::move(bytes)) {}
	std::string name() const override { return "fixed"; }
	bool is_seeded() const override { return true; }
	bool accepts_input() const override { return false; }
	void clear() override {}

private:
	void fill_bytes_with_input(std::span<uint8_t> output, std::span<const uint8_t>) override
	{
		ASSERT_LE(output.size(), _bytes.size() - _used);
		std::copy_n(_bytes.begin() + static_cast<ptrdiff_t>(_used), output.size(), output.begin());
		_used += output.size();
	}
	std::vector<uint8_t> _bytes;
	size_t _used = 0;
};

std::string errorKind(const std::function<void()>& action)
{
	try {
		action();
		return "ok";
	} catch (const Error& e) {
		return std::string(toString(e.kind())) + (e.field().empty() ? "" : ":" + e.field());
	}
}

std::vector<uint8_t> bytes(size_t size, uint8_t value)
{
	return std::vector<uint8_t>(size, value);
}

// Two "authenticators": each credential's PRF output for its salt, fixed.
const std::vector<uint8_t> kIdA = {0xA1, 0xA2, 0xA3, 0xA4};
const std::vector<uint8_t> kIdB = {0xB1, 0xB2};
const std::vector<uint8_t> kOutputA = bytes(32, 0x5A);
const std::vector<uint8_t> kOutputB = bytes(32, 0x5B);

Vault vaultWithPasskeys()
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	for (auto& account : test::sampleAccounts())
		vault.add(std::move(account));
	vault.addPasskey("Darba dators", kIdA, Vault::newPasskeySalt(), kOutputA);
	vault.addPasskey("Phone", kIdB, Vault::newPasskeySalt(), kOutputB);
	return vault;
}

std::vector<std::string> ids(const Vault& vault)
{
	std::vector<std::string> result;
	for (const auto& entry : vault.entries())
		result.push_back(entry.id);
	return result;
}

} // namespace

TEST(PasskeySlotTest, MatchesWebCryptoByteForByte)
{
	const auto records = test::readVectorFile(test::testDataPath("vault/passkey-slot.vec"));
	ASSERT_EQ(records.size(), 3u);
	for (const auto& record : records) {
		const auto prfOutput = Botan::hex_decode(record.at("PrfOutput"));
		const auto prfSalt = Botan::hex_decode(record.at("PrfSalt"));
		const auto credentialId = Botan::hex_decode(record.at("CredentialId"));
		const auto masterKey = Botan::hex_decode(record.at("MasterKey"));
		const auto expected = Botan::hex_decode(record.at("Body"));
		FixedRng rng(Botan::hex_decode(record.at("Nonce")));
		const auto slot = PasskeySlot::seal(record.at("Name"), credentialId, prfSalt, prfOutput, masterKey, rng).toKeySlot();
		EXPECT_EQ(slot.type, vaultformat::kPasskeySlotType);
		EXPECT_EQ(Botan::hex_encode(slot.body, false), record.at("Body")) << record.at("Name");

		const auto read = PasskeySlot::fromKeySlot({vaultformat::kPasskeySlotType, expected});
		EXPECT_EQ(read.name, record.at("Name"));
		EXPECT_EQ(read.credentialId, credentialId);
		const auto opened = read.open(prfOutput);
		ASSERT_TRUE(opened.has_value());
		EXPECT_EQ(Botan::hex_encode(*opened, false), record.at("MasterKey"));
	}
}

TEST(PasskeySlotTest, OnlyTheRightPrfOutputOpens)
{
	Botan::System_RNG rng;
	const auto masterKey = rng.random_vec(32);
	const auto salt = Vault::newPasskeySalt();
	const auto slot = PasskeySlot::seal("Key", kIdA, salt, kOutputA, masterKey, rng);
	EXPECT_EQ(*slot.open(kOutputA), masterKey);
	EXPECT_FALSE(slot.open(kOutputB).has_value());
	EXPECT_FALSE(slot.open(bytes(31, 0x5A)).has_value());
	EXPECT_FALSE(slot.open({}).has_value());
	// A fresh nonce each time, and a fresh salt from newPasskeySalt().
	EXPECT_NE(PasskeySlot::seal("Key", kIdA, salt, kOutputA, masterKey, rng).nonce, slot.nonce);
	EXPECT_NE(Vault::newPasskeySalt(), salt);
}

TEST(PasskeySlotTest, EveryFieldIsBoundToTheWrappedKey)
{
	Botan::System_RNG rng;
	const auto masterKey = rng.random_vec(32);
	const auto stored = PasskeySlot::seal("Key", kIdA, Vault::newPasskeySalt(), kOutputA, masterKey, rng).toKeySlot();
	// Flipping any bit of salt, credential id, name, nonce or wrapped key keeps the slot readable
	// (lengths untouched) but it no longer opens: renaming or re-targeting needs the PRF.
	for (size_t i = 0; i < stored.body.size(); ++i) {
		if (i == 32 || i == 33 || i == 32 + 2 + kIdA.size())
			continue; // the length fields; a change there is a malformed slot, tested below
		auto changed = stored;
		changed.body[i] ^= 0x01;
		EXPECT_FALSE(PasskeySlot::fromKeySlot(changed).open(kOutputA).has_value()) << "byte " << i;
	}
}

TEST(PasskeySlotTest, InconsistentLengthsAreMalformed)
{
	Botan::System_RNG rng;
	const auto stored = PasskeySlot::seal("Key", kIdA, Vault::newPasskeySalt(), kOutputA, rng.random_vec(32), rng).toKeySlot();
	auto withBody = [&](std::vector<uint8_t> body) {
		return errorKind([&] { PasskeySlot::fromKeySlot({vaultformat::kPasskeySlotType, std::move(body)}); });
	};
	EXPECT_EQ(withBody(stored.body), "ok");
	auto body = stored.body;
	body.pop_back();
	EXPECT_EQ(withBody(body), "malformed_file:slot");
	body = stored.body;
	body.push_back(0);
	EXPECT_EQ(withBody(body), "malformed_file:slot");
	body = stored.body;
	body[33] = 0; // credential id length 0
	EXPECT_EQ(withBody(body), "malformed_file:slot");
	body = stored.body;
	body[32] = 0xFF; // credential id longer than the body
	EXPECT_EQ(withBody(body), "malformed_file:slot");
	body = stored.body;
	body[32 + 2 + kIdA.size()] = 0; // empty name
	EXPECT_EQ(withBody(body), "malformed_file:slot");
	EXPECT_EQ(withBody({}), "malformed_file:slot");
	EXPECT_EQ(errorKind([&] { PasskeySlot::fromKeySlot({vaultformat::kPasswordSlotType, stored.body}); }), "malformed_file:slot");
}

TEST(PasskeySlotTest, SealValidatesItsInputs)
{
	Botan::System_RNG rng;
	const auto key = rng.random_vec(32);
	const auto salt = Vault::newPasskeySalt();
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal("", kIdA, salt, kOutputA, key, rng); }), "invalid_argument:name");
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal(std::string(65, 'x'), kIdA, salt, kOutputA, key, rng); }), "invalid_argument:name");
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal(std::string(64, 'x'), kIdA, salt, kOutputA, key, rng); }), "ok");
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal("k", {}, salt, kOutputA, key, rng); }), "invalid_argument:credentialId");
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal("k", bytes(1024, 1), salt, kOutputA, key, rng); }), "invalid_argument:credentialId");
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal("k", bytes(1023, 1), salt, kOutputA, key, rng); }), "ok");
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal("k", kIdA, bytes(16, 1), kOutputA, key, rng); }), "invalid_argument:prfSalt");
	EXPECT_EQ(errorKind([&] { PasskeySlot::seal("k", kIdA, salt, bytes(64, 1), key, rng); }), "invalid_argument:prfOutput");
}

TEST(VaultPasskeyTest, UnlocksWithEachPasskeyAndListsThemWhileLocked)
{
	const Vault vault = vaultWithPasskeys();
	const auto file = vault.file();

	const auto listed = Vault::passkeysOf(file);
	ASSERT_EQ(listed.size(), 2u);
	EXPECT_EQ(listed[0].name, "Darba dators");
	EXPECT_EQ(listed[0].credentialId, kIdA);
	EXPECT_EQ(listed[1].name, "Phone");
	EXPECT_NE(listed[0].prfSalt, listed[1].prfSalt);
	EXPECT_EQ(vault.passkeys().size(), 2u);

	const Vault byA = Vault::unlockWithPasskey(file, kIdA, kOutputA);
	const Vault byB = Vault::unlockWithPasskey(file, kIdB, kOutputB);
	const Vault byPassword = Vault::unlock(file, kPassword);
	EXPECT_EQ(ids(byA), ids(vault));
	EXPECT_EQ(ids(byB), ids(vault));
	EXPECT_EQ(ids(byPassword), ids(vault));
	EXPECT_EQ(byA.revision(), vault.revision());
}

TEST(VaultPasskeyTest, WrongCredentialOrOutputIsRefused)
{
	const auto file = vaultWithPasskeys().file();
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(file, kIdA, kOutputB); }), "wrong_password:passkey");
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(file, kIdB, kOutputA); }), "wrong_password:passkey");
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(file, bytes(1, 0x01), kOutputA); }), "wrong_password:passkey");
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(file, kIdA, {}); }), "wrong_password:passkey");
	// A vault without passkeys refuses every passkey.
	const auto plain = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced).file();
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(plain, kIdA, kOutputA); }), "wrong_password:passkey");
	EXPECT_TRUE(Vault::passkeysOf(plain).empty());
	// Damage is still reported as damage.
	auto damaged = file;
	damaged[40] ^= 1;
	EXPECT_EQ(errorKind([&] { Vault::passkeysOf(damaged); }), "integrity_failure:header");
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(damaged, kIdA, kOutputA); }), "integrity_failure:header");
}

TEST(VaultPasskeyTest, RemovingPasskeysNeverTouchesThePasswordSlot)
{
	Vault vault = vaultWithPasskeys();
	const auto passwordSlotOf = [](const std::vector<uint8_t>& file) {
		for (const auto& slot : parseVaultFile(file).slots)
			if (slot.type == vaultformat::kPasswordSlotType)
				return slot;
		return KeySlot{};
	};
	const KeySlot before = passwordSlotOf(vault.file());
	const auto revision = vault.revision();

	vault.removePasskey(kIdA);
	EXPECT_EQ(vault.revision(), revision + 1);
	EXPECT_EQ(vault.passkeys().size(), 1u);
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(vault.file(), kIdA, kOutputA); }), "wrong_password:passkey");
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(vault.file(), kIdB, kOutputB); }), "ok");

	vault.removePasskey(kIdB); // the last one
	EXPECT_TRUE(vault.passkeys().empty());
	EXPECT_EQ(passwordSlotOf(vault.file()), before);
	EXPECT_EQ(parseVaultFile(vault.file()).slots.size(), 1u);
	EXPECT_EQ(ids(Vault::unlock(vault.file(), kPassword)), ids(vault));
	EXPECT_EQ(errorKind([&] { vault.removePasskey(kIdB); }), "invalid_argument:credentialId");
}

TEST(VaultPasskeyTest, AddRefusesDuplicatesBadNamesAndAFullVault)
{
	Vault vault = vaultWithPasskeys();
	const auto revision = vault.revision();
	const auto salt = Vault::newPasskeySalt();
	EXPECT_EQ(errorKind([&] { vault.addPasskey("Again", kIdA, salt, kOutputB); }), "duplicate:passkey");
	EXPECT_EQ(errorKind([&] { vault.addPasskey("\xC3\x28", bytes(1, 9), salt, kOutputB); }), "invalid_argument:name");
	EXPECT_EQ(errorKind([&] { vault.addPasskey("", bytes(1, 9), salt, kOutputB); }), "invalid_argument:name");
	EXPECT_EQ(errorKind([&] { vault.addPasskey("ok", bytes(1, 9), bytes(31, 0), kOutputB); }), "invalid_argument:prfSalt");
	EXPECT_EQ(vault.revision(), revision); // nothing saved on error
	for (uint8_t i = 0; i < 13; ++i)
		vault.addPasskey("Key " + std::to_string(i), std::vector<uint8_t>{0x10, i}, salt, kOutputB);
	EXPECT_EQ(vault.passkeys().size(), 15u); // with the password slot, the format's 16
	EXPECT_EQ(errorKind([&] { vault.addPasskey("One too many", bytes(1, 0x20), salt, kOutputB); }), "invalid_argument:slots");
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(vault.file(), std::vector<uint8_t>{0x10, 12}, kOutputB); }), "ok");
}

TEST(VaultPasskeyTest, ChangesKeepThePasskeysAndLockedVaultsRefuse)
{
	Vault vault = vaultWithPasskeys();
	vault.add(parseOtpauthUri("otpauth://totp/New:x?secret=JBSWY3DPEHPK3PXP&issuer=New"));
	vault.remove(vault.entries().front().id);
	EXPECT_EQ(Vault::passkeysOf(vault.file()).size(), 2u);
	EXPECT_EQ(ids(Vault::unlockWithPasskey(vault.file(), kIdB, kOutputB)), ids(vault));

	vault.lock();
	EXPECT_EQ(errorKind([&] { vault.passkeys(); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.addPasskey("k", kIdA, Vault::newPasskeySalt(), kOutputA); }), "locked");
	EXPECT_EQ(errorKind([&] { vault.removePasskey(kIdA); }), "locked");
}

TEST(VaultPasskeyTest, DropPasskeySlotsLeavesThePasswordSlot)
{
	auto slots = parseVaultFile(vaultWithPasskeys().file()).slots;
	slots.push_back({9, {1, 2, 3}}); // a future slot type stays too
	EXPECT_EQ(dropPasskeySlots(slots), 2u);
	ASSERT_EQ(slots.size(), 2u);
	EXPECT_EQ(slots[0].type, vaultformat::kPasswordSlotType);
	EXPECT_EQ(slots[1].type, 9);
	EXPECT_EQ(dropPasskeySlots(slots), 0u);
}

TEST(VaultPasskeyTest, TheStoredFixtureStillOpensEveryWay)
{
	// Written once by the wasm module (tests/vault/make_passkey_fixture.mjs), never rewritten.
	std::ifstream in(test::testDataPath("vault/passkey-v1.vault"), std::ios::binary);
	const std::vector<uint8_t> file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
	ASSERT_FALSE(file.empty());
	const auto passkeys = Vault::passkeysOf(file);
	ASSERT_EQ(passkeys.size(), 2u);
	EXPECT_EQ(passkeys[0].name, "Darba dators");
	EXPECT_EQ(passkeys[1].name, "Blue key");
	const auto byPassword = Vault::unlock(file, "Fixture pārole 1");
	ASSERT_EQ(byPassword.entries().size(), 2u);
	EXPECT_EQ(ids(Vault::unlockWithPasskey(file, std::vector<uint8_t>{1, 2, 3, 4}, bytes(32, 0x5A))), ids(byPassword));
	EXPECT_EQ(ids(Vault::unlockWithPasskey(file, std::vector<uint8_t>{10, 11}, bytes(32, 0x6B))), ids(byPassword));
	EXPECT_EQ(errorKind([&] { Vault::unlockWithPasskey(file, std::vector<uint8_t>{10, 11}, bytes(32, 0x5A)); }), "wrong_password:passkey");
}
