#pragma once
// Zeroes the unused part of WebAssembly's shadow stack.
//
// Functions keep address-taken locals (formatting buffers, small strings, HMAC blocks) on the
// shadow stack, which is ordinary linear memory: when they return, those bytes stay below the stack
// pointer until a later call happens to overwrite them. After a vault call the binding clears the
// whole free part, so that Base32 text, URIs and passwords that passed through such buffers are gone
// before control returns to JS. About 1 MiB of stores, a fraction of a millisecond.

#include <emscripten/stack.h>

#include <cstdint>

namespace authcore::wasm {

[[gnu::noinline]] inline void scrubFreeStack()
{
	// Everything from the stack's lowest address up to just below this function's own frame is
	// unused. The loop makes no calls, so nothing of ours lives below the current stack pointer
	// while it runs; volatile keeps the stores from being optimized away.
	const uintptr_t lowest = emscripten_stack_get_end();
	const uintptr_t current = emscripten_stack_get_current() & ~uintptr_t{7};
	// The stack's bounds come from the runtime as integers: there is no pointer to derive them from.
	// NOLINTNEXTLINE(performance-no-int-to-ptr)
	for (auto* p = reinterpret_cast<volatile uint64_t*>((lowest + 7) & ~uintptr_t{7}); reinterpret_cast<uintptr_t>(p) < current; ++p)
		*p = 0;
}

} // namespace authcore::wasm
