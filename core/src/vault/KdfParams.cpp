#include "authcore/vault/KdfParams.h"

#include "authcore/Error.h"

#include <string>

namespace authcore {

void KdfParams::validate() const
{
	if (parallelism < 1 || parallelism > kMaxKdfParallelism)
		throw Error(ErrorKind::InvalidArgument, "parallelism", "Argon2 parallelism must be 1 to 16");
	if (iterations < 1 || iterations > kMaxKdfIterations)
		throw Error(ErrorKind::InvalidArgument, "iterations", "Argon2 iterations must be 1 to 100");
	// Argon2 needs 8 KiB per lane at least (RFC 9106, section 3.1).
	if (memoryKiB < 8 * parallelism || memoryKiB > kMaxKdfMemoryKiB)
		throw Error(ErrorKind::InvalidArgument, "memoryKiB",
					"Argon2 memory must be 8 KiB per lane to 1 GiB, got " + std::to_string(memoryKiB) + " KiB");
}

} // namespace authcore
