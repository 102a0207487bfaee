#include "authcore/import/Importer.h"

#include "Importers.h"

#include "authcore/Error.h"

#include <string>

#include <botan/exceptn.h>
#include <nlohmann/json.hpp>
#include <protozero/exception.hpp>

namespace authcore {

const std::vector<const Importer*>& importers()
{
	// Formats with a distinctive marker come first; the plain otpauth list and andOTP's headerless
	// ciphertext recognise the least and so go last.
	static const std::vector<const Importer*> all = {
		&importing::googleMigrationImporter(),
		&importing::authenticatorProImporter(),
		&importing::aegisImporter(),
		&importing::twoFasImporter(),
		&importing::bitwardenJsonImporter(),
		&importing::protonAuthenticatorImporter(),
		&importing::freeOtpPlusImporter(),
		&importing::bitwardenCsvImporter(),
		&importing::enteAuthImporter(),
		&importing::otpauthListImporter(),
		&importing::andOtpImporter(),
	};
	return all;
}

const Importer* findImporter(const ImportInput& input) noexcept
{
	for (const Importer* importer : importers())
		if (importer->detect(input))
			return importer;
	return nullptr;
}

namespace {

// The importers throw typed errors themselves; these handlers are the safety net for a library error
// that slipped through, so that a damaged file is still "malformed", never a crash or "internal".
// An authcore::Error is none of these types and passes through untouched, with no catch-and-rethrow.
ImportResult readTranslatingLibraryErrors(const Importer& importer, const ImportInput& input,
										  std::optional<std::string_view> password)
{
	try {
		return importer.read(input, password);
	} catch (const nlohmann::json::exception&) {
		throw Error(ErrorKind::MalformedFile, "file", "the " + std::string(importer.format()) + " file has an unexpected structure");
	} catch (const protozero::exception&) {
		throw Error(ErrorKind::MalformedFile, "file", "the " + std::string(importer.format()) + " data is truncated or corrupt");
	} catch (const Botan::Exception&) {
		throw Error(ErrorKind::MalformedFile, "file", "the " + std::string(importer.format()) + " file is truncated or corrupt");
	}
}

} // namespace

ImportResult importBytes(std::span<const uint8_t> bytes, std::string_view fileName, std::optional<std::string_view> password)
{
	if (bytes.size() > kMaxImportBytes)
		throw Error(ErrorKind::TooLarge, "file",
					"the file is " + std::to_string(bytes.size() >> 20) + " MiB; an export this app reads is at most 16 MiB");
	ImportInput input{bytes, fileName, nullptr};
	const Importer* importer = findImporter(input);
	if (!importer) {
		std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
		size_t start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
		if (start != std::string_view::npos && (text[start] == '{' || text[start] == '['))
			throw Error(ErrorKind::MalformedFile, "file", "this JSON file is truncated, corrupt or from an app this app does not know");
		throw Error(ErrorKind::UnsupportedFormat, "file",
					"this file is not an export of any authenticator this app can read");
	}
	ImportResult result = readTranslatingLibraryErrors(*importer, input, password);
	result.format = std::string(importer->format());
	return result;
}

ImportResult importText(std::string_view text, std::optional<std::string_view> password)
{
	return importBytes(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()), {}, password);
}

} // namespace authcore
