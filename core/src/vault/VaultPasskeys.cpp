// The vault's passkey slots (PasskeySlot.h): listing them without unlocking, unlocking with a PRF
// output, adding and removing. Kept apart from Vault.cpp; the password slot is never touched here.

#include "authcore/vault/Vault.h"

#include "authcore/Error.h"
#include "authcore/encoding/Utf8.h"
#include "vault/PasskeySlot.h"
#include "vault/VaultFile.h"
#include "vault/VaultFormat.h"

#include <botan/system_rng.h>

#include <algorithm>

namespace authcore {

using namespace vaultformat;

namespace {

bool sameCredential(const PasskeySlot& slot, std::span<const uint8_t> credentialId)
{
	return std::ranges::equal(slot.credentialId, credentialId);
}

} // namespace

std::vector<PasskeyInfo> Vault::passkeysOf(std::span<const uint8_t> file)
{
	std::vector<PasskeyInfo> result;
	for (const auto& slot : passkeySlotsOf(parseVaultFile(file).slots))
		result.push_back(slot.info());
	return result;
}

Vault Vault::unlockWithPasskey(std::span<const uint8_t> file, std::span<const uint8_t> credentialId,
							   std::span<const uint8_t> prfOutput)
{
	const VaultFile parsed = parseVaultFile(file);
	for (const auto& slot : passkeySlotsOf(parsed.slots)) {
		if (!sameCredential(slot, credentialId))
			continue;
		if (auto masterKey = slot.open(prfOutput))
			return openPayload(parsed, file, std::move(*masterKey));
	}
	throw Error(ErrorKind::WrongPassword, "passkey", "this passkey does not open the vault");
}

std::array<uint8_t, 32> Vault::newPasskeySalt()
{
	std::array<uint8_t, kPrfSaltSize> salt{};
	Botan::System_RNG().randomize(salt);
	return salt;
}

std::vector<PasskeyInfo> Vault::passkeys() const
{
	requireUnlocked();
	std::vector<PasskeyInfo> result;
	for (const auto& slot : passkeySlotsOf(_slots))
		result.push_back(slot.info());
	return result;
}

void Vault::addPasskey(std::string_view name, std::span<const uint8_t> credentialId, std::span<const uint8_t> prfSalt,
					   std::span<const uint8_t> prfOutput)
{
	requireUnlocked();
	if (!isValidUtf8(name))
		throw Error(ErrorKind::InvalidArgument, "name", "the passkey's name is not valid UTF-8 text");
	for (const auto& slot : passkeySlotsOf(_slots))
		if (sameCredential(slot, credentialId))
			throw Error(ErrorKind::Duplicate, "passkey", "this passkey already unlocks the vault");
	if (_slots.size() >= kMaxSlots)
		throw Error(ErrorKind::InvalidArgument, "slots", "the vault has no room for another passkey (15 at most)");

	Botan::System_RNG rng;
	auto slots = _slots;
	slots.push_back(PasskeySlot::seal(name, credentialId, prfSalt, prfOutput, _masterKey, rng).toKeySlot());
	sealNextRevision(_entries, &slots);
}

void Vault::removePasskey(std::span<const uint8_t> credentialId)
{
	requireUnlocked();
	auto slots = _slots;
	const auto removed = std::erase_if(slots, [&](const KeySlot& slot) {
		return slot.type == kPasskeySlotType && sameCredential(PasskeySlot::fromKeySlot(slot), credentialId);
	});
	if (removed == 0)
		throw Error(ErrorKind::InvalidArgument, "credentialId", "the vault has no passkey with this credential id");
	sealNextRevision(_entries, &slots);
}

} // namespace authcore
