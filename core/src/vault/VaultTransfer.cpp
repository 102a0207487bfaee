// The one-time code and the copy a vault shows to move to another device (VaultTransfer.h).

#include "authcore/vault/VaultTransfer.h"

#include "authcore/Error.h"
#include "authcore/vault/Vault.h"

#include <botan/system_rng.h>

#include <array>

namespace authcore {

namespace {

bool isCanonical(std::string_view code)
{
	if (code.size() != kTransferCodeLength)
		return false;
	for (const char c : code)
		if (kTransferCodeAlphabet.find(c) == std::string_view::npos)
			return false;
	return true;
}

} // namespace

std::string newTransferCode()
{
	// 32 symbols: each byte's low 5 bits pick one, so every symbol is equally likely.
	static_assert(kTransferCodeAlphabet.size() == 32);
	std::array<uint8_t, kTransferCodeLength> random{};
	Botan::System_RNG().randomize(random);
	std::string code;
	for (const uint8_t byte : random)
		code.push_back(kTransferCodeAlphabet[byte & 31u]);
	random.fill(0);
	return code;
}

std::string normalizeTransferCode(std::string_view typed)
{
	std::string code;
	for (const char c : typed) {
		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (code.size() > kTransferCodeLength)
			break; // too long already; no need to read a pasted novel
		char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
		if (upper == 'O')
			upper = '0';
		else if (upper == 'I' || upper == 'L')
			upper = '1';
		code.push_back(upper);
	}
	if (!isCanonical(code))
		throw Error(ErrorKind::InvalidArgument, "code",
					"a transfer code is " + std::to_string(kTransferCodeLength) + " letters and digits");
	return code;
}

std::vector<uint8_t> transferCopy(const Vault& vault, std::string_view code, const KdfParams& kdf, Vault::KdfFloor floor)
{
	if (!vault.isUnlocked())
		throw Error(ErrorKind::Locked, "", "the vault is locked");
	if (!isCanonical(code))
		throw Error(ErrorKind::InvalidArgument, "code", "not a transfer code in canonical form");
	// A new vault under the code, then the accounts merged in: the ids, edit stamps and tombstones
	// travel, the key and slots do not.
	Vault copy = Vault::create(code, kdf, floor);
	copy.mergeFrom(vault.contents());
	return copy.file();
}

} // namespace authcore
