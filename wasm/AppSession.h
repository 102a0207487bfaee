#pragma once
// The module's one Session (core/session): the unlocked vault and its candidates, shared by the
// vault and session bindings. The page's worker owns the module, so calls never overlap.

#include "authcore/session/Session.h"

namespace authcore::wasm {

Session& appSession();

} // namespace authcore::wasm
