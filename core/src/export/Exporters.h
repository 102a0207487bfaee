#pragma once
// One function per export format, each in its own <Format>Exporter.cpp. Each receives only the
// accounts that passed Account::validate(), with their original positions for `skipped`.

#include "authcore/export/Exporter.h"

#include <utility>
#include <vector>

namespace authcore::exporting {

using IndexedAccounts = std::vector<std::pair<size_t, const Account*>>;

ExportResult exportOtpauthList(const IndexedAccounts& accounts);
ExportResult exportAegis(const IndexedAccounts& accounts);
ExportResult exportGoogleMigration(const IndexedAccounts& accounts);

/// A random RFC 4122 version 4 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx").
std::string randomUuid();

} // namespace authcore::exporting
