// Every heap block the module frees is zeroed first: C++'s operator delete and C's free() alike.
//
// The vault keeps its keys and secrets in Botan::secure_vector, but plenty of code on the way handles
// them as ordinary std::string or std::vector: the otpauth:// parser and writer, Base32, nlohmann's
// lexer (which keeps the current token for its error messages), and embind itself, which passes every
// std::string argument through a malloc'd wire buffer that its JS glue releases with _free(). In
// WebAssembly the heap is one ArrayBuffer that lives as long as the page, so a freed block keeps its
// bytes until it happens to be reused; a crash dump, swap or hibernation file could then hold a secret
// long after lock. Zeroing on free closes that for every allocation at the price of a memset per free,
// which is small next to the work that produced the block.
//
// Emscripten's allocator (dlmalloc) defines malloc/free as weak aliases and also exports them as
// emscripten_builtin_*, exactly so that a program can interpose its own: ours wipe, then call them.

#include "authcore/SecureWipe.h"

#include <emscripten/heap.h>

#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <new>

extern "C" {

void free(void* block)
{
	if (block) {
		authcore::secureWipe(block, malloc_usable_size(block));
		emscripten_builtin_free(block);
	}
}

// dlmalloc's realloc may move a block and release the old one internally, past our free(): moving is
// done here instead, so the old copy is wiped like any other freed block.
void* realloc(void* block, size_t size)
{
	if (!block)
		return emscripten_builtin_malloc(size);
	if (size == 0) {
		free(block);
		return nullptr;
	}
	const size_t usable = malloc_usable_size(block);
	if (size <= usable)
		return block; // shrinking or growing within the block: nothing is left behind
	void* moved = emscripten_builtin_malloc(size);
	if (!moved)
		return nullptr; // the old block stays valid, as realloc promises
	std::memcpy(moved, block, usable);
	free(block);
	return moved;
}

} // extern "C"

void* operator new(std::size_t size)
{
	if (size == 0)
		size = 1;
	for (;;) {
		if (void* block = std::malloc(size))
			return block;
		std::new_handler handler = std::get_new_handler();
		if (!handler)
			throw std::bad_alloc();
		handler();
	}
}

void* operator new[](std::size_t size)
{
	return ::operator new(size);
}

void operator delete(void* block) noexcept
{
	free(block); // wipes
}

void operator delete[](void* block) noexcept
{
	free(block);
}

void operator delete(void* block, std::size_t) noexcept
{
	free(block);
}

void operator delete[](void* block, std::size_t) noexcept
{
	free(block);
}
