// authcore export --format otpauth|aegis|google-migration: reads otpauth:// URIs on stdin (one per
// line) and writes the export on stdout. Accounts the format cannot carry, and lines that are not
// valid URIs, are named on stderr; the exit code is 0 either way, since the rest was exported.

#include "Command.h"

#include "authcore/export/Exporter.h"

#include <algorithm>
#include <iostream>

namespace authcore::cli {

namespace {

int runExport(const Arguments& args)
{
	std::optional<ExportFormat> format;
	for (size_t i = 0; i < args.size(); ++i) {
		if (args[i] == "--format" && i + 1 < args.size()) {
			format = parseExportFormat(args[++i]);
			if (!format)
				return usageError("--format takes otpauth, aegis or google-migration, got '" + args[i] + "'");
		} else {
			return usageError("usage: authcore export --format otpauth|aegis|google-migration < URIS");
		}
	}
	if (!format)
		return usageError("usage: authcore export --format otpauth|aegis|google-migration < URIS");

	std::vector<std::string> uris;
	std::vector<size_t> lineOf; // input line (1-based) of each URI, for messages
	std::string line;
	for (size_t lineNumber = 1; std::getline(std::cin, line); ++lineNumber) {
		if (line.find_first_not_of(" \t\r") == std::string::npos)
			continue;
		uris.push_back(line);
		lineOf.push_back(lineNumber);
		std::fill(line.begin(), line.end(), '\0');
	}

	ExportResult result = exportUris(uris, *format);
	for (std::string& uri : uris)
		std::fill(uri.begin(), uri.end(), '\0');
	std::cout << result.text;
	for (const SkippedAccount& skipped : result.skipped)
		std::cerr << "authcore: skipped line " << lineOf[skipped.index] << ": " << skipped.reason << "\n";
	return kExitOk;
}

const CommandRegistration registration(
	"export", runExport,
	"export --format otpauth|aegis|google-migration   write the otpauth URIs read on stdin in that format");

} // namespace

} // namespace authcore::cli
