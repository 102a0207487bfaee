#pragma once
// What an importer hands back: the accounts it could read and, separately, what it could not.
// One bad entry never sinks the rest; the page shows `problems` next to the preview.

#include "authcore/account/Account.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace authcore {

struct ImportProblem
{
	int64_t index;       // 0-based position of the entry in the source, or -1 for the input as a whole
	std::string message; // English, one sentence, never containing a secret
};

/// Where one Google Authenticator migration QR code sits in its export. Google splits a large export
/// into `batchSize` codes sharing one `batchId`; `batchIndex` is 0-based.
struct MigrationBatchInfo
{
	int batchIndex = 0;
	int batchSize = 1;
	int64_t batchId = 0;
	bool operator==(const MigrationBatchInfo&) const = default;
};

struct ImportResult
{
	std::string format;             // the importer's name: "aegis", "google_migration", ... (see Importer.h)
	std::vector<Account> accounts;  // in source order, each validated
	std::vector<ImportProblem> problems;
	std::optional<MigrationBatchInfo> migration; // set when the input was exactly one migration batch
};

} // namespace authcore
