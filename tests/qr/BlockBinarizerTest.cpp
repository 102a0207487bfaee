// Our block binarizer must classify every pixel exactly as ZXing's LocalAverage binarizer does
// (its speed is the only reason it exists): compared bit for bit on synthetic frames, on odd sizes
// where the last blocks overlap, and on the shared sample images.

#include "SyntheticFrame.h"
#include "TestData.h"

#include "qr/BlockBinarizer.h"

#include "authcore/qr/ImageFile.h"
#include "authcore/qr/QrEncoder.h"

#include <BitMatrix.h>
#include <HybridBinarizer.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace authcore;

namespace {

// Number of pixels where ours and ZXing's disagree; -1 when ours declined (no contrast).
long long differences(const std::vector<uint8_t>& grey, int width, int height)
{
	ZXing::HybridBinarizer zxing(ZXing::ImageView(grey.data(), width, height, ZXing::ImageFormat::Lum));
	auto expected = zxing.getBitMatrix();
	std::vector<uint8_t> ours = grey;
	detail::BlockBinarizer binarizer;
	if (!binarizer.binarizeInPlace(ours.data(), width, height))
		return -1;
	long long different = 0;
	for (int y = 0; y < height; ++y)
		for (int x = 0; x < width; ++x) {
			uint8_t p = ours[size_t(y) * width + x];
			EXPECT_TRUE(p == 0 || p == 255);
			different += (p == 0) != expected->get(x, y);
		}
	return different;
}

std::vector<uint8_t> frame(int width, int height, uint32_t seed, bool withCode = true)
{
	static const GreyImage code = encodeQr("otpauth://totp/ACME:anna?secret=JBSWY3DPEHPK3PXP&issuer=ACME", {.scale = 1});
	test::FrameSpec spec;
	spec.width = width;
	spec.height = height;
	spec.centerX = width / 2.0;
	spec.centerY = height / 2.0;
	spec.pixelsPerModule = std::min(width, height) / 60.0;
	spec.angleDegrees = seed * 11.0;
	spec.noise = 8;
	spec.seed = seed;
	spec.withCode = withCode;
	return test::renderGreyFrame(code, spec);
}

} // namespace

TEST(BlockBinarizer, MatchesZxingOnCameraSizedFrames)
{
	for (auto [w, h] : {std::pair{1280, 720}, {1920, 1080}, {640, 480}})
		for (uint32_t seed : {1u, 2u, 3u})
			for (bool withCode : {true, false})
				EXPECT_EQ(differences(frame(w, h, seed, withCode), w, h), 0) << w << "x" << h << " seed " << seed;
}

TEST(BlockBinarizer, MatchesZxingWhereTheLastBlocksOverlap)
{
	for (auto [w, h] : {std::pair{1283, 721}, {45, 40}, {40, 47}, {641, 487}, {999, 1001}, {87, 1000}})
		EXPECT_EQ(differences(frame(w, h, 7), w, h), 0) << w << "x" << h;
}

TEST(BlockBinarizer, MatchesZxingOnTheSampleImages)
{
	auto root = std::filesystem::path(test::sharedDataPath("qr"));
	if (!std::filesystem::is_directory(root))
		GTEST_SKIP() << "shared QR samples not found at " << root;
	int compared = 0;
	for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
		auto ext = entry.path().extension();
		if (ext != ".png" && ext != ".jpg")
			continue;
		auto rgba = readImageFile(entry.path().string());
		if (rgba.width < detail::kMinSide || rgba.height < detail::kMinSide)
			continue;
		std::vector<uint8_t> grey(size_t(rgba.width) * rgba.height);
		for (size_t i = 0; i < grey.size(); ++i)
			grey[i] = ZXing::RGBToLum(rgba.pixels[4 * i], rgba.pixels[4 * i + 1], rgba.pixels[4 * i + 2]);
		auto different = differences(grey, rgba.width, rgba.height);
		if (different != -1) {
			EXPECT_EQ(different, 0) << entry.path();
			++compared;
		}
	}
	EXPECT_GT(compared, 100);
}

TEST(BlockBinarizer, DeclinesImagesWithoutContrastAndTinyImages)
{
	std::vector<uint8_t> flat(200 * 100, 128);
	for (size_t i = 0; i < flat.size(); ++i)
		flat[i] = uint8_t(120 + i % 7); // a little noise, never more than 24 levels
	detail::BlockBinarizer binarizer;
	auto copy = flat;
	EXPECT_FALSE(binarizer.binarizeInPlace(copy.data(), 200, 100));
	EXPECT_EQ(copy, flat) << "declined means untouched";
	std::vector<uint8_t> tiny(39 * 100, 0);
	EXPECT_THROW(binarizer.binarizeInPlace(tiny.data(), 39, 100), std::invalid_argument);
}
