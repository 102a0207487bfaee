#pragma once
// Checks on what JS passes in, shared by the bindings: a wrong type or range is the caller's error,
// reported as Error{InvalidArgument, field} like every other input error.

#include "authcore/Error.h"

#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace authcore::wasm {

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

} // namespace authcore::wasm
