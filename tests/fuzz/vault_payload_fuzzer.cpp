// The vault's decrypted account list: arbitrary bytes either decode to valid entries that encode and
// decode back unchanged, or throw MalformedFile. (Only authenticated bytes reach this code, but a
// bug in our own writer, or a newer schema, must not crash an older reader.)
#include "authcore/Error.h"
#include "vault/VaultPayload.h"

#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	try {
		const auto contents = authcore::decodeVaultPayload(std::span(data, size));
		for (const auto& entry : contents.entries)
			entry.account.validate();
		for (const auto& tombstone : contents.tombstones)
			tombstone.entry.account.validate();
		if (authcore::decodeVaultPayload(authcore::encodeVaultPayload(contents)) != contents)
			std::abort();
	} catch (const authcore::Error& e) {
		if (e.kind() != authcore::ErrorKind::MalformedFile)
			std::abort();
	}
	return 0;
}
