// One otpauth:// URI per line: every authenticator reads these one at a time, and our own
// importer reads the whole list back.

#include "Exporters.h"

#include "authcore/account/OtpauthUri.h"

namespace authcore::exporting {

ExportResult exportOtpauthList(const IndexedAccounts& accounts)
{
	ExportResult result;
	for (const auto& [index, account] : accounts)
		result.text += toOtpauthUri(*account) + "\n";
	return result;
}

} // namespace authcore::exporting
