// The blurred-code reader (core/src/qr/BlurredCodeReader.h) on the degradation set's codes that
// nothing else reads, and on pictures that must give nothing.

#include "DegradedStream.h"

#include "qr/BlurredCodeReader.h"

#include <ReadBarcode.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace authcore;

namespace {

constexpr int kFrameWidth = 1280;
constexpr int kFrameHeight = 720;

// A 256 px square of `frame` around (x, y), clipped to the frame: about what the busiest square of
// a tile search gives the recovery, not a window fitted to the code.
ZXing::ImageView windowAround(const std::vector<uint8_t>& frame, int x, int y)
{
	constexpr int kHalf = 128;
	const int left = std::clamp(x - kHalf, 0, kFrameWidth - 2 * kHalf), top = std::clamp(y - kHalf, 0, kFrameHeight - 2 * kHalf);
	return {frame.data() + size_t(top) * kFrameWidth + size_t(left), 2 * kHalf, 2 * kHalf, ZXing::ImageFormat::Lum, kFrameWidth};
}

bool zxingReads(const ZXing::ImageView& view)
{
	return ZXing::ReadBarcode(view, ZXing::ReaderOptions().formats(ZXing::BarcodeFormat::QRCode).tryHarder(true)).isValid();
}

} // namespace

TEST(BlurredCodeReader, ReadsTheSmallCodesUnderStrongDefocus)
{
	const auto& defocus = test::degradationCondition("defocus_2.2");
	int read = 0;
	for (int index : {3, 9}) {
		const auto scene = test::degradedScene(defocus, index);
		ASSERT_EQ(scene.pixelsPerModule, 2.5);
		for (int frame : {0, 5}) {
			SCOPED_TRACE(testing::Message() << "scene " << index << ", frame " << frame);
			const auto picture = test::renderDegradedGreyFrame(defocus, scene, frame);
			// Off the code's centre, as a busy square would be.
			const auto window = windowAround(picture, int(scene.spec.centerX) + 15, int(scene.spec.centerY) - 10);
			EXPECT_FALSE(zxingReads(window)) << "ZXing reads it: the frame no longer tests this reader";
			const auto code = detail::readBlurredCode(window, defocus.degradation.defocusSigma);
			ASSERT_TRUE(code.has_value());
			EXPECT_EQ(code->text(), scene.text);
			read += code.has_value();
		}
	}
	EXPECT_EQ(read, 4);
}

TEST(BlurredCodeReader, GivesNothingWhereThereIsNothingToRead)
{
	const auto& defocus = test::degradationCondition("defocus_2.2");
	// A code of 2 px per module: beyond what the blur leaves (about 16 % of its modules would be
	// wrong even on its true grid), so error correction must turn down whatever is solved.
	const auto tiny = test::degradedScene(defocus, 0);
	ASSERT_EQ(tiny.pixelsPerModule, 2);
	const auto frame = test::renderDegradedGreyFrame(defocus, tiny, 0);
	EXPECT_FALSE(detail::readBlurredCode(windowAround(frame, int(tiny.spec.centerX), int(tiny.spec.centerY)), 2.2).has_value());
	// The scene's background away from the code: the square of the frame farthest from it.
	const int x = tiny.spec.centerX < kFrameWidth / 2 ? kFrameWidth - 128 : 128;
	const int y = tiny.spec.centerY < kFrameHeight / 2 ? kFrameHeight - 128 : 128;
	EXPECT_FALSE(detail::readBlurredCode(windowAround(frame, x, y), 2.2).has_value());
	// Flat grey, and pictures too small or a blur of nothing.
	const std::vector<uint8_t> flat(256 * 256, 128);
	EXPECT_FALSE(detail::readBlurredCode({flat.data(), 256, 256, ZXing::ImageFormat::Lum}, 2.2).has_value());
	EXPECT_FALSE(detail::readBlurredCode({flat.data(), 40, 40, ZXing::ImageFormat::Lum}, 2.2).has_value());
	EXPECT_FALSE(detail::readBlurredCode({flat.data(), 256, 256, ZXing::ImageFormat::Lum}, 0).has_value());
}
