// Synthetic otpauth codes, rendered by our writer and projected into 1280x720 and 1920x1080 frames
// (see tests/support/SyntheticFrame.h): scaled, turned, tilted, inverted, blurred, low in contrast,
// noisy. Each case says how it must be read in live mode (on every call, or within one cycle of
// three calls, when the frame is at least 720 pixels high and live mode reads two calls in three at
// half resolution) and whether in still mode; a frame without a code must give NoCodeFound.

#include "SyntheticFrame.h"

#include "authcore/Error.h"
#include "authcore/qr/QrDecoder.h"
#include "authcore/qr/QrEncoder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

using namespace authcore;

namespace {

const std::string kUri = "otpauth://totp/authentik%3Akristine.majore%40example.lv?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
						 "&algorithm=SHA1&digits=6&period=30&issuer=authentik";

enum class Live {
	EveryCall,   // read by every live call, at half resolution too
	WithinCycle, // read by the full-resolution call of each cycle of three
};

struct Case
{
	const char* name;
	std::function<void(test::FrameSpec&)> setup;
	Live live;
	bool still; // must be read in still mode
};

// 57 x 57 px at scale 1 with the quiet zone: a version 8 code.
const GreyImage& code()
{
	static const GreyImage image = encodeQr(kUri, {.scale = 1, .margin = 4});
	return image;
}

const Case kCases[] = {
	{"upright, 4 px per module", [](test::FrameSpec&) {}, Live::EveryCall, true},
	{"small, 3 px per module", [](test::FrameSpec& s) { s.pixelsPerModule = 3; }, Live::WithinCycle, true},
	{"tiny, 2.5 px per module", [](test::FrameSpec& s) { s.pixelsPerModule = 2.5; }, Live::WithinCycle, true},
	{"large, 10 px per module", [](test::FrameSpec& s) { s.pixelsPerModule = 10; }, Live::EveryCall, true},
	{"turned 17 degrees", [](test::FrameSpec& s) { s.angleDegrees = 17; }, Live::EveryCall, true},
	{"turned 45 degrees", [](test::FrameSpec& s) { s.angleDegrees = 45; s.pixelsPerModule = 5; }, Live::EveryCall, true},
	{"turned 90 degrees", [](test::FrameSpec& s) { s.angleDegrees = 90; }, Live::EveryCall, true},
	{"upside down", [](test::FrameSpec& s) { s.angleDegrees = 180; }, Live::EveryCall, true},
	{"turned 260 degrees", [](test::FrameSpec& s) { s.angleDegrees = 260; s.pixelsPerModule = 5; }, Live::EveryCall, true},
	{"tilted in perspective", [](test::FrameSpec& s) { s.tilt = 0.3; s.pixelsPerModule = 5; }, Live::EveryCall, true},
	{"blurred, radius 1", [](test::FrameSpec& s) { s.blurRadius = 1; }, Live::WithinCycle, true},
	{"blurred, radius 2", [](test::FrameSpec& s) { s.blurRadius = 2; s.pixelsPerModule = 6; }, Live::WithinCycle, true},
	{"low contrast 100..160", [](test::FrameSpec& s) { s.dark = 100; s.light = 160; }, Live::EveryCall, true},
	{"low contrast and blurred", [](test::FrameSpec& s) { s.dark = 90; s.light = 170; s.blurRadius = 1; s.pixelsPerModule = 5; }, Live::EveryCall, true},
	{"noisy", [](test::FrameSpec& s) { s.noise = 25; s.pixelsPerModule = 5; }, Live::EveryCall, true},
	{"off centre, near the edge", [](test::FrameSpec& s) { s.centerX = s.width - 57 * 2.5 - 4; s.centerY = 57 * 2.5 + 4; s.pixelsPerModule = 5; }, Live::EveryCall, true},
	// Light on dark (a dark-themed page): a second pass over the binarized image, in both modes.
	{"inverted", [](test::FrameSpec& s) { s.invert = true; }, Live::EveryCall, true},
	{"inverted, turned and blurred", [](test::FrameSpec& s) { s.invert = true; s.angleDegrees = 30; s.blurRadius = 1; s.pixelsPerModule = 5; }, Live::EveryCall, true},
};

class SyntheticFrame : public ::testing::TestWithParam<std::pair<int, int>>
{};

// The reported corners lie on the symbol: within two modules of where the frame put the symbol's
// own corners (the rendered code's corners moved in by the quiet zone).
void checkCorners(const Case& c, const test::FrameSpec& spec, const QrCode& result, const char* mode)
{
	EXPECT_EQ(result.inverted, spec.invert) << c.name << " (" << mode << ")";
	auto outer = test::codeCorners(code(), spec);
	test::FramePoint centre{(outer[0].x + outer[2].x) / 2, (outer[0].y + outer[2].y) / 2};
	const double shrink = (57.0 - 8.0) / 57.0;
	for (int i = 0; i < 4; ++i) {
		double ex = centre.x + (outer[i].x - centre.x) * shrink, ey = centre.y + (outer[i].y - centre.y) * shrink;
		double distance = std::hypot(result.corners[i].x - ex, result.corners[i].y - ey);
		EXPECT_LT(distance, 2 * spec.pixelsPerModule * (1 + spec.tilt))
			<< c.name << " (" << mode << ") corner " << i << " at " << result.corners[i].x << "," << result.corners[i].y
			<< ", expected near " << ex << "," << ey;
	}
}

void checkCase(const Case& c, int width, int height, PixelFormat format)
{
	test::FrameSpec spec;
	spec.width = width;
	spec.height = height;
	spec.centerX = width * 0.45;
	spec.centerY = height * 0.55;
	spec.noise = 4;
	spec.seed = 42;
	c.setup(spec);
	auto frame = format == PixelFormat::Rgba ? test::renderRgbaFrame(code(), spec) : test::renderGreyFrame(code(), spec);
	ImageView view{frame, width, height, format};

	// Live: three calls of one fresh decoder, the first of them at full resolution.
	QrDecoder live;
	std::string calls;
	for (int call = 0; call < 3; ++call) {
		try {
			auto result = live.decode(view, ScanMode::Live);
			EXPECT_EQ(result.text, kUri) << c.name << " (live)";
			checkCorners(c, spec, result, "live");
			calls += '+';
		} catch (const Error& e) {
			EXPECT_EQ(e.kind(), ErrorKind::NoCodeFound);
			calls += '-';
		}
	}
	if (c.live == Live::EveryCall)
		EXPECT_EQ(calls, "+++") << c.name << " " << width << "x" << height << ": live calls read " << calls;
	else
		EXPECT_NE(calls.find('+'), std::string::npos) << c.name << " " << width << "x" << height << ": live calls read " << calls;
	if (std::getenv("AUTHCORE_QR_TEST_VERBOSE"))
		std::printf("%-40s %dx%d %s live %s\n", c.name, width, height, format == PixelFormat::Rgba ? "rgba" : "grey", calls.c_str());

	if (c.still) {
		try {
			auto result = decodeQr(view, ScanMode::Still);
			EXPECT_EQ(result.text, kUri) << c.name << " (still)";
			checkCorners(c, spec, result, "still");
		} catch (const Error& e) {
			ADD_FAILURE() << c.name << " (still) " << width << "x" << height << ": " << e.what();
		}
	}
}

} // namespace

TEST_P(SyntheticFrame, EveryCaseIsReadInTheModesItMustBe)
{
	auto [width, height] = GetParam();
	for (const auto& c : kCases)
		checkCase(c, width, height, PixelFormat::Rgba);
}

TEST_P(SyntheticFrame, GreyFramesToo)
{
	auto [width, height] = GetParam();
	for (const auto& c : kCases)
		checkCase(c, width, height, PixelFormat::Grey);
}

TEST_P(SyntheticFrame, AFrameWithoutACodeGivesNoCodeFound)
{
	auto [width, height] = GetParam();
	QrDecoder decoder;
	for (uint32_t seed : {1u, 2u, 3u, 4u}) {
		test::FrameSpec spec;
		spec.width = width;
		spec.height = height;
		spec.withCode = false;
		spec.noise = 6;
		spec.seed = seed;
		auto frame = test::renderRgbaFrame(code(), spec);
		for (auto mode : {ScanMode::Live, ScanMode::Still}) {
			try {
				auto result = decoder.decode({frame, width, height, PixelFormat::Rgba}, mode);
				ADD_FAILURE() << "seed " << seed << ": read '" << result.text << "' from a frame without a code";
			} catch (const Error& e) {
				EXPECT_EQ(e.kind(), ErrorKind::NoCodeFound);
			}
		}
	}
}

INSTANTIATE_TEST_SUITE_P(Frames, SyntheticFrame, ::testing::Values(std::pair{1280, 720}, std::pair{1920, 1080}),
						 [](const auto& info) { return std::to_string(info.param.first) + "x" + std::to_string(info.param.second); });
