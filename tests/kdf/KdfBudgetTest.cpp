// The key-derivation budget: costs computed without wrapping, limits named in the error, and every
// real export's KDF well inside them.

#include "authcore/Error.h"
#include "authcore/kdf/KdfBudget.h"
#include "authcore/vault/KdfParams.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace authcore;

namespace {

std::string refusal(const KdfCost& cost)
{
	KdfBudget budget;
	try {
		budget.charge(cost, "slots");
		return "";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::KdfTooCostly);
		EXPECT_EQ(e.field(), "slots");
		return e.what();
	}
}

} // namespace

TEST(KdfBudget, ScryptMemoryIsComputedIn64BitsWithoutWrapping)
{
	// 128 * r * N for N=2^20, r=32 is 4 GiB: 0 in 32-bit arithmetic, the bug this budget closes.
	const KdfCost cost = scryptCost(uint64_t{1} << 20, 32, 1);
	EXPECT_EQ(cost.memoryBytes, (uint64_t{4} << 30) + 128 * 32 * 3);
	const std::string message = refusal(cost);
	EXPECT_NE(message.find("scrypt N=1048576 r=32 p=1"), std::string::npos) << message;
	EXPECT_NE(message.find("4097 MiB"), std::string::npos) << message; // V plus B and XY, rounded up
}

TEST(KdfBudget, AbsurdCountsSaturateInsteadOfWrapping)
{
	constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
	EXPECT_EQ(scryptCost(uint64_t{1} << 62, uint64_t{1} << 40, 1).memoryBytes, kMax);
	EXPECT_EQ(argon2Cost(uint64_t{1} << 60, uint64_t{1} << 60, 1).microseconds, kMax);
	EXPECT_EQ(pbkdf2Cost("SHA-1", kMax, 32).microseconds, kMax);
	EXPECT_FALSE(refusal(scryptCost(uint64_t{1} << 62, uint64_t{1} << 40, 1)).empty());
	EXPECT_FALSE(refusal(pbkdf2Cost("SHA-256", kMax, 32)).empty());
}

TEST(KdfBudget, TimeIsChargedForEverySlotTogether)
{
	KdfBudget budget;
	const KdfCost slot = argon2Cost(256 * 1024, 3, 1); // within the memory limit, about a second
	ASSERT_LE(slot.microseconds, KdfBudget::kMaxMicroseconds / 2);
	size_t charged = 0;
	try {
		for (; charged < 10; ++charged)
			budget.charge(slot, "slots");
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::KdfTooCostly);
		EXPECT_NE(std::string(e.what()).find("in all"), std::string::npos) << e.what();
	}
	EXPECT_GE(charged, 1u);
	EXPECT_LT(charged, 4u);
	EXPECT_LE(budget.spentMicroseconds(), KdfBudget::kMaxMicroseconds);
}

TEST(KdfBudget, AtMostFourDerivationsPerFile)
{
	KdfBudget budget;
	const KdfCost cheap = argon2Cost(64, 1, 1);
	for (size_t i = 0; i < KdfBudget::kMaxDerivations; ++i)
		budget.charge(cheap, "slots");
	try {
		budget.charge(cheap, "slots");
		FAIL() << "a fifth derivation was allowed";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::KdfTooCostly);
		EXPECT_NE(std::string(e.what()).find("more than 4"), std::string::npos) << e.what();
	}
}

TEST(KdfBudget, EveryRealFormatFitsWithRoomToSpare)
{
	// What the apps write today (see the importers' comments) must stay far from the limits.
	const KdfCost ours = kDefaultKdf.cost();                         // our vault, 64 MiB t=3
	const KdfCost aegis = scryptCost(uint64_t{1} << 15, 8, 1);       // Aegis
	const KdfCost authenticatorPro = argon2Cost(64 * 1024, 3, 4);    // Authenticator Pro
	const KdfCost andOtp = pbkdf2Cost("SHA-1", 160'000, 32);         // andOTP, its largest count
	const KdfCost twoFas = pbkdf2Cost("SHA-256", 10'000, 32);        // 2FAS
	for (const KdfCost& cost : {ours, aegis, authenticatorPro, andOtp, twoFas}) {
		EXPECT_LE(cost.microseconds * 4, KdfBudget::kMaxMicroseconds) << cost.description;
		EXPECT_LE(cost.memoryBytes * 2, KdfBudget::kMaxMemoryBytes) << cost.description;
	}
}

TEST(KdfParams, CreationRangesFollowTheBudget)
{
	auto fieldOf = [](KdfParams kdf) {
		try {
			kdf.validate();
			return std::string();
		} catch (const Error& e) {
			EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
			return e.field();
		}
	};
	EXPECT_EQ(fieldOf(kDefaultKdf), "");
	EXPECT_EQ(fieldOf({kMaxKdfMemoryKiB, 1, 1}), "");
	EXPECT_EQ(fieldOf({kMaxKdfMemoryKiB + 1, 1, 1}), "memoryKiB");
	EXPECT_EQ(fieldOf({kMaxKdfMemoryKiB, 100, 1}), "iterations");
	EXPECT_EQ(fieldOf({64, 0, 1}), "iterations");
	EXPECT_EQ(fieldOf({64, 1, 0}), "parallelism");
	EXPECT_EQ(fieldOf({1024, 1, kMaxKdfParallelism + 1}), "parallelism");
	EXPECT_EQ(fieldOf({7, 1, 1}), "memoryKiB");
}

TEST(KdfParams, TheFloorIsOwaspsArgon2idMinimum)
{
	EXPECT_TRUE(kDefaultKdf.meetsFloor());
	EXPECT_TRUE(kOwaspMinimumKdf.meetsFloor());
	EXPECT_TRUE((KdfParams{46 * 1024, 1, 1}.meetsFloor()));
	EXPECT_FALSE((KdfParams{19 * 1024 - 1, 2, 1}.meetsFloor()));
	EXPECT_FALSE((KdfParams{19 * 1024, 1, 1}.meetsFloor()));
	EXPECT_FALSE((KdfParams{64, 1, 1}.meetsFloor()));
}
