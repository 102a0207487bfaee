#pragma once
// Every binding returns a plain JS object: the result's fields, or {error: {kind, field, message}}.
// Exceptions never cross into JS, so a worker can forward results as they are.

#include "StackScrub.h"
#include "authcore/Error.h"

#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <span>
#include <string>

namespace authcore::wasm {

inline emscripten::val errorObject(std::string_view kind, const std::string& field, const std::string& message)
{
	auto error = emscripten::val::object();
	error.set("kind", std::string(kind));
	error.set("field", field);
	error.set("message", message);
	auto result = emscripten::val::object();
	result.set("error", error);
	return result;
}

/// Runs `body` (which returns an emscripten::val) and converts any exception into an error object.
/// Then zeroes the free part of the shadow stack, where the body's locals (URIs, Base32 text,
/// passwords, HMAC blocks) would otherwise stay until overwritten: every binding goes through here.
template <typename Body>
emscripten::val guarded(Body&& body)
{
	emscripten::val result = [&] {
		try {
			return body();
		} catch (const Error& e) {
			return errorObject(toString(e.kind()), e.field(), e.what());
		} catch (const std::exception& e) {
			return errorObject("internal", "", e.what());
		}
	}();
	scrubFreeStack();
	return result;
}

/// A JS array holding `convert(item)` for each item, in order.
template <typename Range, typename Convert>
emscripten::val arrayOf(const Range& items, Convert&& convert)
{
	auto array = emscripten::val::array();
	for (const auto& item : items)
		array.call<void>("push", convert(item));
	return array;
}

/// {index, <textKey>: text}: a position in the caller's input and what became of it (a problem, a
/// skipped account). The index is a JS Number.
inline emscripten::val indexedText(double index, const char* textKey, const std::string& text)
{
	auto object = emscripten::val::object();
	object.set("index", index);
	object.set(textKey, text);
	return object;
}

/// A Uint8Array copy of bytes in wasm memory: slice() copies out, so the result survives later calls
/// and memory growth.
inline emscripten::val uint8ArrayCopy(std::span<const uint8_t> bytes)
{
	return emscripten::val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<emscripten::val>("slice");
}

} // namespace authcore::wasm
