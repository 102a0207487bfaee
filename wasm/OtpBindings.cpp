// OTP and otpauth:// bindings. Translation only: every rule lives in core/.

#include "JsArguments.h"
#include "ResultObject.h"

#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Base32.h"
#include "authcore/otp/Otp.h"

#include <emscripten/bind.h>

using emscripten::val;

namespace authcore::wasm {

namespace {

Botan::secure_vector<uint8_t> bytesFrom(const val& array)
{
	auto bytes = emscripten::convertJSArrayToNumberVector<uint8_t>(array);
	Botan::secure_vector<uint8_t> secret(bytes.begin(), bytes.end());
	std::fill(bytes.begin(), bytes.end(), uint8_t{0});
	return secret;
}

HashAlgorithm algorithmFrom(const std::string& name)
{
	auto algorithm = parseHashAlgorithm(name);
	if (!algorithm)
		throw Error(ErrorKind::InvalidArgument, "algorithm", "unknown algorithm '" + name + "'");
	return *algorithm;
}

val accountObject(const Account& account)
{
	auto object = val::object();
	object.set("type", std::string(toString(account.type)));
	object.set("issuer", account.issuer);
	object.set("account", account.name);
	object.set("secret", encodeBase32(account.secret));
	object.set("algorithm", std::string(toString(account.algorithm)));
	object.set("digits", account.digits);
	if (account.type == OtpType::Hotp)
		object.set("counter", val(account.counter));
	else
		object.set("period", account.period);
	return object;
}

val parseUri(const std::string& uri)
{
	return guarded([&] {
		auto result = val::object();
		result.set("account", accountObject(parseOtpauthUri(uri)));
		return result;
	});
}

val codeForUri(const std::string& uri, double unixSeconds)
{
	return guarded([&] {
		Account account = parseOtpauthUri(uri);
		int64_t now = unixSecondsFrom(unixSeconds);
		auto result = val::object();
		result.set("code", generateCode(account, now));
		if (account.type != OtpType::Hotp)
			result.set("secondsRemaining", secondsRemaining(now, account.period));
		result.set("period", account.period);
		return result;
	});
}

val hotpCode(const val& secret, uint64_t counter, const std::string& algorithm, int digits)
{
	return guarded([&] {
		auto result = val::object();
		result.set("code", hotp(bytesFrom(secret), counter, algorithmFrom(algorithm), digits));
		return result;
	});
}

val totpCode(const val& secret, double unixSeconds, uint32_t period, const std::string& algorithm, int digits)
{
	return guarded([&] {
		auto result = val::object();
		result.set("code", totp(bytesFrom(secret), unixSecondsFrom(unixSeconds), period, algorithmFrom(algorithm), digits));
		return result;
	});
}

val steamCode(const val& secret, double unixSeconds)
{
	return guarded([&] {
		auto result = val::object();
		result.set("code", steamGuard(bytesFrom(secret), unixSecondsFrom(unixSeconds)));
		return result;
	});
}

val decodeBase32Text(const std::string& text)
{
	return guarded([&] {
		auto bytes = decodeBase32(text);
		auto result = val::object();
		result.set("bytes", uint8ArrayCopy(bytes));
		return result;
	});
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_otp)
{
	emscripten::function("parseOtpauthUri", &parseUri);
	emscripten::function("codeForUri", &codeForUri);
	emscripten::function("hotp", &hotpCode);
	emscripten::function("totp", &totpCode);
	emscripten::function("steamGuard", &steamCode);
	emscripten::function("decodeBase32", &decodeBase32Text);
}

} // namespace authcore::wasm
