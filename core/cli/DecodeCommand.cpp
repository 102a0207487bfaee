#include "Command.h"

#include "authcore/Error.h"
#include "authcore/qr/ImageFile.h"
#include "authcore/qr/QrDecoder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace authcore::cli {

namespace {

constexpr const char* kUsage = "usage: authcore decode [--live] IMAGE...";

// One JSON object per line and per image, in the order given, so a script can pair them up:
//   {"file": PATH, "text": TEXT}   or   {"file": PATH, "error": KIND}
// KIND is an ErrorKind name: no_code_found, unsupported_format, malformed_file, invalid_argument.
// Exit code: the worst over all images: 0 every image had a code, 1 some had none, 2 some could
// not be read (each of those also gets one line on stderr).
int runDecode(const Arguments& args)
{
	ScanMode mode = ScanMode::Still;
	std::vector<std::string> files;
	for (const auto& arg : args) {
		if (arg == "--live")
			mode = ScanMode::Live;
		else if (arg.size() > 1 && arg.starts_with("--"))
			return usageError("unknown option '" + arg + "'; " + kUsage);
		else
			files.push_back(arg);
	}
	if (files.empty())
		return usageError(kUsage);

	QrDecoder decoder;
	int exitCode = kExitOk;
	for (const auto& file : files) {
		nlohmann::ordered_json line;
		line["file"] = file;
		try {
			auto image = readImageFile(file);
			line["text"] = decoder.decode(image.view(), mode).text;
		} catch (const Error& e) {
			line["error"] = toString(e.kind());
			if (e.kind() == ErrorKind::NoCodeFound) {
				exitCode = std::max(exitCode, kExitNothingFound);
			} else {
				std::cerr << "authcore: " << file << ": " << e.what() << "\n";
				exitCode = kExitInvalidInput;
			}
		}
		// ZXing's text is UTF-8; replace rather than throw should a symbol ever carry invalid bytes.
		std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
	}
	return exitCode;
}

const CommandRegistration registration(
	"decode", runDecode,
	"decode [--live] IMAGE...   print the QR code of each PNG/JPEG as a JSON line ({\"file\", \"text\"} or {\"file\", \"error\"})");

} // namespace

} // namespace authcore::cli
