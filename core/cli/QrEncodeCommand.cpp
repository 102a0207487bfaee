#include "Command.h"
#include "WholeNumber.h"

#include "authcore/qr/ImageFile.h"
#include "authcore/qr/QrEncoder.h"

#include <iostream>
#include <optional>

namespace authcore::cli {

namespace {

constexpr const char* kUsage = "usage: authcore qr-encode TEXT --out FILE.png|FILE.jpg [--scale PX] [--margin MODULES] [--ec L|M|Q|H]";

std::optional<QrErrorCorrection> parseLevel(const std::string& text)
{
	if (text == "L" || text == "l") return QrErrorCorrection::Low;
	if (text == "M" || text == "m") return QrErrorCorrection::Medium;
	if (text == "Q" || text == "q") return QrErrorCorrection::Quartile;
	if (text == "H" || text == "h") return QrErrorCorrection::High;
	return std::nullopt;
}

int runQrEncode(const Arguments& args)
{
	std::optional<std::string> text;
	std::string out;
	QrEncodeOptions options;
	for (size_t i = 0; i < args.size(); ++i) {
		const std::string& arg = args[i];
		bool takesValue = arg == "--out" || arg == "--scale" || arg == "--margin" || arg == "--ec";
		if (takesValue && i + 1 >= args.size())
			return usageError(arg + " needs a value");
		if (arg == "--out") {
			out = args[++i];
		} else if (arg == "--scale" || arg == "--margin") {
			int value = 0;
			if (!parseWholeNumber(args[++i], value))
				return usageError(arg + " takes a whole number, got '" + args[i] + "'");
			(arg == "--scale" ? options.scale : options.margin) = value;
		} else if (arg == "--ec") {
			auto level = parseLevel(args[++i]);
			if (!level)
				return usageError("--ec takes L, M, Q or H, got '" + args[i] + "'");
			options.errorCorrection = *level;
		} else if (!text) {
			text = arg; // the text may itself start with "--"; only the first free argument is it
		} else {
			return usageError("unexpected argument '" + arg + "'; " + kUsage);
		}
	}
	if (!text || out.empty())
		return usageError(kUsage);

	writeImageFile(out, encodeQr(*text, options));
	return kExitOk;
}

const CommandRegistration registration(
	"qr-encode", runQrEncode,
	"qr-encode TEXT --out FILE.png|FILE.jpg [--scale PX] [--margin MODULES] [--ec L|M|Q|H]   write TEXT as a QR code image");

} // namespace

} // namespace authcore::cli
