#include "authcore/account/AccountFields.h"

#include "authcore/otp/Otp.h"

namespace authcore {

void makeSteamAccount(Account& account) noexcept
{
	account.type = OtpType::Steam;
	account.digits = kSteamDigits;
	account.period = kSteamPeriod;
	account.algorithm = HashAlgorithm::Sha1;
}

HashAlgorithm hashAlgorithmNamed(std::string_view name, ErrorKind kind, const std::string& field)
{
	const auto algorithm = parseHashAlgorithm(name);
	if (!algorithm)
		throw Error(kind, field, "unsupported algorithm '" + std::string(name.substr(0, 16)) + "' (expected SHA1, SHA256 or SHA512)");
	return *algorithm;
}

} // namespace authcore
