#include "vault/PasswordSlot.h"

#include "authcore/Error.h"
#include "vault/AesGcm.h"
#include "vault/VaultFormat.h"

#include <botan/pwdhash.h>

#include <algorithm>
#include <array>

namespace authcore {

using namespace vaultformat;

namespace {

// The bytes before the nonce (parameters and salt) are bound to the wrapped key as associated data,
// with the magic and version, so a slot cannot be moved to another format or have its parameters
// lowered without the tag failing.
std::vector<uint8_t> slotAssociatedData(const std::vector<uint8_t>& body)
{
	std::vector<uint8_t> ad(kMagic.begin(), kMagic.end());
	appendBigEndian(ad, kVersion, 2);
	ad.push_back(kPasswordSlotType);
	appendBigEndian(ad, kPasswordSlotBodySize, 2);
	ad.insert(ad.end(), body.begin(), body.begin() + kPasswordSlotNonceOffset);
	return ad;
}

std::vector<uint8_t> encodeBody(const PasswordSlot& slot)
{
	std::vector<uint8_t> body;
	body.reserve(kPasswordSlotBodySize);
	appendBigEndian(body, slot.kdf.memoryKiB, 4);
	appendBigEndian(body, slot.kdf.iterations, 4);
	appendBigEndian(body, slot.kdf.parallelism, 4);
	body.insert(body.end(), slot.salt.begin(), slot.salt.end());
	body.insert(body.end(), slot.nonce.begin(), slot.nonce.end());
	body.insert(body.end(), slot.wrappedKey.begin(), slot.wrappedKey.end());
	return body;
}

} // namespace

Botan::secure_vector<uint8_t> deriveSlotKey(std::string_view password, std::span<const uint8_t> salt, const KdfParams& kdf)
{
	kdf.validate();
	auto argon2id = Botan::PasswordHashFamily::create_or_throw("Argon2id")->from_params(kdf.memoryKiB, kdf.iterations, kdf.parallelism);
	Botan::secure_vector<uint8_t> key(kKeySize);
	argon2id->hash(key, password, salt);
	return key;
}

void warmUpPasswordHashing(uint32_t memoryKiB)
{
	const KdfParams once{memoryKiB, 1, 1};
	static constexpr std::array<uint8_t, 16> kSalt{}; // nothing secret goes in or comes out
	(void)deriveSlotKey("warm-up", kSalt, once);
}

PasswordSlot PasswordSlot::seal(std::string_view password, std::span<const uint8_t> masterKey, const KdfParams& kdf,
								Botan::RandomNumberGenerator& rng)
{
	if (masterKey.size() != kKeySize)
		throw Error(ErrorKind::InvalidArgument, "masterKey", "the master key must be 32 bytes");
	PasswordSlot slot;
	slot.kdf = kdf;
	rng.randomize(slot.salt);
	rng.randomize(slot.nonce);
	const auto kek = deriveSlotKey(password, slot.salt, kdf);
	const auto sealed = sealAesGcm(kek, slot.nonce, slotAssociatedData(encodeBody(slot)), masterKey);
	std::copy(sealed.begin(), sealed.end(), slot.wrappedKey.begin());
	return slot;
}

PasswordSlot PasswordSlot::fromKeySlot(const KeySlot& keySlot)
{
	if (keySlot.type != kPasswordSlotType || keySlot.body.size() != kPasswordSlotBodySize)
		throw Error(ErrorKind::MalformedFile, "slot", "a password slot has the wrong size");
	const std::span<const uint8_t> body = keySlot.body;
	PasswordSlot slot;
	slot.kdf = {loadBigEndian32(body, kPasswordSlotMemoryOffset), loadBigEndian32(body, kPasswordSlotIterationsOffset),
				loadBigEndian32(body, kPasswordSlotParallelismOffset)};
	try {
		slot.kdf.validateShape(); // what it costs is for the caller's KdfBudget to judge
	} catch (const Error& e) {
		throw Error(ErrorKind::MalformedFile, "slot", std::string("the password slot's Argon2 parameters are impossible: ") + e.what());
	}
	std::copy_n(body.begin() + kPasswordSlotSaltOffset, slot.salt.size(), slot.salt.begin());
	std::copy_n(body.begin() + kPasswordSlotNonceOffset, slot.nonce.size(), slot.nonce.begin());
	std::copy_n(body.begin() + kPasswordSlotWrappedKeyOffset, slot.wrappedKey.size(), slot.wrappedKey.begin());
	return slot;
}

KeySlot PasswordSlot::toKeySlot() const
{
	return KeySlot{kPasswordSlotType, encodeBody(*this)};
}

std::optional<Botan::secure_vector<uint8_t>> PasswordSlot::open(std::string_view password) const
{
	const auto kek = deriveSlotKey(password, salt, kdf);
	auto masterKey = openAesGcm(kek, nonce, slotAssociatedData(encodeBody(*this)), wrappedKey);
	if (masterKey && masterKey->size() != kKeySize)
		return std::nullopt; // cannot happen with a 48-byte slot, but never hand out a short key
	return masterKey;
}

} // namespace authcore
