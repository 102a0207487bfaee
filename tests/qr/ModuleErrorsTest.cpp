// The measure behind docs/qr-scanning.md's "What the restorations leave" (tests/support/ModuleErrors.h):
// it must find no wrong module in a clean picture, many in a misplaced one, and it backs the
// claim that the smear solver leaves a 2.5 px code under motion 8 readable in principle.

#include "DegradedStream.h"
#include "ModuleErrors.h"

#include "qr/SmearSolver.h"

#include <gtest/gtest.h>

using namespace authcore;

TEST(ModuleErrors, CleanCodesAreRightAtEveryModuleCentre)
{
	const auto& clean = test::degradationCondition("clean");
	for (int index : {0, 3}) { // 2 and 2.5 px per module: the centres must be exact
		const auto scene = test::degradedScene(clean, index);
		const auto place = test::codeSquare(scene);
		const auto errors = test::moduleErrors(test::cutOut(test::renderDegradedGreyFrame(clean, scene, 0), place), place, scene);
		EXPECT_GT(errors.modules, 40 * 40) << index;
		EXPECT_EQ(errors.bestGlobal, 0) << index;
		// The local mean may be fooled where dark runs fill most of the window: a module or two.
		EXPECT_LT(errors.localMean, 0.002) << index;
	}
}

TEST(ModuleErrors, AGridOffByAModuleIsWrongOften)
{
	const auto& clean = test::degradationCondition("clean");
	const auto scene = test::degradedScene(clean, 3);
	auto place = test::codeSquare(scene);
	const auto picture = test::cutOut(test::renderDegradedGreyFrame(clean, scene, 0), place);
	place.left += 3; // the picture is said to start 3 px (more than a module) further right
	const auto errors = test::moduleErrors(picture, place, scene);
	EXPECT_GT(errors.bestGlobal, 0.2);
	EXPECT_GT(errors.localMean, 0.2);
}

TEST(ModuleErrors, SolvingAnEightPixelSmearLeavesASmallCodeReadableInPrinciple)
{
	const auto& motion = test::degradationCondition("motion_8");
	const auto scene = test::degradedScene(motion, 3);
	ASSERT_EQ(scene.pixelsPerModule, 2.5);
	const auto place = test::codeSquare(scene);
	auto picture = test::cutOut(test::renderDegradedGreyFrame(motion, scene, 0), place);
	EXPECT_GT(test::moduleErrors(picture, place, scene).localMean, 0.15);
	detail::SmearSolverBuffers buffers;
	const float length = detail::estimateSmearLength(picture, detail::BlurShape::Horizontal);
	EXPECT_NEAR(length, 8, 0.5);
	detail::deblurSmear(picture, length, detail::BlurShape::Horizontal, buffers);
	EXPECT_LT(test::moduleErrors(picture, place, scene).localMean, 0.02);
}
