#include "authcore/account/OtpauthUri.h"

#include "authcore/account/AccountFields.h"
#include "authcore/encoding/Trim.h"

#include "authcore/Error.h"
#include "authcore/encoding/Base32.h"
#include "authcore/encoding/PercentEncoding.h"
#include "authcore/otp/Otp.h"

#include <charconv>
#include <limits>
#include <map>

namespace authcore {

namespace {

constexpr std::string_view kScheme = "otpauth://";

[[noreturn]] void fail(const std::string& field, const std::string& message)
{
	throw Error(ErrorKind::InvalidUri, field, message);
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
	if (text.size() < prefix.size())
		return false;
	for (size_t i = 0; i < prefix.size(); ++i) {
		char c = text[i];
		if (c >= 'A' && c <= 'Z')
			c = static_cast<char>(c - 'A' + 'a');
		if (c != prefix[i])
			return false;
	}
	return true;
}

std::string lowerAscii(std::string_view text)
{
	std::string out(text);
	for (char& c : out)
		if (c >= 'A' && c <= 'Z')
			c = static_cast<char>(c - 'A' + 'a');
	return out;
}

// Strict unsigned decimal: no sign, no spaces, no empty string, no overflow.
template <typename T>
T parseUnsigned(const std::string& field, std::string_view text, T minimum, T maximum)
{
	T value{};
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	if (text.empty() || ec != std::errc{} || end != text.data() + text.size())
		fail(field, field + " must be a whole number, got '" + std::string(text) + "'");
	if (value < minimum || value > maximum)
		fail(field, field + " must be between " + std::to_string(minimum) + " and " + std::to_string(maximum) +
						", got " + std::string(text));
	return value;
}

// The query as decoded key -> value; keys lower-cased; the first of a repeated key wins.
std::map<std::string, std::string> parseQuery(std::string_view query)
{
	std::map<std::string, std::string> parameters;
	while (!query.empty()) {
		size_t amp = query.find('&');
		std::string_view pair = query.substr(0, amp);
		query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
		if (pair.empty())
			continue;
		size_t eq = pair.find('=');
		std::string key = lowerAscii(pair.substr(0, eq));
		std::string_view raw = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
		auto value = percentDecode(raw);
		if (!value)
			fail(key, "the " + key + " parameter has a broken %-escape or is not UTF-8");
		parameters.emplace(std::move(key), std::move(*value));
	}
	return parameters;
}

} // namespace

Account parseOtpauthUri(std::string_view input)
{
	std::string_view uri = trimmed(input);
	if (uri.empty())
		fail("uri", "the URI is empty");
	if (!startsWithNoCase(uri, kScheme))
		fail("scheme", "not an otpauth:// URI");
	uri.remove_prefix(kScheme.size());
	uri = uri.substr(0, uri.find('#'));

	size_t question = uri.find('?');
	std::string_view path = uri.substr(0, question);
	std::string_view query = question == std::string_view::npos ? std::string_view{} : uri.substr(question + 1);

	size_t slash = path.find('/');
	std::string_view typeText = path.substr(0, slash);
	std::string_view labelText = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);

	Account account;
	auto type = parseOtpType(typeText);
	if (!type)
		fail("type", "unknown OTP type '" + std::string(typeText) + "' (expected totp, hotp or steam)");
	account.type = *type;

	auto label = percentDecode(labelText);
	if (!label)
		fail("label", "the label has a broken %-escape or is not UTF-8");

	auto parameters = parseQuery(query);
	auto get = [&](const char* key) -> const std::string* {
		auto it = parameters.find(key);
		return it == parameters.end() ? nullptr : &it->second;
	};

	// Issuer: the parameter wins; the label prefix is the fallback.
	const std::string* issuerParam = get("issuer");
	if (issuerParam && !issuerParam->empty() && label->starts_with(*issuerParam + ":")) {
		// Compare with the whole issuer first, so an issuer that itself holds ':' splits right.
		account.issuer = *issuerParam;
		account.name = std::string(trimmed(std::string_view(*label).substr(issuerParam->size() + 1)));
	} else if (size_t colon = label->find(':'); colon != std::string::npos) {
		account.issuer = std::string(trimmed(std::string_view(*label).substr(0, colon)));
		account.name = std::string(trimmed(std::string_view(*label).substr(colon + 1)));
	} else {
		account.name = std::string(trimmed(*label));
	}
	if (issuerParam && !issuerParam->empty())
		account.issuer = *issuerParam;

	const std::string* secret = get("secret");
	if (!secret || trimmed(*secret).empty())
		fail("secret", "the secret parameter is missing or empty");
	try {
		account.secret = decodeBase32(*secret);
	} catch (const Error& e) {
		fail("secret", e.what());
	}
	if (account.secret.empty())
		fail("secret", "the secret is empty");

	if (const std::string* algorithm = get("algorithm")) {
		account.algorithm = hashAlgorithmNamed(*algorithm, ErrorKind::InvalidUri, "algorithm");
	}
	if (const std::string* digits = get("digits"))
		account.digits = parseUnsigned<int>("digits", *digits, kMinDigits, kMaxDigits);
	if (const std::string* period = get("period"))
		account.period = parseUnsigned<uint32_t>("period", *period, 1, std::numeric_limits<uint32_t>::max());

	if (account.type == OtpType::Hotp) {
		const std::string* counter = get("counter");
		if (!counter)
			fail("counter", "an hotp URI needs a counter parameter");
		account.counter = parseUnsigned<uint64_t>("counter", *counter, 0, std::numeric_limits<uint64_t>::max());
	}

	const std::string* encoder = get("encoder");
	if (account.type == OtpType::Totp && encoder && lowerAscii(*encoder) == "steam")
		account.type = OtpType::Steam;
	if (account.type == OtpType::Steam)
		makeSteamAccount(account);
	return account;
}

std::string toOtpauthUri(const Account& account)
{
	account.validate();
	std::string uri(kScheme);
	uri += toString(account.type);
	uri += '/';
	if (!account.issuer.empty()) {
		uri += percentEncode(account.issuer);
		uri += ':';
	} else if (account.name.find(':') != std::string::npos) {
		// No issuer, but the name holds ':': an empty prefix keeps a reader (ours included) from
		// taking the part before the colon as the issuer. Found by the otpauth_uri fuzzer.
		uri += ':';
	}
	uri += percentEncode(account.name);
	uri += "?secret=";
	uri += encodeBase32(account.secret);
	if (!account.issuer.empty())
		uri += "&issuer=" + percentEncode(account.issuer);
	uri += "&algorithm=";
	uri += toString(account.algorithm);
	uri += "&digits=" + std::to_string(account.digits);
	if (account.type == OtpType::Hotp)
		uri += "&counter=" + std::to_string(account.counter);
	else
		uri += "&period=" + std::to_string(account.period);
	return uri;
}

} // namespace authcore
