#include "authcore/account/Account.h"

#include "authcore/Error.h"
#include "authcore/otp/Otp.h"

#include <botan/mem_ops.h>

namespace authcore {

std::string_view toString(OtpType type) noexcept
{
	switch (type) {
	case OtpType::Totp: return "totp";
	case OtpType::Hotp: return "hotp";
	case OtpType::Steam: return "steam";
	}
	return "totp";
}

std::optional<OtpType> parseOtpType(std::string_view text) noexcept
{
	std::string lower;
	for (char c : text)
		lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
	if (lower == "totp")
		return OtpType::Totp;
	if (lower == "hotp")
		return OtpType::Hotp;
	if (lower == "steam")
		return OtpType::Steam;
	return std::nullopt;
}

void Account::validate() const
{
	if (secret.empty())
		throw Error(ErrorKind::InvalidArgument, "secret", "the secret is empty");
	if (digits < kMinDigits || digits > kMaxDigits)
		throw Error(ErrorKind::InvalidArgument, "digits", "digits must be between 1 and 10");
	if (type != OtpType::Hotp && period < 1)
		throw Error(ErrorKind::InvalidArgument, "period", "period must be at least 1 second");
	if (type == OtpType::Steam &&
		(digits != kSteamDigits || period != kSteamPeriod || algorithm != HashAlgorithm::Sha1))
		throw Error(ErrorKind::InvalidArgument, "type", "Steam accounts use 5 characters, 30 s and SHA1");
}

std::string generateCode(const Account& account, int64_t unixSeconds)
{
	account.validate();
	switch (account.type) {
	case OtpType::Hotp: return hotp(account.secret, account.counter, account.algorithm, account.digits);
	case OtpType::Steam: return steamGuard(account.secret, unixSeconds);
	case OtpType::Totp: break;
	}
	return totp(account.secret, unixSeconds, account.period, account.algorithm, account.digits);
}

bool isSameAccount(const Account& a, const Account& b) noexcept
{
	// The secrets' lengths are not secret enough to hide.
	return a.issuer == b.issuer && a.name == b.name && a.secret.size() == b.secret.size() &&
		   Botan::constant_time_compare(a.secret, b.secret);
}

} // namespace authcore
