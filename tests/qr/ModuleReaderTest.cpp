// The reader by modules (core/src/qr/ModuleReader.h) on pictures the recovery gives it: a small
// code that ZXing's own read loses after restoration, and inputs that must give nothing.

#include "DegradedStream.h"
#include "ModuleErrors.h"

#include "qr/GreyPlane.h"
#include "qr/ModuleReader.h"

#include <ReadBarcode.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

using namespace authcore;

namespace {

ZXing::ImageView viewOf(const detail::GreyPlane& plane)
{
	return {plane.pixels.data(), plane.width, plane.height, ZXing::ImageFormat::Lum};
}

// The mix's scene 9 (2.5 px per module under haze, tilt, defocus, motion, moiré, noise and JPEG),
// frame 0, restored as the InverseSmallDefocus attempt does: the filter against sigma 1.6, then
// enlarged 2x.
struct RestoredMixCode
{
	test::DegradedScene scene;
	detail::GreyPlane picture;
};

RestoredMixCode restoredMixCode()
{
	const auto& mix = test::degradationCondition("mix");
	RestoredMixCode code{test::degradedScene(mix, 9), {}};
	const auto place = test::codeSquare(code.scene);
	auto cut = test::cutOut(test::renderDegradedGreyFrame(mix, code.scene, 0), place);
	detail::SharpenBuffers buffers;
	detail::deconvolve(cut, detail::InverseFilter::Defocus16, detail::BlurShape::Defocus, buffers);
	detail::upscale2x(cut, code.picture);
	return code;
}

} // namespace

TEST(ModuleReader, ReadsASmallRestoredCodeThatZxingLoses)
{
	const auto code = restoredMixCode();
	ASSERT_EQ(code.scene.pixelsPerModule, 2.5);
	const auto zxing = ZXing::ReadBarcode(viewOf(code.picture), ZXing::ReaderOptions().formats(ZXing::BarcodeFormat::QRCode).tryHarder(true));
	EXPECT_FALSE(zxing.isValid()) << "ZXing reads it: the picture no longer tests the reader by modules";
	// Its patterns as the recovery finds them: at one threshold for the code's centre.
	const auto& p = code.picture;
	const auto read = detail::readByModules(viewOf(p), detail::otsuThreshold(p, {p.width / 4, p.height / 4, p.width / 2, p.height / 2}));
	ASSERT_TRUE(read.has_value());
	EXPECT_EQ(read->text(), code.scene.text);
}

TEST(ModuleReader, GivesNothingForPicturesWithoutACode)
{
	detail::GreyPlane tiny;
	tiny.resize(20, 20);
	EXPECT_FALSE(detail::readByModules(viewOf(tiny), uint8_t(128)).has_value());

	// Noise, and flat grey.
	detail::GreyPlane noise;
	noise.resize(300, 300);
	uint32_t state = 12345;
	for (auto& p : noise.pixels) {
		state = state * 1664525u + 1013904223u;
		p = uint8_t(state >> 24);
	}
	EXPECT_FALSE(detail::readByModules(viewOf(noise), uint8_t(128)).has_value());
	detail::GreyPlane flat;
	flat.resize(300, 300);
	std::fill(flat.pixels.begin(), flat.pixels.end(), uint8_t(128));
	EXPECT_FALSE(detail::readByModules(viewOf(flat), uint8_t(128)).has_value());
}

// A code's finder patterns with its data made noise: the grid is found and fitted, and the
// decoder's error correction refuses it: no text comes out of a damaged code.
TEST(ModuleReader, RefusesACodeWhoseDataIsDestroyed)
{
	auto code = restoredMixCode();
	const int w = code.picture.width, h = code.picture.height;
	uint32_t state = 99;
	// Noise over the middle third both ways, where only data modules are (the finder patterns
	// are in three corners of the code, the code fills most of the picture's centre half).
	for (int y = h * 4 / 10; y < h * 6 / 10; ++y)
		for (int x = w * 4 / 10; x < w * 6 / 10; ++x) {
			state = state * 1664525u + 1013904223u;
			code.picture.row(y)[x] = (state >> 31) ? 40 : 210;
		}
	EXPECT_FALSE(detail::readByModules(viewOf(code.picture), detail::otsuThreshold(code.picture, {w / 4, h / 4, w / 2, h / 2})).has_value());
}
