// removeStripes() (core/src/qr/Stripes.h): a filmed screen's moiré, a sine of one period and
// direction multiplying the picture, is found and divided out; a picture without one is left alone.

#include "qr/Stripes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <random>

using namespace authcore::detail;

namespace {

constexpr double kPi = 3.14159265358979323846;

// A code-like picture: random 3 px modules of grey 40 and 210, in a light border.
GreyPlane modules(int width, int height, uint32_t seed)
{
	std::mt19937 random(seed);
	GreyPlane plane;
	plane.resize(width, height);
	for (int my = 0; my * 3 < height; ++my)
		for (int mx = 0; mx * 3 < width; ++mx) {
			const bool inside = mx >= 4 && my >= 4 && (mx + 4) * 3 < width && (my + 4) * 3 < height;
			const uint8_t grey = inside && random() % 2 ? 40 : 210;
			for (int y = my * 3; y < std::min(height, my * 3 + 3); ++y)
				for (int x = mx * 3; x < std::min(width, mx * 3 + 3); ++x)
					plane.row(y)[x] = grey;
		}
	return plane;
}

// `plane` times 1 - depth * (1 + cos(2 pi (x cos a + y sin a) / period + phase)) / 2, as the set's
// moiré (tests/support/DegradedStream.cpp).
GreyPlane striped(const GreyPlane& plane, double period, double angleDegrees, double depth, double phase)
{
	GreyPlane out = plane;
	const double a = angleDegrees * kPi / 180, fx = std::cos(a) / period, fy = std::sin(a) / period;
	for (int y = 0; y < plane.height; ++y)
		for (int x = 0; x < plane.width; ++x) {
			const double m = 1 - depth * (0.5 + 0.5 * std::cos(2 * kPi * (fx * x + fy * y) + phase));
			out.row(y)[x] = uint8_t(std::lround(plane.row(y)[x] * m));
		}
	return out;
}

// The mean absolute difference over the light pixels of `reference`, each brought to the same
// overall grey (removing the stripes also lifts the picture's mean).
double lightError(const GreyPlane& reference, const GreyPlane& picture)
{
	double sumRef = 0, sumPic = 0;
	for (size_t i = 0; i < reference.pixels.size(); ++i) {
		sumRef += reference.pixels[i];
		sumPic += picture.pixels[i];
	}
	const double gain = sumRef / sumPic;
	double error = 0;
	int n = 0;
	for (size_t i = 0; i < reference.pixels.size(); ++i)
		if (reference.pixels[i] > 128) {
			error += std::abs(reference.pixels[i] - picture.pixels[i] * gain);
			++n;
		}
	return error / n;
}

TEST(RemoveStripes, DividesOutAMoire)
{
	const GreyPlane code = modules(300, 260, 7);
	for (double angle : {0.0, 31.0, 90.0, 135.0})
		for (double period : {5.0, 7.0, 11.0}) {
			GreyPlane picture = striped(code, period, angle, 0.35, 1.0);
			const double before = lightError(code, picture);
			ASSERT_TRUE(removeStripes(picture)) << "period " << period << ", angle " << angle;
			const double after = lightError(code, picture);
			EXPECT_GT(before, 15) << "period " << period << ", angle " << angle;
			EXPECT_LT(after, before / 3) << "period " << period << ", angle " << angle;
		}
}

TEST(RemoveStripes, LeavesAPictureWithoutStripesAlone)
{
	for (uint32_t seed : {1u, 2u, 3u}) {
		GreyPlane picture = modules(280, 280, seed);
		const GreyPlane original = picture;
		EXPECT_FALSE(removeStripes(picture)) << "seed " << seed;
		EXPECT_EQ(picture.pixels, original.pixels);
	}
	GreyPlane flat;
	flat.resize(100, 100);
	std::fill(flat.pixels.begin(), flat.pixels.end(), uint8_t(200));
	EXPECT_FALSE(removeStripes(flat));
}

TEST(RemoveStripes, LeavesTooSmallAndBlackPicturesAlone)
{
	GreyPlane small = striped(modules(31, 200, 4), 7, 20, 0.35, 0);
	const GreyPlane smallBefore = small;
	EXPECT_FALSE(removeStripes(small));
	EXPECT_EQ(small.pixels, smallBefore.pixels);
	GreyPlane black;
	black.resize(64, 64);
	EXPECT_FALSE(removeStripes(black));
}

} // namespace
