#include "authcore/qr/QrEncoder.h"

#include "authcore/Error.h"
#include "authcore/encoding/Utf8.h"

#include <BitMatrix.h>
#include <CharacterSet.h>
#include <qrcode/QRErrorCorrectionLevel.h>
#include <qrcode/QRWriter.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace authcore {

namespace {

// A rendered code may be at most this many pixels wide: enough for a version 40 code at 20 px per
// module with the standard quiet zone, small enough that a typo in `scale` cannot ask for gigabytes.
constexpr int kMaxQrImageSide = 4096;

ZXing::QRCode::ErrorCorrectionLevel zxingLevel(QrErrorCorrection level)
{
	using ZXing::QRCode::ErrorCorrectionLevel;
	switch (level) {
	case QrErrorCorrection::Low: return ErrorCorrectionLevel::Low;
	case QrErrorCorrection::Medium: return ErrorCorrectionLevel::Medium;
	case QrErrorCorrection::Quartile: return ErrorCorrectionLevel::Quality;
	case QrErrorCorrection::High: return ErrorCorrectionLevel::High;
	}
	throw Error(ErrorKind::InvalidArgument, "errorCorrection", "unknown error correction level");
}

} // namespace

GreyImage encodeQr(std::string_view text, const QrEncodeOptions& options)
{
	if (options.scale < 1 || options.scale > kMaxQrScale)
		throw Error(ErrorKind::InvalidArgument, "scale", "scale must be 1.." + std::to_string(kMaxQrScale) + " pixels per module");
	if (options.margin < 0 || options.margin > kMaxQrMargin)
		throw Error(ErrorKind::InvalidArgument, "margin", "margin must be 0.." + std::to_string(kMaxQrMargin) + " modules");
	if (text.empty())
		throw Error(ErrorKind::InvalidArgument, "text", "nothing to encode");
	if (!isValidUtf8(text))
		throw Error(ErrorKind::InvalidArgument, "text", "text is not valid UTF-8");

	ZXing::QRCode::Writer writer;
	writer.setMargin(0).setErrorCorrectionLevel(zxingLevel(options.errorCorrection));
	// ZXing's default byte encoding is ISO-8859-1; anything beyond ASCII goes out as UTF-8 with its
	// ECI marker, which is what phone scanners read reliably (and what ZXing's newer API does too).
	if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
		writer.setEncoding(ZXing::CharacterSet::UTF8);

	ZXing::BitMatrix modules;
	try {
		modules = writer.encode(std::string(text), 0, 0); // one pixel per module, no quiet zone
	} catch (const std::invalid_argument&) {
		throw Error(ErrorKind::InvalidArgument, "text",
					"text of " + std::to_string(text.size()) + " bytes does not fit in a QR code at this error correction level");
	}

	const int side = (modules.width() + 2 * options.margin) * options.scale;
	if (side > kMaxQrImageSide)
		throw Error(ErrorKind::InvalidArgument, "scale",
					"the image would be " + std::to_string(side) + " pixels wide; at most " + std::to_string(kMaxQrImageSide));

	GreyImage image;
	image.width = side;
	image.height = side;
	image.pixels.assign(size_t(side) * size_t(side), uint8_t{255});
	const int offset = options.margin * options.scale;
	for (int my = 0; my < modules.height(); ++my)
		for (int mx = 0; mx < modules.width(); ++mx) {
			if (!modules.get(mx, my))
				continue;
			for (int y = 0; y < options.scale; ++y) {
				uint8_t* row = image.pixels.data() + size_t(offset + my * options.scale + y) * size_t(side) + size_t(offset)
							   + size_t(mx) * size_t(options.scale);
				std::fill(row, row + options.scale, uint8_t{0});
			}
		}
	return image;
}

} // namespace authcore
