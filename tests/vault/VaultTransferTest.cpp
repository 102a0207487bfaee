// Moving a vault by QR (VaultTransfer.h): the one-time code and the copy it opens.

#include "authcore/vault/VaultTransfer.h"

#include "VaultTestSupport.h"
#include "authcore/Error.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <thread>

using namespace authcore;

namespace {

constexpr const char* kPassword = "labs vārds";

Vault senderWithSamples()
{
	Vault vault = Vault::create(kPassword, test::kFastKdf, Vault::KdfFloor::NotEnforced);
	for (const auto& account : test::sampleAccounts())
		vault.add(account);
	return vault;
}

std::vector<uint8_t> copyOf(const Vault& vault, std::string_view code)
{
	return transferCopy(vault, code, test::kFastKdf, Vault::KdfFloor::NotEnforced);
}

} // namespace

TEST(VaultTransferTest, NewCodesUseTheWholeAlphabetEvenly)
{
	std::array<int, 32> counts{};
	std::set<std::string> seen;
	constexpr int kCodes = 3200; // 32,000 symbols: about 1,000 of each
	for (int i = 0; i < kCodes; ++i) {
		const std::string code = newTransferCode();
		ASSERT_EQ(code.size(), kTransferCodeLength);
		for (const char c : code) {
			const auto at = kTransferCodeAlphabet.find(c);
			ASSERT_NE(at, std::string_view::npos) << code;
			++counts[at];
		}
		seen.insert(code);
	}
	EXPECT_EQ(seen.size(), static_cast<size_t>(kCodes)); // 50 bits: a repeat here means a broken RNG
	for (size_t symbol = 0; symbol < counts.size(); ++symbol) {
		// Six standard deviations (about 31) either side: a fair generator never fails this.
		EXPECT_GT(counts[symbol], 810) << kTransferCodeAlphabet[symbol];
		EXPECT_LT(counts[symbol], 1190) << kTransferCodeAlphabet[symbol];
	}
}

TEST(VaultTransferTest, TypedCodesAreReadTheWayCrockfordMeantThem)
{
	EXPECT_EQ(normalizeTransferCode("ABCDE-FGHJK"), "ABCDEFGHJK");
	EXPECT_EQ(normalizeTransferCode(" abcde fghjk "), "ABCDEFGHJK");
	EXPECT_EQ(normalizeTransferCode("oOiIlL-1234"), "0011111234");
	EXPECT_EQ(normalizeTransferCode("\tz9y8x-wv7t6\t"), "Z9Y8XWV7T6");
}

TEST(VaultTransferTest, CodesOfTheWrongShapeAreRefused)
{
	for (const std::string_view typed : {"", "ABCDE", "ABCDEFGHJKM", "ABCDEFGHJU", "ABCDE_FGHJK", "ĀBCDEFGHJK", "ABCDEFGHJ\n"}) {
		try {
			normalizeTransferCode(typed);
			ADD_FAILURE() << "accepted " << typed;
		}
		catch (const Error& error) {
			EXPECT_EQ(error.kind(), ErrorKind::InvalidArgument);
			EXPECT_EQ(error.field(), "code");
		}
	}
}

TEST(VaultTransferTest, TheCopyOpensWithTheCodeAndHoldsTheSameEntries)
{
	const Vault sender = senderWithSamples();
	const std::string code = newTransferCode();
	const auto file = copyOf(sender, code);
	const Vault copy = Vault::unlock(file, code);
	ASSERT_EQ(copy.entries().size(), sender.entries().size());
	for (size_t i = 0; i < copy.entries().size(); ++i)
		EXPECT_EQ(copy.entries()[i], sender.entries()[i]); // ids and stamps too: the receiver merges
	EXPECT_THROW(Vault::unlock(file, kPassword), Error);
	// Not under the sender's key: nothing the sender keeps opens it but the code.
	EXPECT_FALSE(sender.openWithSameKey(file).has_value());
	EXPECT_THROW(copyOf(sender, "abcdefghjk"), Error); // not canonical
	EXPECT_THROW(copyOf(Vault{}, code), Error);        // locked
}

TEST(VaultTransferTest, TheReceiverMergesOnceAndLearnsDeletes)
{
	Vault sender = senderWithSamples();
	Vault receiver = Vault::create("otrs", test::kFastKdf, Vault::KdfFloor::NotEnforced);
	const std::string code = newTransferCode();
	auto changes = receiver.mergeFrom(Vault::unlock(copyOf(sender, code), code).contents());
	EXPECT_EQ(changes.added.size(), sender.entries().size());
	// The same transfer again (a second scan) changes nothing: no duplicates.
	changes = receiver.mergeFrom(Vault::unlock(copyOf(sender, code), code).contents());
	EXPECT_TRUE(changes.empty());
	EXPECT_EQ(receiver.entries().size(), sender.entries().size());

	// A delete on the sender after the first transfer travels with the next one.
	std::this_thread::sleep_for(std::chrono::milliseconds(20));
	const std::string removed = sender.entries().front().id;
	sender.remove(removed);
	const std::string second = newTransferCode();
	changes = receiver.mergeFrom(Vault::unlock(copyOf(sender, second), second).contents());
	ASSERT_EQ(changes.deleted.size(), 1u);
	EXPECT_EQ(changes.deleted.front(), removed);
}
