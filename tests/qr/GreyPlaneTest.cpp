// Grey pixel operations of core/src/qr/GreyPlane.h that the other tests do not cover on their own:
// Otsu's threshold, with which the recovery reads pictures solved against a smear.

#include "BlurredPictures.h"
#include "qr/GreyPlane.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace authcore::detail;
using authcore::test::blurred;
using authcore::test::modules;

namespace {

GreyPlane flat(int w, int h, uint8_t level)
{
	GreyPlane plane;
	plane.resize(w, h);
	std::fill(plane.pixels.begin(), plane.pixels.end(), level);
	return plane;
}

} // namespace

TEST(OtsuThreshold, SplitsDarkFromLightWhateverTheirLevels)
{
	// modules() gives 35 and 215; mapped to other levels, the threshold follows them.
	for (auto [dark, light] : {std::pair{35, 215}, std::pair{60, 160}, std::pair{110, 245}, std::pair{10, 70}}) {
		GreyPlane plane = modules(120, 90);
		for (auto& p : plane.pixels)
			p = uint8_t(p < 128 ? dark : light);
		const int threshold = otsuThreshold(plane);
		EXPECT_GE(threshold, dark) << dark << " / " << light;
		EXPECT_LT(threshold, light) << dark << " / " << light;
	}
	// Blurred, the levels between count too: the threshold lands near the middle.
	const int blurredThreshold = otsuThreshold(blurred(modules(120, 90), 1.6, 0));
	EXPECT_NEAR(blurredThreshold, 125, 15);
}

TEST(OtsuThreshold, LooksOnlyWithinTheRectangle)
{
	// Left half dark modules on grey 20 / 100, right half a light flat area: the right half alone
	// has nothing to split, the left alone splits between 20 and 100.
	GreyPlane plane = flat(100, 60, 230);
	for (int y = 0; y < 60; ++y)
		for (int x = 0; x < 50; ++x)
			plane.row(y)[x] = ((x / 5 + y / 5) % 2) ? 20 : 100;
	const int left = otsuThreshold(plane, {0, 0, 50, 60});
	EXPECT_GE(left, 20);
	EXPECT_LT(left, 100);
	EXPECT_EQ(otsuThreshold(plane, {50, 0, 50, 60}), 127) << "a flat area has no threshold of its own";
	// A rectangle reaching outside the plane is clipped; one wholly outside has nothing.
	EXPECT_EQ(otsuThreshold(plane, {-10, -10, 60, 80}), left);
	EXPECT_EQ(otsuThreshold(plane, {200, 0, 10, 10}), 127);
	EXPECT_EQ(otsuThreshold(GreyPlane{}), 127);
}
