#include "authcore/SecureWipe.h"
#include "ImportSupport.h"

#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Base32.h"

#include <botan/aead.h>
#include <botan/base64.h>
#include <botan/exceptn.h>
#include <botan/hex.h>
#include <botan/mem_ops.h>
#include <botan/pwdhash.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace authcore::importing {

namespace {

std::string_view trim(std::string_view text) noexcept
{
	auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
	while (!text.empty() && isSpace(text.front()))
		text.remove_prefix(1);
	while (!text.empty() && isSpace(text.back()))
		text.remove_suffix(1);
	return text;
}

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
		std::string_view line = trim(text.substr(0, end));
		visit(line);
		if (end == std::string_view::npos)
			break;
		text.remove_prefix(end + 1);
	}
}

} // namespace

std::string_view asText(std::span<const uint8_t> bytes) noexcept
{
	std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
	if (text.starts_with("\xEF\xBB\xBF"))
		text.remove_prefix(3);
	return text;
}

namespace {

// The deepest nesting of [ and { outside strings, counted without building anything, so a document of
// a million opening brackets is refused in one pass instead of being built and torn down.
size_t nestingDepth(std::string_view text) noexcept
{
	size_t depth = 0, deepest = 0;
	bool inString = false, escaped = false;
	for (char c : text) {
		if (inString) {
			if (escaped)
				escaped = false;
			else if (c == '\\')
				escaped = true;
			else if (c == '"')
				inString = false;
		} else if (c == '"') {
			inString = true;
		} else if (c == '[' || c == '{') {
			deepest = std::max(deepest, ++depth);
			if (deepest > kMaxJsonDepth)
				break;
		} else if ((c == ']' || c == '}') && depth > 0) {
			--depth;
		}
	}
	return deepest;
}

} // namespace

std::optional<Json> tryParseJson(std::string_view text) noexcept
{
	try {
		if (nestingDepth(text) > kMaxJsonDepth)
			return std::nullopt;
		Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
		if (document.is_discarded())
			return std::nullopt;
		return document;
	} catch (...) { // allocation failure on a huge input: not JSON as far as detection cares
		return std::nullopt;
	}
}

std::optional<Json> tryParseJson(std::span<const uint8_t> bytes) noexcept { return tryParseJson(asText(bytes)); }

struct ParsedJsonInput
{
	std::optional<Json> document;
};

const Json* inputJson(const ImportInput& input) noexcept
{
	if (!input.parsedJson) {
		try {
			input.parsedJson = std::make_shared<const ParsedJsonInput>(ParsedJsonInput{tryParseJson(input.bytes)});
		} catch (...) { // out of memory: not JSON as far as detection cares
			return nullptr;
		}
	}
	const std::optional<Json>& document = input.parsedJson->document;
	return document.has_value() ? &*document : nullptr;
}

const Json& requireInputJson(const ImportInput& input)
{
	const Json* document = inputJson(input);
	if (!document)
		throw Error(ErrorKind::MalformedFile, "file", "the file is not valid JSON (truncated, corrupt or nested too deep)");
	return *document;
}

bool isJsonObjectWith(const ImportInput& input, std::initializer_list<const char*> keys) noexcept
{
	const Json* document = inputJson(input);
	return document && document->is_object() &&
		   std::all_of(keys.begin(), keys.end(), [&](const char* key) { return document->contains(key); });
}

Json parseJson(std::string_view text, const std::string& field)
{
	std::optional<Json> document = tryParseJson(text);
	if (!document)
		throw Error(ErrorKind::MalformedFile, field, "the " + field + " is not valid JSON (truncated, corrupt or nested too deep)");
	return std::move(*document);
}

const Json* member(const Json& object, const std::string& key)
{
	if (!object.is_object())
		throw Error(ErrorKind::MalformedFile, key, "expected an object holding '" + key + "'");
	auto it = object.find(key);
	if (it == object.end() || it->is_null())
		return nullptr;
	return &*it;
}

const Json& requiredMember(const Json& object, const std::string& key)
{
	const Json* value = member(object, key);
	if (!value)
		throw Error(ErrorKind::MalformedFile, key, "'" + key + "' is missing");
	return *value;
}

std::string textMember(const Json& object, const std::string& key, std::string fallback)
{
	const Json* value = member(object, key);
	if (!value)
		return fallback;
	if (!value->is_string())
		throw Error(ErrorKind::MalformedFile, key, "'" + key + "' must be text");
	return value->get<std::string>();
}

std::string requiredText(const Json& object, const std::string& key)
{
	const Json& value = requiredMember(object, key);
	if (!value.is_string())
		throw Error(ErrorKind::MalformedFile, key, "'" + key + "' must be text");
	return value.get<std::string>();
}

int64_t integerMember(const Json& object, const std::string& key, int64_t fallback)
{
	const Json* value = member(object, key);
	if (!value)
		return fallback;
	if (value->is_number_integer())
		return value->get<int64_t>();
	if (value->is_number_unsigned()) {
		uint64_t u = value->get<uint64_t>();
		if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
			throw Error(ErrorKind::MalformedFile, key, "'" + key + "' is out of range");
		return static_cast<int64_t>(u);
	}
	if (value->is_string()) { // some exporters quote their numbers
		const std::string& s = value->get_ref<const std::string&>();
		int64_t n = 0;
		bool ok = !s.empty() && s.size() < 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
		if (ok) {
			for (char c : s)
				n = n * 10 + (c - '0');
			return n;
		}
	}
	throw Error(ErrorKind::MalformedFile, key, "'" + key + "' must be a whole number");
}

int64_t requiredInteger(const Json& object, const std::string& key)
{
	requiredMember(object, key);
	return integerMember(object, key, 0);
}

const Json& arrayMember(const Json& object, const std::string& key)
{
	const Json& value = requiredMember(object, key);
	if (!value.is_array())
		throw Error(ErrorKind::MalformedFile, key, "'" + key + "' must be a list");
	return value;
}

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

HashAlgorithm algorithmFrom(std::string_view name)
{
	auto algorithm = parseHashAlgorithm(name);
	if (!algorithm) {
		std::string shown(name.substr(0, 16));
		throw Error(ErrorKind::InvalidArgument, "algorithm", "unsupported algorithm '" + shown + "' (expected SHA1, SHA256 or SHA512)");
	}
	return *algorithm;
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
	account.algorithm = algorithmFrom(textMember(object, std::string(keys.algorithm), "SHA1"));
	readDigitsAndPeriodOrCounter(account, object, keys);
}

void setTypeFromName(Account& account, const std::string& type, const std::string& field)
{
	if (type == "STEAM") {
		account.type = OtpType::Steam;
		account.digits = 5;
		return;
	}
	if (type != "TOTP" && type != "HOTP")
		throw Error(ErrorKind::InvalidArgument, field, "'" + type.substr(0, 16) + "' accounts are not supported");
	account.type = type == "TOTP" ? OtpType::Totp : OtpType::Hotp;
}

Botan::secure_vector<uint8_t> secretFromBase32(std::string_view text)
{
	auto secret = decodeBase32(text);
	if (secret.empty())
		throw Error(ErrorKind::InvalidArgument, "secret", "the secret is empty");
	return secret;
}

Botan::secure_vector<uint8_t> decodeBase64(std::string_view text, const std::string& field)
{
	std::string clean;
	clean.reserve(text.size() + 3);
	for (char c : text)
		if (c != '\n' && c != '\r' && c != ' ')
			clean.push_back(c);
	while (clean.size() % 4 != 0) // Google and some exporters drop the padding
		clean.push_back('=');
	try {
		auto bytes = Botan::base64_decode(clean);
		authcore::secureWipe(clean);
		return bytes;
	} catch (const Botan::Exception&) {
		authcore::secureWipe(clean);
		throw Error(ErrorKind::MalformedFile, field, "the " + field + " is not valid Base64");
	}
}

Botan::secure_vector<uint8_t> decodeHex(std::string_view text, const std::string& field)
{
	try {
		return Botan::hex_decode_locked(text, /*ignore_ws=*/false);
	} catch (const Botan::Exception&) {
		throw Error(ErrorKind::MalformedFile, field, "the " + field + " is not valid hexadecimal");
	}
}

std::string_view requirePassword(std::optional<std::string_view> password, std::string_view format)
{
	if (!password)
		throw Error(ErrorKind::PasswordRequired, "password", "this " + std::string(format) + " file is encrypted: a password is needed");
	return *password;
}

Botan::secure_vector<uint8_t> gcmDecrypt(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
										 std::span<const uint8_t> ciphertextAndTag, ErrorKind failure,
										 const std::string& field)
{
	constexpr size_t kTagSize = 16;
	if (ciphertextAndTag.size() < kTagSize)
		throw Error(ErrorKind::MalformedFile, field, "the encrypted " + field + " is too short");
	if (nonce.empty())
		throw Error(ErrorKind::MalformedFile, field, "the nonce of the " + field + " is empty");
	if (key.size() != 16 && key.size() != 32)
		throw Error(ErrorKind::MalformedFile, field, "the key of the " + field + " has an impossible length");
	auto gcm = Botan::AEAD_Mode::create_or_throw(key.size() == 32 ? "AES-256/GCM" : "AES-128/GCM", Botan::Cipher_Dir::Decryption);
	gcm->set_key(key);
	gcm->start(nonce);
	Botan::secure_vector<uint8_t> buffer(ciphertextAndTag.begin(), ciphertextAndTag.end());
	try {
		gcm->finish(buffer);
	} catch (const Botan::Invalid_Authentication_Tag&) {
		if (failure == ErrorKind::WrongPassword)
			throw Error(failure, "password", "the password is wrong (or the file was altered)");
		throw Error(failure, field, "the " + field + " failed authentication: the file is corrupt or was altered");
	}
	return buffer;
}

Botan::secure_vector<uint8_t> pbkdf2(KdfBudget& budget, std::string_view hash, std::string_view password,
									 std::span<const uint8_t> salt, size_t iterations, size_t keyLength)
{
	budget.charge(pbkdf2Cost(hash, iterations, keyLength), "iterations");
	auto family = Botan::PasswordHashFamily::create_or_throw("PBKDF2(" + std::string(hash) + ")");
	auto kdf = family->from_params(iterations);
	Botan::secure_vector<uint8_t> key(keyLength);
	kdf->derive_key(key.data(), key.size(), password.data(), password.size(), salt.data(), salt.size());
	return key;
}

void addAccount(ImportResult& result, int64_t index, Account account)
{
	try {
		account.validate();
	} catch (const Error& e) {
		result.problems.push_back({index, problemMessage(e)});
		return;
	}
	result.accounts.push_back(std::move(account));
}

std::string problemMessage(const std::exception& e)
{
	if (const auto* error = dynamic_cast<const Error*>(&e))
		return error->field().empty() ? error->what() : error->field() + ": " + error->what();
	// nlohmann's messages name types, not values, but keep them out anyway: they are not for people.
	return "an entry has an unexpected structure";
}

Account accountFromTotpField(std::string_view value)
{
	value = trim(value);
	if (startsWithNoCase(value, "otpauth://"))
		return parseOtpauthUri(value);
	Account account;
	if (startsWithNoCase(value, "steam://")) {
		account.type = OtpType::Steam;
		account.digits = 5;
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
		std::string_view line = trim(text.substr(0, end));
		if (!line.empty())
			return startsWithNoCase(line, prefix);
		if (end == std::string_view::npos)
			break;
		text.remove_prefix(end + 1);
	}
	return false;
}

} // namespace authcore::importing
