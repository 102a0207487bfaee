#include "authcore/qr/QrDecoder.h"

#include "BlockBinarizer.h"
#include "GreyConversion.h"

#include "authcore/Error.h"

#include <botan/mem_ops.h>

#include <ReadBarcode.h>

#include <algorithm>

namespace authcore {

// The presets. Every choice below was measured with bench/QrOptionsBench.cpp on the shared sample
// images and on synthetic 1280x720 / 1920x1080 frames, natively and in wasm; docs/qr-scanning.md
// has the tables.
QrScanOptions QrScanOptions::live()
{
	QrScanOptions options;
	options.downscale = 1;
	options.tryHarder = false;
	options.tryInvert = false;
	options.tryDownscale = false;
	options.binarizer = QrBinarizer::ZxingLocal;
	options.alphaOverWhite = false; // camera and screen frames are opaque
	return options;
}

QrScanOptions QrScanOptions::still()
{
	QrScanOptions options;
	options.downscale = 1;
	options.tryHarder = true;
	options.tryInvert = true;
	options.tryDownscale = true;
	options.binarizer = QrBinarizer::ZxingLocal;
	options.alphaOverWhite = true; // a copied QR image often has a transparent background
	return options;
}

QrScanOptions QrScanOptions::forMode(ScanMode mode)
{
	return mode == ScanMode::Live ? live() : still();
}

QrDecoder::QrDecoder() : _blockBinarizer(std::make_unique<detail::BlockBinarizer>()) {}
QrDecoder::~QrDecoder() = default;
QrDecoder::QrDecoder(QrDecoder&&) noexcept = default;
QrDecoder& QrDecoder::operator=(QrDecoder&&) noexcept = default;

std::span<uint8_t> QrDecoder::frameBuffer(size_t size)
{
	_frame.resize(size);
	return _frame;
}

QrCode QrDecoder::decode(const ImageView& image, const QrScanOptions& options)
{
	image.validate();
	if (options.downscale < 1 || options.downscale > 4)
		throw Error(ErrorKind::InvalidArgument, "options", "downscale must be 1..4");
	// ZXing's pyramid would average our black and white pixels into grey it then cannot read.
	if (options.binarizer == QrBinarizer::Block && options.tryDownscale)
		throw Error(ErrorKind::InvalidArgument, "options", "the block binarizer cannot be combined with tryDownscale");

	// A block average larger than the image would leave nothing to look at.
	int factor = std::min({options.downscale, image.width, image.height});
	ZXing::ImageView view;
	auto zxingBinarizer = options.binarizer == QrBinarizer::ZxingGlobal ? ZXing::Binarizer::GlobalHistogram : ZXing::Binarizer::LocalAverage;
	if (image.format == PixelFormat::Grey && factor == 1 && options.binarizer != QrBinarizer::Block) {
		view = ZXing::ImageView(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
	} else {
		auto size = detail::convertToGrey(image, factor, options.alphaOverWhite, _grey);
		// Below the block binarizer's size, or without any contrast, ZXing's own binarizer does
		// what it would have done anyway (one global threshold).
		if (options.binarizer == QrBinarizer::Block && size.width >= detail::kMinSide && size.height >= detail::kMinSide
			&& _blockBinarizer->binarizeInPlace(_grey.data(), size.width, size.height))
			zxingBinarizer = ZXing::Binarizer::BoolCast; // black is 0, white 255: ZXing only compares
		view = ZXing::ImageView(_grey.data(), size.width, size.height, ZXing::ImageFormat::Lum);
	}

	auto readerOptions = ZXing::ReaderOptions()
							 .formats(ZXing::BarcodeFormat::QRCodeModel1 | ZXing::BarcodeFormat::QRCodeModel2)
							 .tryHarder(options.tryHarder)
							 .tryInvert(options.tryInvert)
							 .tryDownscale(options.tryDownscale)
							 .tryRotate(false) // only the 1D readers rotate; QR detection is rotation-free
							 .binarizer(zxingBinarizer)
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
	Botan::secure_scrub_memory(_grey.data(), _grey.size());
	Botan::secure_scrub_memory(_frame.data(), _frame.size());
	return code;
}

QrCode decodeQr(const ImageView& image, ScanMode mode)
{
	QrDecoder decoder;
	return decoder.decode(image, mode);
}

} // namespace authcore
