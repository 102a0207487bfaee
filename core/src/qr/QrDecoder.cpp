#include "authcore/qr/QrDecoder.h"
#include "authcore/SecureWipe.h"

#include "GreyConversion.h"

#include "authcore/Error.h"

#include <botan/mem_ops.h>

#include <ReadBarcode.h>

#include <algorithm>

namespace authcore {

// The presets. Every choice below was measured with bench/QrOptionsBench.cpp (natively and in
// wasm) and bench/qr.mjs on the shared sample images and on synthetic 1280x720 / 1920x1080 frames;
// docs/qr-scanning.md has the tables and the commands.
QrScanOptions QrScanOptions::live()
{
	QrScanOptions options;
	// ZXing's local binarizer is most of a frame's cost and scales with the pixel count: at half
	// width and height a 720p frame costs about half (wasm: 1.7 instead of 3.3 ms), and still reads
	// codes of 4 or more pixels per module unless blurred. Smaller and blurred codes are left to
	// every third frame, read at full resolution: at 30 frames a second, within 0.1 s.
	options.downscale = 2;
	options.downscaleFromSide = 720;
	options.fullResolutionEvery = 3;
	options.tryHarder = true;       // +2 of 48 synthetic frames, no measurable cost
	options.tryInvert = true;       // dark-themed pages; costs ~0.3 ms on frames without a code only
	options.tryDownscale = false;   // ZXing's pyramid doubles the cost of frames without a code
	options.globalBinarizer = false; // 40% faster, but reads 23 of 48 synthetic frames instead of 36
	options.alphaOverWhite = false; // camera and screen frames are opaque
	return options;
}

QrScanOptions QrScanOptions::still()
{
	QrScanOptions options; // full resolution, and ZXing's every effort
	options.tryHarder = true;
	options.tryInvert = true;
	options.tryDownscale = true;
	options.alphaOverWhite = true; // a copied QR image often has a transparent background
	return options;
}

QrScanOptions QrScanOptions::forMode(ScanMode mode)
{
	return mode == ScanMode::Live ? live() : still();
}

std::span<uint8_t> QrDecoder::frameBuffer(size_t size)
{
	_frame.resize(size);
	return _frame;
}

QrCode QrDecoder::decode(const ImageView& image, const QrScanOptions& options)
{
	image.validate();
	if (options.downscale < 1 || options.downscale > 4 || options.downscaleFromSide < 0 || options.fullResolutionEvery < 0)
		throw Error(ErrorKind::InvalidArgument, "options", "downscale must be 1..4, downscaleFromSide and fullResolutionEvery >= 0");

	const uint64_t call = _calls++;
	const bool fullResolutionTurn = options.fullResolutionEvery > 0 && call % uint64_t(options.fullResolutionEvery) == 0;
	const int factor = std::min(image.width, image.height) >= std::max(options.downscaleFromSide, options.downscale) && !fullResolutionTurn
						   ? options.downscale
						   : 1;

	ZXing::ImageView view;
	if (image.format == PixelFormat::Grey && factor == 1) {
		view = ZXing::ImageView(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
	} else {
		auto size = detail::convertToGrey(image, factor, options.alphaOverWhite, _grey);
		view = ZXing::ImageView(_grey.data(), size.width, size.height, ZXing::ImageFormat::Lum);
	}

	auto readerOptions = ZXing::ReaderOptions()
							 .formats(ZXing::BarcodeFormat::QRCodeModel1 | ZXing::BarcodeFormat::QRCodeModel2)
							 .tryHarder(options.tryHarder)
							 .tryInvert(options.tryInvert)
							 .tryDownscale(options.tryDownscale)
							 .tryRotate(false) // only the 1D readers rotate; QR detection is rotation-free
							 .binarizer(options.globalBinarizer ? ZXing::Binarizer::GlobalHistogram : ZXing::Binarizer::LocalAverage)
							 .textMode(ZXing::TextMode::Plain)
							 .maxNumberOfSymbols(1);
	auto barcode = ZXing::ReadBarcode(view, readerOptions);
	if (!barcode.isValid())
		throw Error(ErrorKind::NoCodeFound, "image", "no readable QR code in the image");

	QrCode code;
	code.text = barcode.text();
	code.bytes.assign(barcode.bytes().begin(), barcode.bytes().end());
	const auto& position = barcode.position();
	for (size_t i = 0; i < code.corners.size(); ++i) // back to the caller's pixels, block centres
		code.corners[i] = {position[i].x * factor + factor / 2, position[i].y * factor + factor / 2};
	code.inverted = barcode.isInverted();
	code.ecLevel = barcode.extra(ZXing::BarcodeExtra::ECLevel);
	code.symbologyIdentifier = barcode.symbologyIdentifier();

	// The scan is over: leave no copy of the code's picture behind (sizes stay, so a caller that
	// goes on scanning still allocates nothing).
	authcore::secureWipe(_grey);
	authcore::secureWipe(_frame);
	return code;
}

QrCode decodeQr(const ImageView& image, ScanMode mode)
{
	QrDecoder decoder;
	return decoder.decode(image, mode);
}

} // namespace authcore
