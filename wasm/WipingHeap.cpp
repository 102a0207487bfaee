// Every heap block the module frees through operator delete is zeroed first.
//
// The vault keeps its keys and secrets in Botan::secure_vector, but plenty of code on the way handles
// them as ordinary std::string or std::vector: the otpauth:// parser and writer, Base32, nlohmann's
// lexer (which keeps the current token for its error messages). In WebAssembly the heap is one
// ArrayBuffer that lives as long as the page, so a freed block keeps its bytes until it happens to
// be reused; a crash dump, swap or hibernation file could then hold a secret long after lock.
// Zeroing on free closes that for all C++ allocations at the price of a memset per free, which is
// small next to the work that produced the block. Blocks from malloc() itself (embind's string
// wire buffers) are not covered; VaultBindings.cpp keeps secrets out of those.

#include "authcore/SecureWipe.h"
#include <botan/mem_ops.h>

#include <cstdlib>
#include <malloc.h>
#include <new>

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
	if (block) {
		authcore::secureWipe(block, malloc_usable_size(block));
		std::free(block);
	}
}

void operator delete[](void* block) noexcept
{
	::operator delete(block);
}

void operator delete(void* block, std::size_t) noexcept
{
	::operator delete(block);
}

void operator delete[](void* block, std::size_t) noexcept
{
	::operator delete(block);
}
