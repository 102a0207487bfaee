#pragma once
// Helpers shared by the vault tests: fast Argon2 parameters and a few accounts of every kind.

#include "authcore/account/OtpauthUri.h"
#include "authcore/vault/KdfParams.h"

#include <string>
#include <vector>

namespace authcore::test {

/// Small enough that the byte-by-byte tests (thousands of unlocks) stay fast, also under Node.
inline constexpr KdfParams kFastKdf{64, 1, 1};

inline const std::vector<std::string>& sampleUris()
{
	static const std::vector<std::string> uris = {
		"otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
		"otpauth://hotp/R%C4%ABgas%20%C5%ABdens:anna?secret=MZXW6YQ&issuer=R%C4%ABgas%20%C5%ABdens&algorithm=SHA256&digits=8&counter=41",
		"otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30",
		"otpauth://totp/Bank:ilze?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA&issuer=Bank&algorithm=SHA512&digits=8&period=60",
	};
	return uris;
}

inline std::vector<Account> sampleAccounts()
{
	std::vector<Account> accounts;
	for (const auto& uri : sampleUris())
		accounts.push_back(parseOtpauthUri(uri));
	return accounts;
}

} // namespace authcore::test
