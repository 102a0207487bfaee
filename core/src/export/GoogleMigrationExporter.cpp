// Google Authenticator migration batches: the accounts the format can carry, kMigrationAccountsPerBatch
// per otpauth-migration:// URI, all batches sharing one random batch id. Steam accounts, periods
// other than 30 s and digit counts other than 6 or 8 cannot be represented and are skipped by name.

#include "authcore/SecureWipe.h"
#include "Exporters.h"

#include "authcore/Error.h"
#include "authcore/import/MigrationPayload.h"

#include <botan/mem_ops.h>
#include <botan/system_rng.h>

#include <algorithm>
#include <limits>
#include <string>

namespace authcore::exporting {

namespace {

std::optional<std::string> whyNotCarried(const Account& account)
{
	if (account.type == OtpType::Steam)
		return "Google Authenticator has no Steam accounts";
	if (account.type == OtpType::Totp && account.period != 30)
		return "Google Authenticator only has 30-second codes (this account uses " + std::to_string(account.period) + " s)";
	if (account.digits != 6 && account.digits != 8)
		return "Google Authenticator only has 6- or 8-digit codes (this account uses " + std::to_string(account.digits) + ")";
	if (account.counter > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
		return "its counter is too large for Google Authenticator";
	return std::nullopt;
}

} // namespace

ExportResult exportGoogleMigration(const IndexedAccounts& accounts)
{
	ExportResult result;
	std::vector<Account> carried;
	for (const auto& [index, account] : accounts) {
		if (auto reason = whyNotCarried(*account))
			result.skipped.push_back({index, describeAccount(*account) + ": " + *reason});
		else
			carried.push_back(*account);
	}
	if (carried.empty())
		return result;
	// Readers (ours included) refuse an export claiming more parts than this: never write one.
	if (carried.size() > static_cast<size_t>(kMaxMigrationBatches) * kMigrationAccountsPerBatch)
		throw Error(ErrorKind::InvalidArgument, "accounts",
					"at most " + std::to_string(kMaxMigrationBatches * static_cast<int>(kMigrationAccountsPerBatch)) +
						" accounts fit in one Google Authenticator export");

	uint32_t random = 0;
	Botan::system_rng().randomize(reinterpret_cast<uint8_t*>(&random), sizeof random);
	MigrationBatchInfo batch;
	batch.batchId = static_cast<int64_t>(random & 0x7FFFFFFF); // positive, as an int32 field
	batch.batchSize = static_cast<int>((carried.size() + kMigrationAccountsPerBatch - 1) / kMigrationAccountsPerBatch);
	for (int i = 0; i < batch.batchSize; ++i) {
		batch.batchIndex = i;
		size_t first = static_cast<size_t>(i) * kMigrationAccountsPerBatch;
		size_t count = std::min(kMigrationAccountsPerBatch, carried.size() - first);
		auto protobuf = encodeMigrationPayload(std::span(carried).subspan(first, count), batch);
		result.uris.push_back(migrationUri(protobuf));
		authcore::secureWipe(protobuf);
		result.text += result.uris.back() + "\n";
	}
	return result;
}

} // namespace authcore::exporting
