// FinderRegion::scaledUp (core/src/qr/ZxingPass.h): a region found in a reduced copy of a frame,
// brought back to the frame's pixels. The recovery pays for a region by its area in those pixels,
// and reads its code's threshold over the finder-pattern squares there.
#include "qr/ZxingPass.h"

#include <gtest/gtest.h>

using namespace authcore::detail;

TEST(FinderRegion, ScaledUpMovesRectangleSquaresAndModuleSize)
{
	FinderRegion region{{100, 50, 200, 150}, 3.0, 3};
	region.addSquare({110, 60, 21, 21});
	region.addSquare({260, 60, 21, 21});
	const FinderRegion scaled = region.scaledUp(2, 1280, 720);
	EXPECT_EQ(scaled.rect, (PixelRect{200, 100, 400, 300}));
	EXPECT_DOUBLE_EQ(scaled.moduleSize, 6.0);
	EXPECT_EQ(scaled.patterns, 3);
	ASSERT_EQ(scaled.squares().size(), 2u);
	EXPECT_EQ(scaled.squares()[0], (PixelRect{220, 120, 42, 42}));
	EXPECT_EQ(scaled.squares()[1], (PixelRect{520, 120, 42, 42}));
}

TEST(FinderRegion, ScaledUpIsHeldToTheLargestSideInTheFramesPixels)
{
	// 400 x 360 at half resolution is within the cap there, but 800 x 720 in the frame is not: the
	// rectangle keeps its centre and the cap's side (576 px).
	const FinderRegion region{{0, 0, 400, 360}, 7.0, 1};
	const FinderRegion scaled = region.scaledUp(2, 1280, 720);
	EXPECT_EQ(scaled.rect, (PixelRect{112, 72, 576, 576}));
}

TEST(FinderRegion, ScaledUpIsClippedToTheFrame)
{
	const FinderRegion region{{600, 300, 100, 100}, 2.0, 1};
	EXPECT_EQ(region.scaledUp(2, 1280, 720).rect, (PixelRect{1200, 600, 80, 120}));
}
