// The crafted files of tests/data/hostile/ (written by make_hostile_files.py there): each asks for
// gigabytes, minutes or a count that would size a loop, and each must be refused with its typed
// error before anything is paid. Natively under the sanitizers and as 32-bit wasm under Node, where
// the scrypt file used to trap.

#include "authcore/Error.h"
#include "authcore/import/Importer.h"
#include "authcore/import/MigrationPayload.h"
#include "authcore/vault/Vault.h"
#include "TestData.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace authcore;

namespace {

std::vector<uint8_t> hostileFile(const std::string& name)
{
	const std::string path = test::testDataPath("hostile/" + name);
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw std::runtime_error("missing test data " + path);
	return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "kind:field: message", or "imported" when the file was read.
std::string importOutcome(const std::string& name)
{
	const auto bytes = hostileFile(name);
	try {
		(void)importBytes(bytes, name, "any password");
		return "imported";
	} catch (const Error& e) {
		return std::string(toString(e.kind())) + ":" + e.field() + ": " + e.what();
	}
}

std::string unlockOutcome(const std::string& name)
{
	const auto bytes = hostileFile(name);
	try {
		(void)Vault::unlock(bytes, "any password");
		return "unlocked";
	} catch (const Error& e) {
		return std::string(toString(e.kind())) + ":" + e.field() + ": " + e.what();
	}
}

} // namespace

TEST(HostileFiles, AegisScryptAskingForFourGibibytesIsRefusedBeforeAnyAllocation)
{
	const std::string outcome = importOutcome("aegis-scrypt-4gib.json");
	EXPECT_TRUE(outcome.starts_with("kdf_too_costly:slots: ")) << outcome;
	EXPECT_NE(outcome.find("scrypt N=1048576 r=32 p=1"), std::string::npos) << outcome;
}

TEST(HostileFiles, AegisScryptWithSixteenPassesOfAGibibyteIsRefused)
{
	const std::string outcome = importOutcome("aegis-scrypt-p16.json");
	EXPECT_TRUE(outcome.starts_with("kdf_too_costly:slots: ")) << outcome;
	EXPECT_NE(outcome.find("scrypt N=1048576 r=8 p=16"), std::string::npos) << outcome;
}

TEST(HostileFiles, AegisWithFivePasswordSlotsIsRefused)
{
	const std::string outcome = importOutcome("aegis-five-slots.json");
	EXPECT_TRUE(outcome.starts_with("kdf_too_costly:slots: ")) << outcome;
	EXPECT_NE(outcome.find("more than 4"), std::string::npos) << outcome;
}

TEST(HostileFiles, AndOtpAskingForTenMillionPbkdf2IterationsIsRefused)
{
	const std::string outcome = importOutcome("andotp-ten-million-iterations.bin");
	EXPECT_TRUE(outcome.starts_with("kdf_too_costly:iterations: ")) << outcome;
	EXPECT_NE(outcome.find("PBKDF2-SHA-1 with 10000000 iterations"), std::string::npos) << outcome;
}

TEST(HostileFiles, GoogleMigrationClaimingTwoBillionPartsIsRefused)
{
	const std::string outcome = importOutcome("google-migration-batch-size-max.txt");
	// One QR code of the "export": its only part is unreadable, so nothing is imported.
	EXPECT_TRUE(outcome.starts_with("malformed_file:")) << outcome;
	std::string uri;
	{
		const auto bytes = hostileFile("google-migration-batch-size-max.txt");
		uri.assign(bytes.begin(), bytes.end());
	}
	try {
		(void)parseMigrationUri(uri);
		FAIL() << "a batch size of 2^31-1 was accepted";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::MalformedFile);
		EXPECT_NE(std::string(e.what()).find("2147483647"), std::string::npos) << e.what();
	}
}

TEST(HostileFiles, OurVaultWithSixteenGibibyteSlotsIsRefusedBeforeAnyDerivation)
{
	const std::string outcome = unlockOutcome("vault-16-slots-1gib.authvault");
	EXPECT_TRUE(outcome.starts_with("kdf_too_costly:slots: ")) << outcome;
	EXPECT_NE(outcome.find("Argon2 m=1048576 KiB t=100 p=16"), std::string::npos) << outcome;
}

TEST(HostileFiles, OurVaultWithFivePasswordSlotsIsRefused)
{
	const std::string outcome = unlockOutcome("vault-five-slots.authvault");
	EXPECT_TRUE(outcome.starts_with("kdf_too_costly:slots: ")) << outcome;
	EXPECT_NE(outcome.find("more than 4"), std::string::npos) << outcome;
}

TEST(HostileFiles, DeeplyNestedJsonIsMalformedWithoutBeingBuilt)
{
	const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
	try {
		(void)importText(deep);
		FAIL() << "100,000 levels of nesting were imported";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::MalformedFile) << e.what();
	}
	// Shallow enough is still read (and found to be no export).
	const std::string shallow = std::string(20, '[') + std::string(20, ']');
	EXPECT_THROW((void)importText(shallow), Error);
}

TEST(HostileFiles, AnInputOverSixteenMebibytesIsRefusedBeforeItIsRead)
{
	const std::vector<uint8_t> huge(kMaxImportBytes + 1, ' ');
	try {
		(void)importBytes(huge, "huge.json");
		FAIL() << "a 16 MiB + 1 input was read";
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::TooLarge);
		EXPECT_EQ(e.field(), "file");
	}
}
