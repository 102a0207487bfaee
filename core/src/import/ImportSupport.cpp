#include "ImportSupport.h"

#include "authcore/account/AccountFields.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Trim.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace authcore::importing {

namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) noexcept
{
	return text.size() >= prefix.size() &&
		   std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
			   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
		   });
}

template <typename Visit>
void forEachLine(std::string_view text, Visit&& visit)
{
	while (!text.empty()) {
		size_t end = text.find('\n');
		std::string_view line = trimmed(text.substr(0, end));
		visit(line);
		if (end == std::string_view::npos)
			break;
		text.remove_prefix(end + 1);
	}
}

} // namespace

int digitsFrom(int64_t value)
{
	if (value < 1 || value > 10)
		throw Error(ErrorKind::InvalidArgument, "digits", "digits must be between 1 and 10, got " + std::to_string(value));
	return static_cast<int>(value);
}

uint32_t periodFrom(int64_t value)
{
	if (value < 1 || value > std::numeric_limits<uint32_t>::max())
		throw Error(ErrorKind::InvalidArgument, "period", "period must be at least 1 second, got " + std::to_string(value));
	return static_cast<uint32_t>(value);
}

uint64_t counterFrom(int64_t value)
{
	if (value < 0)
		throw Error(ErrorKind::InvalidArgument, "counter", "counter must not be negative");
	return static_cast<uint64_t>(value);
}

void readDigitsAndPeriodOrCounter(Account& account, const Json& object, const OtpParameterKeys& keys)
{
	account.digits = digitsFrom(integerMember(object, std::string(keys.digits), 6));
	if (account.type == OtpType::Totp) {
		account.period = periodFrom(integerMember(object, std::string(keys.period), 30));
	} else {
		const std::string counterKey(keys.counter);
		account.counter = counterFrom(keys.counterRequired ? requiredInteger(object, counterKey) : integerMember(object, counterKey, 0));
	}
}

void readOtpParameters(Account& account, const Json& object, const OtpParameterKeys& keys)
{
	account.algorithm = hashAlgorithmNamed(textMember(object, std::string(keys.algorithm), "SHA1"), ErrorKind::InvalidArgument, "algorithm");
	readDigitsAndPeriodOrCounter(account, object, keys);
}

void setTypeFromName(Account& account, const std::string& type, const std::string& field)
{
	if (type == "STEAM") {
		makeSteamAccount(account);
		return;
	}
	if (type != "TOTP" && type != "HOTP")
		throw Error(ErrorKind::InvalidArgument, field, "'" + type.substr(0, 16) + "' accounts are not supported");
	account.type = type == "TOTP" ? OtpType::Totp : OtpType::Hotp;
}

Account accountFromTotpField(std::string_view value)
{
	value = trimmed(value);
	if (startsWithNoCase(value, "otpauth://"))
		return parseOtpauthUri(value);
	Account account;
	if (startsWithNoCase(value, "steam://")) {
		makeSteamAccount(account);
		account.secret = secretFromBase32(value.substr(8));
		return account;
	}
	account.secret = secretFromBase32(value); // a bare key: TOTP, SHA1, 6 digits, 30 s
	return account;
}

void readOtpauthLines(std::string_view text, ImportResult& result)
{
	int64_t index = 0;
	forEachLine(text, [&](std::string_view line) {
		if (line.empty())
			return;
		try {
			addAccount(result, index, parseOtpauthUri(line));
		} catch (const Error& e) {
			result.problems.push_back({index, problemMessage(e)});
		}
		++index;
	});
}

bool firstLineStartsWith(std::string_view text, std::string_view prefix) noexcept
{
	while (!text.empty()) {
		size_t end = text.find('\n');
		std::string_view line = trimmed(text.substr(0, end));
		if (!line.empty())
			return startsWithNoCase(line, prefix);
		if (end == std::string_view::npos)
			break;
		text.remove_prefix(end + 1);
	}
	return false;
}

} // namespace authcore::importing
