// Vault::sealDeviceSecret / openDeviceSecret: a device's own small secrets (the sync server's app
// password), kept in the browser's storage beside the vault, under a key only the unlocked vault has.

#include "authcore/vault/Vault.h"

#include "authcore/Error.h"
#include "vault/AesGcm.h"

#include <botan/kdf.h>
#include <botan/system_rng.h>

#include <string_view>

namespace authcore {

namespace {

constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;
constexpr size_t kMaxSecretSize = 4096;
// Names the format: a key derived for another purpose, or a later format, never opens these.
constexpr std::string_view kInfo = "authcore device secret v1";

std::span<const uint8_t> infoBytes()
{
	return {reinterpret_cast<const uint8_t*>(kInfo.data()), kInfo.size()};
}

Botan::secure_vector<uint8_t> deviceSecretKey(std::span<const uint8_t> masterKey)
{
	return Botan::KDF::create_or_throw("HKDF(SHA-256)")->derive_key(32, masterKey, std::span<const uint8_t>{}, infoBytes());
}

} // namespace

std::vector<uint8_t> Vault::sealDeviceSecret(std::span<const uint8_t> secret) const
{
	requireUnlocked();
	if (secret.size() > kMaxSecretSize)
		throw Error(ErrorKind::InvalidArgument, "secret", "the secret is too long");
	std::vector<uint8_t> sealed(kNonceSize);
	Botan::System_RNG().randomize(sealed);
	const auto body = sealAesGcm(deviceSecretKey(_masterKey), sealed, infoBytes(), secret);
	sealed.insert(sealed.end(), body.begin(), body.end());
	return sealed;
}

std::optional<Botan::secure_vector<uint8_t>> Vault::openDeviceSecret(std::span<const uint8_t> sealed) const
{
	requireUnlocked();
	if (sealed.size() < kNonceSize + kTagSize || sealed.size() > kNonceSize + kMaxSecretSize + kTagSize)
		return std::nullopt;
	return openAesGcm(deviceSecretKey(_masterKey), sealed.first(kNonceSize), infoBytes(), sealed.subspan(kNonceSize));
}

} // namespace authcore
