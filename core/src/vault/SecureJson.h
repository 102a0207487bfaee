#pragma once
// nlohmann::json whose every allocation (objects, arrays, strings and their characters) is zeroed
// before it is freed, so the decrypted account list leaves no copies of secrets in freed heap
// memory. Botan::secure_allocator only takes integral types, hence this small allocator.

#include "authcore/SecureWipe.h"
#include <botan/mem_ops.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

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

using SecureJson = nlohmann::basic_json<std::map, std::vector, SecureString, bool, std::int64_t, std::uint64_t, double,
										WipingAllocator>;

} // namespace authcore
