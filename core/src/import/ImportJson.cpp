#include "ImportJson.h"

#include <algorithm>
#include <limits>

namespace authcore::importing {

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
		Json document = parseSecureJson(text);
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
	auto it = object.find(key.c_str());
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
	return plainText(value->get_ref<const SecureString&>());
}

std::string requiredText(const Json& object, const std::string& key)
{
	const Json& value = requiredMember(object, key);
	if (!value.is_string())
		throw Error(ErrorKind::MalformedFile, key, "'" + key + "' must be text");
	return plainText(value.get_ref<const SecureString&>());
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
		const SecureString& s = value->get_ref<const SecureString&>();
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

} // namespace authcore::importing
