#pragma once
// Checks on what JS passes in, shared by the bindings: a wrong type or range is the caller's error,
// reported as Error{InvalidArgument, field} like every other input error.

#include "authcore/Error.h"

#include <botan/secmem.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace authcore::wasm {

using emscripten::val;

/// Unix seconds as JS passes them (a Number): non-negative and below 9e15, fractions dropped.
inline int64_t unixSecondsFrom(double unixSeconds)
{
	if (!std::isfinite(unixSeconds) || unixSeconds < 0 || unixSeconds > 9.0e15)
		throw Error(ErrorKind::InvalidArgument, "time", "time must be non-negative Unix seconds");
	return static_cast<int64_t>(std::floor(unixSeconds));
}

/// A Uint8Array copied into wasm memory in one call (no per-element conversion).
inline std::vector<uint8_t> uint8ArrayArgument(const emscripten::val& array, const char* field)
{
	if (!array.instanceof(emscripten::val::global("Uint8Array")))
		throw Error(ErrorKind::InvalidArgument, field, std::string(field) + " must be a Uint8Array");
	std::vector<uint8_t> bytes(array["length"].as<size_t>());
	emscripten::val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<void>("set", array);
	return bytes;
}

inline bool isMissing(const val& value)
{
	return value.isUndefined() || value.isNull();
}

inline emscripten::val property(const val& object, const char* name)
{
	return isMissing(object) ? emscripten::val::undefined() : object[name];
}

/// The UTF-8 bytes of a JS string, in wiping memory. Passwords get their NFC form, so that "ā"
/// typed as one code point or as "a" + combining macron opens the same vault.
inline Botan::secure_vector<char> secureUtf8(const val& text, const char* field, bool normalize = false)
{
	if (!text.isString())
		throw Error(ErrorKind::InvalidArgument, field, std::string(field) + " must be a string");
	emscripten::val source = normalize ? text.call<val>("normalize", std::string("NFC")) : text;
	emscripten::val bytes = emscripten::val::global("TextEncoder").new_().call<val>("encode", source);
	Botan::secure_vector<char> out(bytes["length"].as<size_t>());
	emscripten::val(emscripten::typed_memory_view(out.size(), reinterpret_cast<uint8_t*>(out.data()))).call<void>("set", bytes);
	bytes.call<void>("fill", 0);
	return out;
}

inline std::string_view view(const Botan::secure_vector<char>& text)
{
	return {text.data(), text.size()};
}

/// Non-secret text (issuer, name, group, note, ids).
inline std::string plainString(const val& text, const char* field)
{
	if (!text.isString())
		throw Error(ErrorKind::InvalidArgument, field, std::string(field) + " must be a string");
	return text.as<std::string>();
}

inline std::optional<std::string> optionalString(const val& object, const char* name)
{
	emscripten::val value = property(object, name);
	if (isMissing(value))
		return std::nullopt;
	return plainString(value, name);
}

inline std::optional<bool> optionalBool(const val& object, const char* name)
{
	emscripten::val value = property(object, name);
	if (isMissing(value))
		return std::nullopt;
	if (value.typeOf().as<std::string>() != "boolean")
		throw Error(ErrorKind::InvalidArgument, name, std::string(name) + " must be true or false");
	return value.as<bool>();
}

/// A whole Number (or BigInt) in 0 .. maximum.
inline std::optional<uint64_t> optionalInteger(const val& object, const char* name, uint64_t maximum)
{
	emscripten::val value = property(object, name);
	if (isMissing(value))
		return std::nullopt;
	const std::string type = value.typeOf().as<std::string>();
	if (type == "bigint") {
		if (value < emscripten::val(0) || value > emscripten::val(maximum))
			throw Error(ErrorKind::InvalidArgument, name, std::string(name) + " is out of range");
		return value.as<uint64_t>();
	}
	if (type != "number")
		throw Error(ErrorKind::InvalidArgument, name, std::string(name) + " must be a whole number");
	const double number = value.as<double>();
	if (!std::isfinite(number) || number < 0 || number != std::floor(number) || number > 9007199254740991.0 ||
		number > static_cast<double>(maximum))
		throw Error(ErrorKind::InvalidArgument, name, std::string(name) + " must be a whole number in range");
	return static_cast<uint64_t>(number);
}

/// An array of non-secret strings (ids). The length from JS is not trusted: at most `maximum` are
/// read, so one more than the caller can hold is already its error and never a huge allocation.
inline std::vector<std::string> stringArray(const val& array, const char* field, size_t maximum)
{
	if (!val::global("Array").call<bool>("isArray", array))
		throw Error(ErrorKind::InvalidArgument, field, std::string(field) + " must be an array of strings");
	std::vector<std::string> strings;
	const size_t length = std::min(array["length"].as<size_t>(), maximum);
	strings.reserve(length);
	for (size_t i = 0; i < length; ++i)
		strings.push_back(plainString(array[i], field));
	return strings;
}

/// A revision as JS passes it back: a whole Number from 1.
inline uint64_t revisionFrom(double revision)
{
	if (!(revision >= 1 && revision <= 9007199254740991.0) || revision != std::floor(revision))
		throw Error(ErrorKind::InvalidArgument, "revision", "revision must be a whole number from 1");
	return static_cast<uint64_t>(revision);
}

} // namespace authcore::wasm
