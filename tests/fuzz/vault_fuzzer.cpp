// Vault files from an attacker: arbitrary bytes either open (with the fixture's password) or fail
// with one of the four documented kinds, never anything else, never a crash or a partial result.
// Seeds: tests/data/vault (the version-1 fixture). So that mutations get past the header checksum
// to the slot, Argon2 and GCM code, the digest is recomputed when the header length is plausible,
// and Argon2 parameters above a small cap are skipped (slow, not interesting: the range check
// itself is covered by the unit tests).
#include "authcore/Error.h"
#include "authcore/vault/Vault.h"

#include <botan/hash.h>

#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

namespace {

uint32_t load32(const std::vector<uint8_t>& b, size_t at)
{
	return uint32_t{b[at]} << 24 | uint32_t{b[at + 1]} << 16 | uint32_t{b[at + 2]} << 8 | b[at + 3];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	std::vector<uint8_t> file(data, data + size);
	// Byte 0 of the input chooses whether to repair the digest (even) or leave it (odd).
	const bool repair = size > 0 && (data[0] & 1) == 0;
	if (repair)
		file[0] = 0x89;
	// Skip costly Argon2 parameters in any password slot (layout: core/src/vault/VaultFormat.h).
	if (file.size() > 28) {
		size_t at = 29;
		for (size_t slot = 0; slot < file[28] && at + 3 <= file.size(); ++slot) {
			const size_t length = size_t{file[at + 1]} << 8 | file[at + 2];
			if (file[at] == 1 && length >= 12 && at + 3 + 12 <= file.size() &&
				(load32(file, at + 3) > 1024 || load32(file, at + 7) > 3 || load32(file, at + 11) > 2))
				return 0;
			at += 3 + length;
		}
	}
	if (repair && file.size() >= 14) {
		const size_t h = load32(file, 10);
		if (h >= 32 && h <= file.size() && file.size() - h >= 60) {
			auto sha256 = Botan::HashFunction::create_or_throw("SHA-256");
			sha256->update(file.data(), h);
			const auto digest = sha256->final();
			std::copy(digest.begin(), digest.end(), file.begin() + static_cast<ptrdiff_t>(h));
		}
	}
	try {
		const authcore::Vault vault = authcore::Vault::unlock(file, "Fixture pārole 1");
		for (const auto& entry : vault.entries())
			entry.account.validate();
	} catch (const authcore::Error& e) {
		switch (e.kind()) {
		case authcore::ErrorKind::MalformedFile:
		case authcore::ErrorKind::UnsupportedVersion:
		case authcore::ErrorKind::IntegrityFailure:
		case authcore::ErrorKind::WrongPassword: break;
		default: std::abort();
		}
	}
	return 0;
}
