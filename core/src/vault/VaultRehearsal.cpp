// Vault::rehearse(): a dry run of unlock and first codes before the user's real unlock.
//
// Measured in headless Chromium (bench/cold_start.mjs, issue 12): from password submit to the
// first code took 585 ms while Argon2id alone took 179 ms. The worker's first vaultUnlock did all
// of it, and two first-call costs made the difference, each about half:
//  - the heap: the first Argon2id (64 MiB) grows WebAssembly memory from 16 MiB and the kernel
//    zero-fills every new page on first touch; later unlocks reuse pages already there;
//  - the JIT: V8 compiles each function on first call with its baseline compiler and optimizes the
//    hot ones later, in the background; the first unlock ran its code through both.
// Rehearsing with a small Argon2 memory and then touching the real amount once, while the user
// types, moves both out of the unlock. Natively it only costs a few milliseconds.

#include "authcore/vault/Vault.h"

#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"
#include "vault/PasswordSlot.h"
#include "vault/VaultFile.h"
#include "vault/VaultFormat.h"

#include <botan/secmem.h>

#include <algorithm>

namespace authcore {

using namespace vaultformat;

namespace {

/// Enough Argon2 blocks (4096, twice) that V8 optimizes the block function before the real unlock:
/// with 1024 a CDP trace still showed its top-tier compile during the unlock. ~25 ms of CPU.
constexpr KdfParams kRehearsalKdf{4096, 1, 1};
constexpr uint32_t kMaxReservedKiB = 256 * 1024;
constexpr int64_t kRehearsalTime = 1'700'000'000;

uint32_t storedMemoryKiB(std::span<const uint8_t> file)
{
	try {
		for (const auto& slot : parseVaultFile(file).slots)
			if (slot.type == kPasswordSlotType)
				return PasswordSlot::fromKeySlot(slot).kdf.memoryKiB;
	} catch (const Error&) {
		// not a vault we can read: the real unlock will say so; prepare for the defaults
		return kDefaultKdf.memoryKiB;
	}
	return kDefaultKdf.memoryKiB;
}

} // namespace

void Vault::rehearse(std::span<const uint8_t> storedFile)
{
	{
		const std::string password = "rehearsal";
		Vault vault = create(password, kRehearsalKdf, KdfFloor::NotEnforced);
		vault.add(parseOtpauthUri("otpauth://totp/Rehearsal:user?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Rehearsal"));
		const std::vector<uint8_t> credentialId = {1, 2, 3, 4};
		const std::vector<uint8_t> prfOutput(kPrfOutputSize, 0x5A);
		vault.addPasskey("Rehearsal", credentialId, newPasskeySalt(), prfOutput);
		const auto file = vault.file();
		vault = unlock(file, password);
		(void)vault.codes(kRehearsalTime);
		vault = unlockWithPasskey(file, credentialId, prfOutput);
		(void)vault.codes(kRehearsalTime);
		(void)passkeysOf(file);
	}
	// Allocated through Botan's allocator (calloc, which zeroes and so touches every page) like
	// Argon2's own block memory, then freed for Argon2 to take.
	const size_t bytes = size_t{std::min(storedMemoryKiB(storedFile), kMaxReservedKiB)} * 1024;
	Botan::secure_vector<uint64_t> reserved(bytes / sizeof(uint64_t));
}

} // namespace authcore
