#include "vault/PasskeySlot.h"

#include "authcore/Error.h"
#include "vault/AesGcm.h"
#include "vault/VaultFormat.h"

#include <botan/kdf.h>

#include <algorithm>

namespace authcore {

using namespace vaultformat;

namespace {

[[noreturn]] void malformed()
{
	throw Error(ErrorKind::MalformedFile, "slot", "a passkey slot is damaged: its lengths are inconsistent");
}

/// Everything before the nonce: salt, credential id and name.
std::vector<uint8_t> encodeMetadata(const PasskeySlot& slot)
{
	std::vector<uint8_t> body(slot.prfSalt.begin(), slot.prfSalt.end());
	appendBigEndian(body, slot.credentialId.size(), 2);
	body.insert(body.end(), slot.credentialId.begin(), slot.credentialId.end());
	body.push_back(static_cast<uint8_t>(slot.name.size()));
	body.insert(body.end(), slot.name.begin(), slot.name.end());
	return body;
}

// The slot's fields are bound to the wrapped key, with the magic, version, type and length, so a
// slot cannot be renamed, given another credential or moved to another format without its tag
// failing.
std::vector<uint8_t> slotAssociatedData(std::span<const uint8_t> metadata)
{
	std::vector<uint8_t> ad(kMagic.begin(), kMagic.end());
	appendBigEndian(ad, kVersion, 2);
	ad.push_back(kPasskeySlotType);
	appendBigEndian(ad, metadata.size() + kPasskeySlotSealedSize, 2);
	ad.insert(ad.end(), metadata.begin(), metadata.end());
	return ad;
}

Botan::secure_vector<uint8_t> slotKey(std::span<const uint8_t> prfOutput, std::span<const uint8_t> prfSalt)
{
	const std::string_view info = kPasskeySlotKdfInfo;
	return Botan::KDF::create_or_throw("HKDF(SHA-256)")
		->derive_key(kKeySize, prfOutput, prfSalt, {reinterpret_cast<const uint8_t*>(info.data()), info.size()});
}

void requireSize(std::span<const uint8_t> bytes, size_t minimum, size_t maximum, const char* field, const char* what)
{
	if (bytes.size() < minimum || bytes.size() > maximum)
		throw Error(ErrorKind::InvalidArgument, field, what);
}

} // namespace

PasskeySlot PasskeySlot::seal(std::string_view name, std::span<const uint8_t> credentialId, std::span<const uint8_t> prfSalt,
							  std::span<const uint8_t> prfOutput, std::span<const uint8_t> masterKey,
							  Botan::RandomNumberGenerator& rng)
{
	if (name.empty() || name.size() > kMaxPasskeyNameSize)
		throw Error(ErrorKind::InvalidArgument, "name", "a passkey's name must be 1 to 64 bytes of text");
	requireSize(credentialId, 1, kMaxCredentialIdSize, "credentialId", "a passkey's credential id must be 1 to 1023 bytes");
	requireSize(prfSalt, kPrfSaltSize, kPrfSaltSize, "prfSalt", "the PRF salt must be 32 bytes");
	requireSize(prfOutput, kPrfOutputSize, kPrfOutputSize, "prfOutput", "the PRF output must be 32 bytes");
	requireSize(masterKey, kKeySize, kKeySize, "masterKey", "the master key must be 32 bytes");

	PasskeySlot slot;
	std::copy(prfSalt.begin(), prfSalt.end(), slot.prfSalt.begin());
	slot.credentialId.assign(credentialId.begin(), credentialId.end());
	slot.name = name;
	rng.randomize(slot.nonce);
	const auto kek = slotKey(prfOutput, slot.prfSalt);
	const auto sealed = sealAesGcm(kek, slot.nonce, slotAssociatedData(encodeMetadata(slot)), masterKey);
	std::copy(sealed.begin(), sealed.end(), slot.wrappedKey.begin());
	return slot;
}

PasskeySlot PasskeySlot::fromKeySlot(const KeySlot& keySlot)
{
	const std::span<const uint8_t> body = keySlot.body;
	if (keySlot.type != kPasskeySlotType || body.size() < kPasskeySlotMinBodySize)
		malformed();
	PasskeySlot slot;
	std::copy_n(body.begin(), kPrfSaltSize, slot.prfSalt.begin());
	size_t offset = kPasskeySlotCredentialIdOffset;
	const size_t idLength = (size_t{body[offset]} << 8) | body[offset + 1];
	offset += 2;
	// Sizes are small (the body is at most 65535 bytes), so these sums cannot overflow.
	if (idLength == 0 || idLength > kMaxCredentialIdSize || offset + idLength + 1 > body.size())
		malformed();
	slot.credentialId.assign(body.begin() + static_cast<ptrdiff_t>(offset), body.begin() + static_cast<ptrdiff_t>(offset + idLength));
	offset += idLength;
	const size_t nameLength = body[offset++];
	if (nameLength == 0 || nameLength > kMaxPasskeyNameSize || offset + nameLength + kPasskeySlotSealedSize != body.size())
		malformed();
	slot.name.assign(body.begin() + static_cast<ptrdiff_t>(offset), body.begin() + static_cast<ptrdiff_t>(offset + nameLength));
	offset += nameLength;
	std::copy_n(body.begin() + static_cast<ptrdiff_t>(offset), slot.nonce.size(), slot.nonce.begin());
	offset += slot.nonce.size();
	std::copy_n(body.begin() + static_cast<ptrdiff_t>(offset), slot.wrappedKey.size(), slot.wrappedKey.begin());
	return slot;
}

KeySlot PasskeySlot::toKeySlot() const
{
	auto body = encodeMetadata(*this);
	body.insert(body.end(), nonce.begin(), nonce.end());
	body.insert(body.end(), wrappedKey.begin(), wrappedKey.end());
	return KeySlot{kPasskeySlotType, std::move(body)};
}

PasskeyInfo PasskeySlot::info() const
{
	return PasskeyInfo{credentialId, name, prfSalt};
}

std::optional<Botan::secure_vector<uint8_t>> PasskeySlot::open(std::span<const uint8_t> prfOutput) const
{
	if (prfOutput.size() != kPrfOutputSize)
		return std::nullopt;
	const auto kek = slotKey(prfOutput, prfSalt);
	auto masterKey = openAesGcm(kek, nonce, slotAssociatedData(encodeMetadata(*this)), wrappedKey);
	if (masterKey && masterKey->size() != kKeySize)
		return std::nullopt; // cannot happen with a 48-byte field, but never hand out a short key
	return masterKey;
}

std::vector<PasskeySlot> passkeySlotsOf(const std::vector<KeySlot>& slots)
{
	std::vector<PasskeySlot> result;
	for (const auto& slot : slots)
		if (slot.type == kPasskeySlotType)
			result.push_back(PasskeySlot::fromKeySlot(slot));
	return result;
}

size_t dropPasskeySlots(std::vector<KeySlot>& slots)
{
	return static_cast<size_t>(std::erase_if(slots, [](const KeySlot& slot) { return slot.type == kPasskeySlotType; }));
}

} // namespace authcore
