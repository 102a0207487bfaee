#include "authcore/Error.h"
#include "authcore/otp/Otp.h"
#include "otp/Truncation.h"

namespace authcore {

namespace {

void checkTime(int64_t unixSeconds, uint32_t period)
{
	if (period < 1)
		throw Error(ErrorKind::InvalidArgument, "period", "period must be at least 1 second");
	if (unixSeconds < 0)
		throw Error(ErrorKind::InvalidArgument, "time", "time must not be before 1970-01-01");
}

} // namespace

uint64_t totpCounter(int64_t unixSeconds, uint32_t period)
{
	checkTime(unixSeconds, period);
	return static_cast<uint64_t>(unixSeconds) / period;
}

uint32_t secondsRemaining(int64_t unixSeconds, uint32_t period)
{
	checkTime(unixSeconds, period);
	return period - static_cast<uint32_t>(static_cast<uint64_t>(unixSeconds) % period);
}

std::string totp(std::span<const uint8_t> secret, int64_t unixSeconds, uint32_t period, HashAlgorithm algorithm,
				 int digits)
{
	return hotp(secret, totpCounter(unixSeconds, period), algorithm, digits);
}

std::string steamGuard(std::span<const uint8_t> secret, int64_t unixSeconds)
{
	static constexpr std::string_view kSteamAlphabet = "23456789BCDFGHJKMNPQRTVWXY";
	uint32_t value = detail::truncatedHmac(secret, totpCounter(unixSeconds, kSteamPeriod), HashAlgorithm::Sha1);
	std::string code(kSteamDigits, ' ');
	for (char& c : code) {
		c = kSteamAlphabet[value % kSteamAlphabet.size()];
		value /= static_cast<uint32_t>(kSteamAlphabet.size());
	}
	return code;
}

} // namespace authcore
