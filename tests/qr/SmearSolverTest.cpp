// The smear solver of core/src/qr/SmearSolver.h: it measures a straight smear's length and undoes
// the smear far better than the filters can, along the axis asked and only that one, leaves a flat
// picture flat, and gives the same bits natively and in wasm.

#include "BlurredPictures.h"
#include "qr/SmearSolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

using namespace authcore::detail;
using authcore::test::blurred;
using authcore::test::meanError;
using authcore::test::modules;

namespace {

// The share of pixels (less a border of 16 px) on the other side of mid-grey than in `sharp`: what
// a fixed threshold, as the recovery reads a solved picture with, gets wrong. (The solution's
// contrast is lower than the original's, so the mean error says less.)
double wrongSide(const GreyPlane& picture, const GreyPlane& sharp)
{
	int wrong = 0, n = 0;
	for (int y = 16; y < sharp.height - 16; ++y)
		for (int x = 16; x < sharp.width - 16; ++x, ++n)
			wrong += (picture.row(y)[x] < 128) != (sharp.row(y)[x] < 128);
	return double(wrong) / n;
}

} // namespace

TEST(SmearSolver, UndoesAnEightPixelSmearAlongEitherAxis)
{
	const GreyPlane sharp = modules(240, 180);
	for (bool columns : {false, true}) {
		const BlurShape along = columns ? BlurShape::Vertical : BlurShape::Horizontal;
		const GreyPlane blur = blurred(sharp, 0, 8, columns);
		GreyPlane restored = blur;
		SmearSolverBuffers buffers;
		deblurSmear(restored, 8, along, buffers);
		const double before = wrongSide(blur, sharp), after = wrongSide(restored, sharp);
		EXPECT_LT(after, before * 0.2) << (columns ? "columns" : "rows") << ": wrong side of mid-grey " << before << " -> " << after;
		EXPECT_LT(meanError(restored, sharp), meanError(blur, sharp));
		// Across the smear the solver must not apply: it would invent a blur that is not there.
		GreyPlane wrongAxis = blur;
		deblurSmear(wrongAxis, 8, columns ? BlurShape::Horizontal : BlurShape::Vertical, buffers);
		EXPECT_GT(wrongSide(wrongAxis, sharp), before * 0.9);
	}
}

TEST(SmearSolver, LeavesAFlatPictureFlat)
{
	for (uint8_t level : {uint8_t(0), uint8_t(60), uint8_t(137), uint8_t(255)}) {
		GreyPlane plane;
		plane.resize(90, 40);
		std::fill(plane.pixels.begin(), plane.pixels.end(), level);
		SmearSolverBuffers buffers;
		deblurSmear(plane, 8, BlurShape::Horizontal, buffers);
		// The regularisation pulls towards mid-grey, and from the line's ends (where the line is
		// taken to go on) a ripple of the smear's blind patterns comes in, dying away along the
		// line: measured at black, 29 of 128 levels at the ends, 9 one smear in. Never across
		// mid-grey.
		const int distance = std::abs(int(level) - 128);
		for (int y = 0; y < plane.height; ++y)
			for (int x = 0; x < plane.width; ++x) {
				const int p = plane.row(y)[x];
				const bool nearEnd = x < 8 || x >= plane.width - 8;
				ASSERT_LE(std::abs(p - int(level)), (nearEnd ? distance / 4 : distance / 10) + 2) << "level " << int(level) << " at x " << x;
				ASSERT_EQ(p < 128, level < 128) << "level " << int(level) << " at x " << x;
			}
	}
}

TEST(SmearSolver, MeasuresTheSmearsLength)
{
	const GreyPlane sharp = modules(320, 160);
	for (double length : {5.0, 8.0, 11.0}) {
		const GreyPlane along = blurred(sharp, 0, length);
		EXPECT_NEAR(estimateSmearLength(along, BlurShape::Horizontal), length, 0.5) << length << " px along rows";
		// Across the smear the picture is as sharp as it was: the modules' own scale.
		EXPECT_LT(estimateSmearLength(along, BlurShape::Vertical), 4.5) << length << " px along rows, measured along columns";
	}
	const GreyPlane acrossColumns = blurred(sharp, 0, 8, true);
	EXPECT_NEAR(estimateSmearLength(acrossColumns, BlurShape::Vertical), 8, 0.5);
	// Without motion, nothing near the length from which the recovery solves (6.5 px).
	EXPECT_LT(estimateSmearLength(sharp, BlurShape::Horizontal), 4.5);
	EXPECT_LT(estimateSmearLength(blurred(sharp, 1.6, 0), BlurShape::Horizontal), 6.0);
}

TEST(SmearSolver, SmallPicturesAreHarmless)
{
	SmearSolverBuffers buffers;
	for (auto [w, h] : {std::pair{1, 1}, std::pair{2, 50}, std::pair{50, 2}, std::pair{0, 0}}) {
		GreyPlane plane;
		plane.resize(w, h);
		std::fill(plane.pixels.begin(), plane.pixels.end(), uint8_t(99));
		deblurSmear(plane, 8, BlurShape::Horizontal, buffers);
		deblurSmear(plane, 8, BlurShape::Vertical, buffers);
		// Lines too short for the lags measured: no length.
		EXPECT_EQ(estimateSmearLength(plane, BlurShape::Horizontal), 0.0f);
	}
}

// The solver is floating point; the same bits natively and in wasm (this test runs in both) is
// what SmearSolver.h promises: single precision, a fixed order, no fused multiply-add. The hash
// was taken natively (x86-64) on 2026-11-29; a compiler or flag that changes the arithmetic fails
// here before it changes what a camera reads.
TEST(SmearSolver, SameBitsEverywhere)
{
	GreyPlane plane = blurred(modules(200, 120), 0, 8);
	SmearSolverBuffers buffers;
	deblurSmear(plane, 7.75f, BlurShape::Horizontal, buffers);
	deblurSmear(plane, 6.5f, BlurShape::Vertical, buffers);
	uint32_t hash = 2166136261u;
	for (uint8_t p : plane.pixels)
		hash = (hash ^ p) * 16777619u;
	EXPECT_EQ(hash, 2174101068u) << "hash " << hash;
}
