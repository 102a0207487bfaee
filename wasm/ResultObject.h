#pragma once
// Every binding returns a plain JS object: the result's fields, or {error: {kind, field, message}}.
// Exceptions never cross into JS, so a worker can forward results as they are.

#include "authcore/Error.h"

#include <emscripten/val.h>

#include <exception>
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
template <typename Body>
emscripten::val guarded(Body&& body)
{
	try {
		return body();
	} catch (const Error& e) {
		return errorObject(toString(e.kind()), e.field(), e.what());
	} catch (const std::exception& e) {
		return errorObject("internal", "", e.what());
	}
}

} // namespace authcore::wasm
