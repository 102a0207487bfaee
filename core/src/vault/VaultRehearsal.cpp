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
//
// The rehearsal vault holds as many accounts as the file to be opened suggests (its size; at most
// kMaxRehearsalAccounts), not one: opening a vault decrypts and parses every entry, and with a
// single entry that code ran too little for V8 to optimize it, so a large vault's first unlock or
// restore parsed its entries in baseline code. Measured as wasm in Node, restore of a fresh module
// after the rehearsal, medians of 4 (a process per size): 1,000 accounts took 90 ms longer than 20
// with a one-account rehearsal, 36 ms with 60 accounts; the rehearsal itself went from ~160 to ~255
// ms of the worker's time while the user types. A small vault keeps a small rehearsal.

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
constexpr size_t kMaxRehearsalAccounts = 60;
constexpr size_t kFileBytesPerAccount = 512; // about what one account adds to a vault file

size_t rehearsalAccountsFor(std::span<const uint8_t> file)
{
	return std::min(kMaxRehearsalAccounts, 1 + file.size() / kFileBytesPerAccount);
}

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
		std::vector<NewEntry> accounts;
		const size_t count = rehearsalAccountsFor(storedFile);
		for (size_t i = 0; i < count; ++i) {
			const std::string label = "Rehearsal%20" + std::to_string(i);
			std::string uri = "otpauth://totp/";
			uri.append(label).append(":user@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=").append(label);
			accounts.push_back({parseOtpauthUri(uri), {}});
		}
		vault.addAll(std::move(accounts));
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
