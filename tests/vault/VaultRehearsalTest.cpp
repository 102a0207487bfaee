// Vault::rehearse(): a dry run that must work for any stored file (or none) and change nothing.

#include "authcore/vault/Vault.h"

#include "VaultTestSupport.h"

#include <gtest/gtest.h>

using namespace authcore;

TEST(VaultRehearsalTest, RunsForAnyStoredFileAndChangesNothing)
{
	Vault vault = Vault::create("labs vārds", test::kFastKdf, Vault::KdfFloor::NotEnforced);
	vault.add(test::sampleAccounts().front());
	const auto file = vault.file();
	EXPECT_NO_THROW(Vault::rehearse(file));
	EXPECT_NO_THROW(Vault::rehearse({}));                                 // no vault stored yet
	EXPECT_NO_THROW(Vault::rehearse(std::vector<uint8_t>(100, 0x89)));    // not a vault: defaults
	EXPECT_NO_THROW(Vault::rehearse(std::vector<uint8_t>(512 * 1024, 0x89))); // a large backup's size: the most accounts
	EXPECT_EQ(vault.file(), file);
	EXPECT_EQ(Vault::unlock(file, "labs vārds").entries().size(), 1u);
}
