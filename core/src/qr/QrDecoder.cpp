#include "authcore/qr/QrDecoder.h"
#include "authcore/SecureWipe.h"

#include "GreyConversion.h"
#include "QrRecovery.h"
#include "ZxingPass.h"

#include "authcore/Error.h"

#include <botan/mem_ops.h>

#include <ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace authcore {

// Half resolution reads codes of 4 or more pixels per module (QrScanOptions::live()); finder
// patterns of smaller modules ask for full resolution.
constexpr double kHalfResolutionMinModule = 4.0;

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
	options.recoveryAttempts = 2;    // see QrRecovery.h; measured in bench/qr-degraded.mjs
	options.recoverAcrossCalls = true;
	return options;
}

QrScanOptions QrScanOptions::still()
{
	QrScanOptions options; // full resolution, and ZXing's every effort
	options.tryHarder = true;
	options.tryInvert = true;
	options.tryDownscale = true;
	options.alphaOverWhite = true; // a copied QR image often has a transparent background
	options.recoveryAttempts = 16;   // every recovery attempt
	options.recoverAcrossCalls = false;
	return options;
}

QrScanOptions QrScanOptions::forMode(ScanMode mode)
{
	return mode == ScanMode::Live ? live() : still();
}

QrDecoder::QrDecoder() : _recovery(std::make_unique<detail::QrRecovery>()) {}
QrDecoder::~QrDecoder() = default;
QrDecoder::QrDecoder(QrDecoder&&) noexcept = default;
QrDecoder& QrDecoder::operator=(QrDecoder&&) noexcept = default;

bool QrDecoder::codeInView() const
{
	return _recovery && _recovery->codeInView();
}

ScanHint QrDecoder::scanHint() const
{
	return _recovery && _recovery->codeInView() ? _recovery->hint() : ScanHint::None;
}

void QrDecoder::resetStream()
{
	_calls = 0;
	if (_recovery)
		_recovery->reset();
	authcore::secureWipe(_grey);
	authcore::secureWipe(_frame);
}

std::span<uint8_t> QrDecoder::frameBuffer(size_t size)
{
	_frame.resize(size);
	return _frame;
}

namespace {

// `toImage` maps a point of the image ZXing read to the caller's pixels.
template <typename ToImage>
QrCode toQrCode(const ZXing::Barcode& barcode, bool inverted, ToImage toImage)
{
	QrCode code;
	code.text = barcode.text(ZXing::TextMode::Plain); // the content as encoded, ECI applied (not set by readQrPass)
	code.bytes.assign(barcode.bytes().begin(), barcode.bytes().end());
	const auto& position = barcode.position();
	for (size_t i = 0; i < code.corners.size(); ++i)
		code.corners[i] = toImage(position[i]);
	code.inverted = inverted;
	code.ecLevel = barcode.extra(ZXing::BarcodeExtra::ECLevel);
	code.symbologyIdentifier = barcode.symbologyIdentifier();
	return code;
}

} // namespace

QrCode QrDecoder::decode(const ImageView& image, const QrScanOptions& options)
{
	auto code = tryDecode(image, options);
	if (!code)
		throw Error(ErrorKind::NoCodeFound, "image", "no readable QR code in the image");
	return std::move(*code);
}

std::optional<QrCode> QrDecoder::tryDecode(const ImageView& image, const QrScanOptions& options)
{
	image.validate();
	if (options.downscale < 1 || options.downscale > 4 || options.downscaleFromSide < 0 || options.fullResolutionEvery < 0
		|| options.recoveryAttempts < 0 || options.recoveryAttempts > 16)
		throw Error(ErrorKind::InvalidArgument, "options",
					"downscale must be 1..4, downscaleFromSide and fullResolutionEvery >= 0, recoveryAttempts 0..16");
	if (!_recovery) // a moved-from decoder
		_recovery = std::make_unique<detail::QrRecovery>();

	const uint64_t call = _calls++;
	const bool scheduledFullResolution = options.fullResolutionEvery > 0 && call % uint64_t(options.fullResolutionEvery) == 0;
	const bool fullResolutionTurn = scheduledFullResolution || _fullResolutionStreak > 0;
	if (_fullResolutionStreak > 0)
		--_fullResolutionStreak;
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

	std::optional<QrCode> code;
	std::vector<detail::FinderRegion> seen;
	if (options.tryDownscale) {
		// ZXing's pyramid (still mode) is only reachable through ReadBarcode.
		auto readerOptions = ZXing::ReaderOptions()
								 .formats(ZXing::BarcodeFormat::QRCodeModel1 | ZXing::BarcodeFormat::QRCodeModel2)
								 .tryHarder(options.tryHarder)
								 .tryInvert(options.tryInvert)
								 .tryDownscale(true)
								 .tryRotate(false) // only the 1D readers rotate; QR detection is rotation-free
								 .binarizer(options.globalBinarizer ? ZXing::Binarizer::GlobalHistogram : ZXing::Binarizer::LocalAverage)
								 .textMode(ZXing::TextMode::Plain)
								 .maxNumberOfSymbols(1);
		auto barcode = ZXing::ReadBarcode(view, readerOptions);
		if (barcode.isValid())
			code = toQrCode(barcode, barcode.isInverted(), [&](ZXing::PointI p) { return QrPoint{p.x * factor + factor / 2, p.y * factor + factor / 2}; });
	}
	const bool recover = options.recoveryAttempts > 0;
	if (!recover || !options.recoverAcrossCalls)
		_recovery->reset(); // nothing of another image may leak into this one
	if (!code && (!options.tryDownscale || recover)) {
		// The same read step by step (detail::readQrPass), so that a miss still says where finder
		// patterns were: for the recovery passes and the "code in view" hint.
		auto pass = detail::readQrPass(view, {.tryHarder = options.tryHarder,
											  .tryInvert = options.tryInvert,
											  .globalBinarizer = options.globalBinarizer,
											  .findRegions = recover});
		if (pass.barcode) {
			code = toQrCode(*pass.barcode, pass.inverted, [&](ZXing::PointI p) { return QrPoint{p.x * factor + factor / 2, p.y * factor + factor / 2}; });
		} else {
			for (auto& region : pass.regions) // back to the caller's pixels
				region = region.scaledUp(factor, image.width, image.height);
			seen = std::move(pass.regions);
			// Finder patterns too small for half resolution, seen on a scheduled full-resolution
			// frame: the frames up to the next one are read at full resolution too. Under noise a
			// small code is readable in some frames only, and not always in every third one.
			if (scheduledFullResolution && options.fullResolutionEvery > 1
				&& std::any_of(seen.begin(), seen.end(), [](const auto& region) { return region.moduleSize < kHalfResolutionMinModule; }))
				_fullResolutionStreak = options.fullResolutionEvery - 1;
		}
	}
	if (!code && recover) {
		auto recovered = _recovery->recover(image, view, factor, seen, options.recoveryAttempts, !options.recoverAcrossCalls);
		if (!options.recoverAcrossCalls)
			_recovery->reset();
		if (recovered) {
			const double scale = recovered->scale;
			code = toQrCode(recovered->barcode, recovered->inverted, [&](ZXing::PointI p) {
				return QrPoint{int(std::lround((p.x + 0.5) / scale - 0.5)) + recovered->offsetX, int(std::lround((p.y + 0.5) / scale - 0.5)) + recovered->offsetY};
			});
		}
	}
	if (!code)
		return std::nullopt;

	// The scan is over: leave no copy of the code's picture behind (sizes stay, so a caller that
	// goes on scanning still allocates nothing).
	authcore::secureWipe(_grey);
	authcore::secureWipe(_frame);
	_recovery->reset();
	_fullResolutionStreak = 0;
	return code;
}

QrCode decodeQr(const ImageView& image, ScanMode mode)
{
	QrDecoder decoder;
	return decoder.decode(image, mode);
}

} // namespace authcore
