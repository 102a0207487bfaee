// Argon2id against hash-wasm's answers, and the password slot's wrap/unwrap.

#include "vault/PasswordSlot.h"

#include "TestData.h"
#include "authcore/Error.h"
#include "vault/VaultFormat.h"

#include <botan/hex.h>
#include <botan/system_rng.h>
#include <gtest/gtest.h>

#include <optional>

using namespace authcore;

TEST(PasswordSlotTest, Argon2idMatchesHashWasm)
{
	const auto records = test::readVectorFile(test::testDataPath("vault/argon2id.vec"));
	ASSERT_EQ(records.size(), 6u);
	for (const auto& record : records) {
		const KdfParams kdf{static_cast<uint32_t>(std::stoul(record.at("MemoryKiB"))),
							static_cast<uint32_t>(std::stoul(record.at("Iterations"))),
							static_cast<uint32_t>(std::stoul(record.at("Parallelism")))};
		const auto salt = Botan::hex_decode(record.at("Salt"));
		const auto key = deriveSlotKey(record.at("Password"), salt, kdf);
		EXPECT_EQ(Botan::hex_encode(key.data(), key.size(), false), record.at("Output"))
			<< "m=" << kdf.memoryKiB << " t=" << kdf.iterations << " p=" << kdf.parallelism;
	}
}

TEST(PasswordSlotTest, KdfRangesAreChecked)
{
	const std::vector<uint8_t> salt(16, 1);
	auto fieldOf = [&](KdfParams kdf) {
		try {
			deriveSlotKey("pw", salt, kdf);
		} catch (const Error& e) {
			EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
			return e.field();
		}
		return std::string("accepted");
	};
	EXPECT_EQ(fieldOf({7, 1, 1}), "memoryKiB");
	EXPECT_EQ(fieldOf({31, 1, 4}), "memoryKiB");
	EXPECT_EQ(fieldOf({kMaxKdfMemoryKiB + 1, 1, 1}), "memoryKiB");
	EXPECT_EQ(fieldOf({64, 0, 1}), "iterations");
	EXPECT_EQ(fieldOf({kMaxKdfMemoryKiB, 100, 1}), "iterations"); // minutes: over KdfBudget's time
	EXPECT_EQ(fieldOf({64, 1, 0}), "parallelism");
	EXPECT_EQ(fieldOf({1024, 1, kMaxKdfParallelism + 1}), "parallelism");
	EXPECT_EQ(fieldOf({8, 1, 1}), "accepted");
}

// The unlock screen's warm-up: one pass over the given memory, checked like any slot's memory.
TEST(PasswordSlotTest, WarmUpRunsWithinTheSlotLimitsOnly)
{
	EXPECT_NO_THROW(warmUpPasswordHashing(8));
	EXPECT_NO_THROW(warmUpPasswordHashing(1024));
	const auto kindOf = [](uint32_t memoryKiB) -> std::optional<ErrorKind> {
		try {
			warmUpPasswordHashing(memoryKiB);
		} catch (const Error& e) {
			return e.kind();
		}
		return std::nullopt;
	};
	EXPECT_EQ(kindOf(4), ErrorKind::InvalidArgument);
	EXPECT_EQ(kindOf(kMaxKdfMemoryKiB + 1), ErrorKind::InvalidArgument);
}

TEST(PasswordSlotTest, DefaultsAreAboveOwaspMinimum)
{
	EXPECT_GE(kDefaultKdf.memoryKiB, kOwaspMinimumKdf.memoryKiB);
	EXPECT_GE(kDefaultKdf.iterations, kOwaspMinimumKdf.iterations);
	EXPECT_NO_THROW(kDefaultKdf.validate());
}

TEST(PasswordSlotTest, WrapsAndUnwrapsTheMasterKey)
{
	Botan::System_RNG rng;
	const auto masterKey = rng.random_vec(32);
	const auto slot = PasswordSlot::seal("Pārole 1", masterKey, {64, 1, 1}, rng);
	const auto opened = slot.open("Pārole 1");
	ASSERT_TRUE(opened.has_value());
	EXPECT_EQ(*opened, masterKey);
	EXPECT_FALSE(slot.open("Parole 1").has_value());
	EXPECT_FALSE(slot.open("").has_value());

	// Through its stored form and back.
	const auto stored = slot.toKeySlot();
	EXPECT_EQ(stored.type, vaultformat::kPasswordSlotType);
	EXPECT_EQ(stored.body.size(), vaultformat::kPasswordSlotBodySize);
	const auto reread = PasswordSlot::fromKeySlot(stored);
	EXPECT_EQ(reread.kdf, (KdfParams{64, 1, 1}));
	EXPECT_EQ(*reread.open("Pārole 1"), masterKey);

	// Fresh salt and nonce each time.
	const auto again = PasswordSlot::seal("Pārole 1", masterKey, {64, 1, 1}, rng);
	EXPECT_NE(again.salt, slot.salt);
	EXPECT_NE(again.nonce, slot.nonce);
}

TEST(PasswordSlotTest, EveryByteOfTheSlotIsBoundToTheKey)
{
	// Parameters and salt are associated data, nonce and wrapped key are GCM's own input: changing
	// any byte must stop the slot from opening (parameters are changed only within their range).
	Botan::System_RNG rng;
	const auto masterKey = rng.random_vec(32);
	const auto stored = PasswordSlot::seal("pw", masterKey, {64, 1, 1}, rng).toKeySlot();
	for (size_t i = 0; i < stored.body.size(); ++i) {
		if (i < 12 && i % 4 != 3)
			continue; // higher parameter bytes would leave the valid range (next test)
		KeySlot changed = stored;
		changed.body[i] ^= (i < 12 ? 0x04 : 0x80); // m=64->68, t=1->5, p=1->5: all within range
		const auto slot = PasswordSlot::fromKeySlot(changed);
		EXPECT_FALSE(slot.open("pw").has_value()) << "byte " << i;
	}
}

TEST(PasswordSlotTest, MalformedSlotsAreRejectedBeforeArgon2Runs)
{
	Botan::System_RNG rng;
	const auto stored = PasswordSlot::seal("pw", rng.random_vec(32), {64, 1, 1}, rng).toKeySlot();
	KeySlot shortSlot = stored;
	shortSlot.body.pop_back();
	try {
		PasswordSlot::fromKeySlot(shortSlot);
		ADD_FAILURE() << "a short slot was accepted";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::MalformedFile);
		EXPECT_EQ(e.field(), "slot");
	}
	// A well-formed slot asking for 4 GiB reads fine; its cost is the file's KdfBudget's to refuse,
	// before open() could try to allocate it.
	KeySlot huge = stored;
	huge.body[0] = 0xFF;
	const auto slot = PasswordSlot::fromKeySlot(huge);
	KdfBudget budget;
	try {
		budget.charge(slot.kdf.cost(), "slots");
		ADD_FAILURE() << "a 4 GiB slot fitted the budget";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::KdfTooCostly);
	}
}
