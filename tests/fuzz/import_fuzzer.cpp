// Importers: arbitrary bytes either import (every account valid, every account re-exportable) or
// throw an authcore::Error of an input kind. No password is given, so encrypted formats stop at
// PasswordRequired before any key derivation (which would make each input take seconds); what they
// decrypt goes through the same JSON readers the plain formats exercise here.
#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/export/Exporter.h"
#include "authcore/import/Importer.h"

#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	using authcore::ErrorKind;
	try {
		authcore::ImportResult result = authcore::importBytes(std::span(data, size), "fuzz");
		for (const authcore::Account& account : result.accounts) {
			account.validate();
			(void)authcore::toOtpauthUri(account);
		}
		(void)authcore::exportAccounts(result.accounts, authcore::ExportFormat::GoogleMigration);
	} catch (const authcore::Error& e) {
		switch (e.kind()) {
		case ErrorKind::MalformedFile:
		case ErrorKind::UnsupportedFormat:
		case ErrorKind::UnsupportedVersion:
		case ErrorKind::PasswordRequired: break;
		default: std::abort();
		}
	}
	return 0;
}
