#include "SyntheticFrame.h"
#include "TestData.h"

#include "authcore/Error.h"
#include "authcore/qr/QrDecoder.h"
#include "authcore/qr/QrEncoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <iterator>
#include <span>
#include <string>
#include <vector>

using namespace authcore;

namespace {

const std::string kUri = "otpauth://totp/ACME%20Co:anna.ozola%40example.lv?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co";

std::vector<uint8_t> toRgba(const GreyImage& image)
{
	std::vector<uint8_t> rgba;
	for (uint8_t p : image.pixels)
		rgba.insert(rgba.end(), {p, p, p, 255});
	return rgba;
}

std::string errorField(const std::function<void()>& f, ErrorKind expectedKind)
{
	try {
		f();
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), expectedKind) << e.what();
		return e.field();
	}
	ADD_FAILURE() << "no authcore::Error thrown";
	return {};
}

} // namespace

TEST(ImageView, RejectsSizesThatDoNotMatchTheBuffer)
{
	std::vector<uint8_t> pixels(16 * 8 * 4);
	EXPECT_NO_THROW((ImageView{pixels, 16, 8, PixelFormat::Rgba}.validate()));
	EXPECT_NO_THROW((ImageView{pixels, 32, 16, PixelFormat::Grey}.validate()));
	EXPECT_EQ(errorField([&] { ImageView{pixels, 16, 8, PixelFormat::Grey}.validate(); }, ErrorKind::InvalidArgument), "pixels");
	EXPECT_EQ(errorField([&] { ImageView{pixels, 0, 8, PixelFormat::Rgba}.validate(); }, ErrorKind::InvalidArgument), "width");
	EXPECT_EQ(errorField([&] { ImageView{pixels, -16, -8, PixelFormat::Rgba}.validate(); }, ErrorKind::InvalidArgument), "width");
	EXPECT_EQ(errorField([&] { ImageView{pixels, 16, 0, PixelFormat::Rgba}.validate(); }, ErrorKind::InvalidArgument), "height");
	EXPECT_EQ(errorField([&] { ImageView{pixels, kMaxImageSide + 1, 1, PixelFormat::Grey}.validate(); }, ErrorKind::InvalidArgument), "width");
	EXPECT_EQ(errorField([&] { ImageView{{}, 1, 1, PixelFormat::Grey}.validate(); }, ErrorKind::InvalidArgument), "pixels");
}

TEST(QrDecoder, InvalidInputIsATypedErrorNotACrash)
{
	std::vector<uint8_t> pixels(100);
	QrDecoder decoder;
	EXPECT_EQ(errorField([&] { decoder.decode({pixels, 10, 11, PixelFormat::Grey}, ScanMode::Live); }, ErrorKind::InvalidArgument), "pixels");
	QrScanOptions bad = QrScanOptions::live();
	bad.downscale = 5;
	EXPECT_EQ(errorField([&] { decoder.decode({pixels, 10, 10, PixelFormat::Grey}, bad); }, ErrorKind::InvalidArgument), "options");
	bad.downscale = 0;
	EXPECT_EQ(errorField([&] { decoder.decode({pixels, 10, 10, PixelFormat::Grey}, bad); }, ErrorKind::InvalidArgument), "options");
	bad = QrScanOptions::live();
	bad.fullResolutionEvery = -1;
	EXPECT_EQ(errorField([&] { decoder.decode({pixels, 10, 10, PixelFormat::Grey}, bad); }, ErrorKind::InvalidArgument), "options");
	bad = QrScanOptions::live();
	bad.downscaleFromSide = -1;
	EXPECT_EQ(errorField([&] { decoder.decode({pixels, 10, 10, PixelFormat::Grey}, bad); }, ErrorKind::InvalidArgument), "options");
}

TEST(QrDecoder, ImagesWithoutACodeGiveNoCodeFound)
{
	QrDecoder decoder;
	for (auto mode : {ScanMode::Live, ScanMode::Still}) {
		// A single pixel, a thin line, a blank page, and white noise.
		std::vector<uint8_t> one{0}, line(1000, 0), blank(640 * 480, 255), noise(640 * 480 * 4);
		uint32_t state = 7;
		for (auto& p : noise)
			p = uint8_t((state = state * 1664525u + 1013904223u) >> 24);
		EXPECT_EQ(errorField([&] { decoder.decode({one, 1, 1, PixelFormat::Grey}, mode); }, ErrorKind::NoCodeFound), "image");
		EXPECT_EQ(errorField([&] { decoder.decode({line, 1000, 1, PixelFormat::Grey}, mode); }, ErrorKind::NoCodeFound), "image");
		EXPECT_EQ(errorField([&] { decoder.decode({blank, 640, 480, PixelFormat::Grey}, mode); }, ErrorKind::NoCodeFound), "image");
		EXPECT_EQ(errorField([&] { decoder.decode({noise, 640, 480, PixelFormat::Rgba}, mode); }, ErrorKind::NoCodeFound), "image");
		// The camera path: the same answers without an exception; invalid input still throws.
		EXPECT_FALSE(decoder.tryDecode({blank, 640, 480, PixelFormat::Grey}, mode).has_value());
		EXPECT_FALSE(decoder.tryDecode({noise, 640, 480, PixelFormat::Rgba}, mode).has_value());
		EXPECT_EQ(errorField([&] { (void)decoder.tryDecode({blank, 641, 480, PixelFormat::Grey}, mode); }, ErrorKind::InvalidArgument), "pixels");
	}
}

// A fuzzer's find: a damaged code in which ZXing-cpp 3.1.1 sees two finder patterns at exactly one
// point and, sampling the grid between them, divides 0 by 0 (undefined behaviour that the sanitizer
// build of this test reports; cmake/zxing/sample_qr_guard.cpp now refuses such sets). The picture
// is the fuzzer's seed file: byte 0 is the width - 1, bytes 1-2 select the default options, grey
// pixels follow.
TEST(QrDecoder, CoincidentFinderPatternsAreNoCode)
{
	std::ifstream in(test::testDataPath("../fuzz/seeds/qr_decode/coincident-finder-patterns"), std::ios::binary);
	ASSERT_TRUE(in) << "missing fuzz seed";
	const std::vector<uint8_t> file{std::istreambuf_iterator<char>(in), {}};
	ASSERT_GT(file.size(), 3u);
	const int width = file[0] % 128 + 1;
	ASSERT_EQ(file[1], 0) << "the seed's options changed";
	ASSERT_EQ(file[2], 0) << "the seed's options changed";
	const std::span<const uint8_t> pixels(file.data() + 3, file.size() - 3);
	const int height = int(pixels.size()) / width;
	const QrScanOptions options; // what the seed's zero option bytes select: every default
	QrDecoder decoder;
	for (int call = 0; call < 2; ++call)
		EXPECT_EQ(errorField([&] { decoder.decode({pixels.first(size_t(width) * size_t(height)), width, height, PixelFormat::Grey}, options); },
		                     ErrorKind::NoCodeFound),
		          "image");
}

TEST(QrDecoder, RgbaAndGreyOfTheSameImageReadTheSame)
{
	auto code = encodeQr(kUri, {.scale = 3});
	auto rgba = toRgba(code);
	QrDecoder decoder;
	for (auto mode : {ScanMode::Live, ScanMode::Still}) {
		auto fromGrey = decoder.decode({code.pixels, code.width, code.height, PixelFormat::Grey}, mode);
		auto fromRgba = decoder.decode({rgba, code.width, code.height, PixelFormat::Rgba}, mode);
		EXPECT_EQ(fromGrey.text, kUri);
		EXPECT_EQ(fromRgba.text, kUri);
		EXPECT_EQ(fromGrey.corners, fromRgba.corners);
	}
}

TEST(QrDecoder, ColourChannelsAreWeightedLikeLuma)
{
	// Red modules (luma 76) on green (luma 150): dark on light. With the red and green channels
	// mixed up the code would come out light on dark, which live mode does not look for.
	auto code = encodeQr(kUri, {.scale = 3});
	std::vector<uint8_t> rgba;
	for (uint8_t p : code.pixels)
		if (p == 0)
			rgba.insert(rgba.end(), {255, 0, 0, 255});
		else
			rgba.insert(rgba.end(), {0, 255, 0, 255});
	auto result = decodeQr({rgba, code.width, code.height, PixelFormat::Rgba}, ScanMode::Live);
	EXPECT_EQ(result.text, kUri);
	EXPECT_FALSE(result.inverted);
}

TEST(QrDecoder, TransparentBackgroundCountsAsWhiteForStillImages)
{
	// A code copied from a web page: black modules, everything else fully transparent black
	// (0,0,0,0), which a viewer shows as white.
	auto code = encodeQr(kUri, {.scale = 4});
	std::vector<uint8_t> rgba;
	for (uint8_t p : code.pixels)
		rgba.insert(rgba.end(), {0, 0, 0, uint8_t(p == 0 ? 255 : 0)});
	EXPECT_EQ(decodeQr({rgba, code.width, code.height, PixelFormat::Rgba}, ScanMode::Still).text, kUri);
}

TEST(QrDecoder, CornersAreInImagePixelsInReadingOrder)
{
	const int scale = 5, margin = 4;
	auto code = encodeQr(kUri, {.scale = scale, .margin = margin});
	const int first = margin * scale, last = code.width - margin * scale - 1;
	auto result = decodeQr({code.pixels, code.width, code.height, PixelFormat::Grey}, ScanMode::Live);
	const QrPoint expected[4] = {{first, first}, {last, first}, {last, last}, {first, last}};
	for (int i = 0; i < 4; ++i) {
		EXPECT_NEAR(result.corners[i].x, expected[i].x, scale) << "corner " << i;
		EXPECT_NEAR(result.corners[i].y, expected[i].y, scale) << "corner " << i;
	}

	// Upside down: the code's own top-left corner is now at the image's bottom right.
	GreyImage flipped = code;
	std::reverse(flipped.pixels.begin(), flipped.pixels.end());
	auto turned = decodeQr({flipped.pixels, flipped.width, flipped.height, PixelFormat::Grey}, ScanMode::Live);
	EXPECT_EQ(turned.text, kUri);
	EXPECT_NEAR(turned.corners[0].x, last, scale);
	EXPECT_NEAR(turned.corners[0].y, last, scale);
	EXPECT_NEAR(turned.corners[2].x, first, scale);
	EXPECT_NEAR(turned.corners[2].y, first, scale);
}

TEST(QrDecoder, DownscaledDecodingReportsFullResolutionCorners)
{
	auto code = encodeQr(kUri, {.scale = 8});
	QrDecoder decoder;
	QrScanOptions options = QrScanOptions::live();
	options.downscale = 1;
	options.downscaleFromSide = 0;
	options.fullResolutionEvery = 0; // every call downscaled
	auto full = decoder.decode({code.pixels, code.width, code.height, PixelFormat::Grey}, options);
	for (int factor : {2, 3, 4}) {
		options.downscale = factor;
		auto small = decoder.decode({code.pixels, code.width, code.height, PixelFormat::Grey}, options);
		EXPECT_EQ(small.text, kUri);
		for (int i = 0; i < 4; ++i) {
			EXPECT_NEAR(small.corners[i].x, full.corners[i].x, 2 * factor) << "factor " << factor << " corner " << i;
			EXPECT_NEAR(small.corners[i].y, full.corners[i].y, 2 * factor) << "factor " << factor << " corner " << i;
		}
	}
}

TEST(QrDecoder, InvertedCodesAreFoundInStillImages)
{
	auto code = encodeQr(kUri, {.scale = 4});
	for (auto& p : code.pixels)
		p = uint8_t(255 - p);
	auto result = decodeQr({code.pixels, code.width, code.height, PixelFormat::Grey}, ScanMode::Still);
	EXPECT_EQ(result.text, kUri);
	EXPECT_TRUE(result.inverted);
}

TEST(QrDecoder, OneDecoderServesFramesOfChangingSizes)
{
	auto code = encodeQr(kUri, {.scale = 1});
	QrDecoder decoder;
	for (auto [w, h] : {std::pair{1280, 720}, {640, 480}, {1920, 1080}, {1280, 720}}) {
		test::FrameSpec spec;
		spec.width = w;
		spec.height = h;
		spec.centerX = w / 2.0;
		spec.centerY = h / 2.0;
		auto rgba = test::renderRgbaFrame(code, spec);
		EXPECT_EQ(decoder.decode({rgba, w, h, PixelFormat::Rgba}, ScanMode::Live).text, kUri) << w << "x" << h;
	}
}

TEST(QrDecoder, FrameBufferIsReusedAndWipedAfterARead)
{
	auto code = encodeQr(kUri, {.scale = 3});
	auto rgba = toRgba(code);
	QrDecoder decoder;
	auto buffer = decoder.frameBuffer(rgba.size());
	ASSERT_EQ(buffer.size(), rgba.size());
	const uint8_t* first = buffer.data();

	// A frame without a code leaves the buffer as it was, ready for the next frame.
	std::fill(buffer.begin(), buffer.end(), uint8_t{200});
	EXPECT_THROW(decoder.decode({buffer, code.width, code.height, PixelFormat::Rgba}, ScanMode::Live), Error);
	EXPECT_EQ(decoder.frameBuffer(rgba.size()).data(), first) << "same size, same memory";
	EXPECT_EQ(buffer[0], 200);

	std::copy(rgba.begin(), rgba.end(), buffer.begin());
	EXPECT_EQ(decoder.decode({buffer, code.width, code.height, PixelFormat::Rgba}, ScanMode::Live).text, kUri);
	EXPECT_TRUE(std::all_of(buffer.begin(), buffer.end(), [](uint8_t b) { return b == 0; })) << "the code's picture was wiped";
}

TEST(QrDecoder, LiveModeReadsLargeFramesAtFullResolutionOneCallInThree)
{
	// A code of 3 pixels per module: too small for the half-resolution image (1.5 px per module).
	auto code = encodeQr(kUri, {.scale = 1});
	auto small = [&](int width, int height) {
		test::FrameSpec spec;
		spec.width = width;
		spec.height = height;
		spec.centerX = width / 2.0;
		spec.centerY = height / 2.0;
		spec.pixelsPerModule = 3;
		return test::renderRgbaFrame(code, spec);
	};
	auto calls = [&](QrDecoder& decoder, const std::vector<uint8_t>& frame, int width, int height, int n,
					 const QrScanOptions& options = QrScanOptions::live()) {
		std::string read;
		for (int i = 0; i < n; ++i) {
			try {
				read += decoder.decode({frame, width, height, PixelFormat::Rgba}, options).text == kUri ? '+' : '?';
			} catch (const Error&) {
				read += '-';
			}
		}
		return read;
	};
	QrDecoder decoder;
	auto hd = small(1280, 720);
	auto withoutRecovery = QrScanOptions::live();
	withoutRecovery.recoveryAttempts = 0;
	EXPECT_EQ(calls(decoder, hd, 1280, 720, 6, withoutRecovery), "+--+--") << "full resolution on the 1st, 4th, ... call";
	// The recovery passes read the code's region at full resolution on the other calls.
	QrDecoder live;
	EXPECT_EQ(calls(live, hd, 1280, 720, 6), "++++++");
	// Below 720 pixels every call is a full one.
	auto sd = small(960, 540);
	EXPECT_EQ(calls(decoder, sd, 960, 540, 3), "+++");
	// The one-off decodeQr() is a first call: full resolution.
	EXPECT_EQ(decodeQr({hd, 1280, 720, PixelFormat::Rgba}, ScanMode::Live).text, kUri);
}
