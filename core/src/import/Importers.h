#pragma once
// The importers, one per source format, each defined in its own <Format>Importer.cpp.

#include "authcore/import/Importer.h"

namespace authcore::importing {

const Importer& googleMigrationImporter();
const Importer& aegisImporter();
const Importer& twoFasImporter();
const Importer& andOtpImporter();
const Importer& authenticatorProImporter();
const Importer& bitwardenJsonImporter();
const Importer& bitwardenCsvImporter();
const Importer& protonAuthenticatorImporter();
const Importer& freeOtpPlusImporter();
const Importer& enteAuthImporter();
const Importer& otpauthListImporter();

} // namespace authcore::importing
