#pragma once
// An allocator that zeroes every block before freeing it, for containers that hold secrets or text
// derived from them (the decrypted account list, codes on their way to the page). A growing string
// frees its old buffer on each reallocation; with this allocator no such buffer keeps a copy.
// Botan::secure_allocator only takes integral types, hence this small allocator.

#include "authcore/SecureWipe.h"

#include <cstddef>
#include <memory>
#include <string>

namespace authcore {

template <typename T>
struct WipingAllocator
{
	using value_type = T;

	WipingAllocator() noexcept = default;
	template <typename U>
	WipingAllocator(const WipingAllocator<U>&) noexcept
	{}

	T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
	void deallocate(T* p, std::size_t n) noexcept
	{
		authcore::secureWipe(p, n * sizeof(T));
		std::allocator<T>{}.deallocate(p, n);
	}

	template <typename U>
	bool operator==(const WipingAllocator<U>&) const noexcept
	{
		return true;
	}
};

/// A string whose heap buffer is wiped when freed. (Short strings live inside the object itself,
/// which in SecureJson is in turn heap memory from WipingAllocator.)
using SecureString = std::basic_string<char, std::char_traits<char>, WipingAllocator<char>>;

} // namespace authcore
