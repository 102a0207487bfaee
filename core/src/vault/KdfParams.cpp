#include "authcore/vault/KdfParams.h"

#include "authcore/Error.h"

#include <string>

namespace authcore {

void KdfParams::validateShape() const
{
	if (parallelism < 1 || parallelism > kMaxKdfParallelism)
		throw Error(ErrorKind::InvalidArgument, "parallelism", "Argon2 parallelism must be 1 to 16");
	if (iterations < 1)
		throw Error(ErrorKind::InvalidArgument, "iterations", "Argon2 needs at least one pass");
	// Argon2 needs 8 KiB per lane at least (RFC 9106, section 3.1).
	if (memoryKiB < 8 * parallelism)
		throw Error(ErrorKind::InvalidArgument, "memoryKiB",
					"Argon2 memory must be at least 8 KiB per lane, got " + std::to_string(memoryKiB) + " KiB");
}

void KdfParams::validate() const
{
	validateShape();
	if (memoryKiB > kMaxKdfMemoryKiB)
		throw Error(ErrorKind::InvalidArgument, "memoryKiB",
					"Argon2 memory must be at most 256 MiB, got " + std::to_string(memoryKiB) + " KiB");
	if (cost().microseconds > KdfBudget::kMaxMicroseconds)
		throw Error(ErrorKind::InvalidArgument, "iterations",
					"Argon2 with " + std::to_string(iterations) + " passes over " + std::to_string(memoryKiB) +
						" KiB would take too long to unlock");
}

KdfCost KdfParams::cost() const
{
	return argon2Cost(memoryKiB, iterations, parallelism);
}

bool KdfParams::meetsFloor() const noexcept
{
	return (memoryKiB >= kOwaspMinimumKdf.memoryKiB && iterations >= kOwaspMinimumKdf.iterations) ||
		   (memoryKiB >= 46 * 1024 && iterations >= 1);
}

} // namespace authcore
