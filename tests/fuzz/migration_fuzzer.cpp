// Google Authenticator migration payloads: arbitrary protobuf bytes either decode to valid accounts
// and a possible batch position, which encode and decode back unchanged, or throw MalformedFile.
#include "authcore/Error.h"
#include "authcore/import/MigrationPayload.h"

#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	try {
		authcore::MigrationPayload payload = authcore::decodeMigrationPayload(std::span(data, size));
		if (payload.batch.batchIndex < 0 || payload.batch.batchIndex >= payload.batch.batchSize)
			std::abort();
		for (const authcore::Account& account : payload.accounts)
			account.validate();
		if (payload.batch.batchId >= INT32_MIN && payload.batch.batchId <= INT32_MAX) {
			auto again = authcore::decodeMigrationPayload(authcore::encodeMigrationPayload(payload.accounts, payload.batch));
			if (again.accounts != payload.accounts || again.batch != payload.batch)
				std::abort();
		}
	} catch (const authcore::Error& e) {
		if (e.kind() != authcore::ErrorKind::MalformedFile)
			std::abort();
	}
	return 0;
}
