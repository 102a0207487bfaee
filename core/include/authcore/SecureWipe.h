#pragma once
// Overwrites memory that held a secret (or a picture of one) so no copy outlives its use.
// Every wipe in the project goes through here rather than calling Botan::secure_scrub_memory
// directly: Botan ends in explicit_bzero, whose pointer is declared non-null, and an empty
// container's data() may be null, which is undefined behaviour (UBSan reports it). An empty range
// has nothing to wipe, so it is skipped.

#include <botan/mem_ops.h>

#include <cstddef>

namespace authcore {

inline void secureWipe(void* data, std::size_t bytes) noexcept
{
	if (bytes != 0)
		Botan::secure_scrub_memory(data, bytes);
}

// Any contiguous container: std::string, std::vector<T>, std::array<T, N>, Botan::secure_vector...
template <typename Container>
void secureWipe(Container& container) noexcept
{
	secureWipe(container.data(), container.size() * sizeof(*container.data()));
}

} // namespace authcore
