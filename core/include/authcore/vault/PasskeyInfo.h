#pragma once
// What the page needs to know of a vault's passkeys, locked or not: which credential to ask for,
// with which PRF input, and the name the user gave it. Nothing here is secret.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace authcore {

struct PasskeyInfo
{
	std::vector<uint8_t> credentialId; // WebAuthn raw id, 1 .. 1023 bytes
	std::string name;                  // UTF-8, 1 .. 64 bytes
	std::array<uint8_t, 32> prfSalt{}; // the PRF input ("prf.eval.first") to send for this credential
};

} // namespace authcore
