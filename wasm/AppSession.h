#pragma once
// The module's one Session (core/session): the unlocked vault, its candidates and the pending save,
// shared by every binding file. The page's worker owns the module, so calls never overlap.

#include "ResultObject.h"
#include "authcore/session/Session.h"

#include <emscripten/val.h>

namespace authcore::wasm {

Session& appSession();

/// {file, revision}: a computed save for the page to store, then name in sessionConfirmSaved().
inline emscripten::val pendingObject(const Session::PendingFile& pending)
{
	auto result = emscripten::val::object();
	result.set("file", uint8ArrayCopy(pending.file));
	result.set("revision", static_cast<double>(pending.revision));
	return result;
}

} // namespace authcore::wasm
