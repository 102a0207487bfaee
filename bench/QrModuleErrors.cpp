#include "QrModuleErrors.h"

#include "DegradedStream.h"
#include "ModuleErrors.h"

#include "qr/GreyPlane.h"
#include "qr/SmearSolver.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <utility>

using namespace authcore;
using authcore::detail::BlurShape;
using authcore::detail::GreyPlane;

namespace {

struct Restoration
{
	const char* name;
	std::function<void(GreyPlane&)> apply;
};

// Along the longer of the two smears measured (the set's motion is along rows).
BlurShape longerSmear(const GreyPlane& plane)
{
	return detail::estimateSmearLength(plane, BlurShape::Horizontal) >= detail::estimateSmearLength(plane, BlurShape::Vertical) ? BlurShape::Horizontal : BlurShape::Vertical;
}

// The restorations of core/src/qr/QrRecovery.cpp's attempts, without enlarging (the module
// centres are read bilinearly, which is what enlarging does for ZXing's sampling).
std::vector<Restoration> restorations()
{
	auto sharpenBuffers = std::make_shared<detail::SharpenBuffers>();
	auto solverBuffers = std::make_shared<detail::SmearSolverBuffers>();
	return {
		{"received", [](GreyPlane&) {}},
		{"sharpened", [=](GreyPlane& p) { detail::sharpen(p, BlurShape::Defocus, 7, 16, 3, *sharpenBuffers); }},
		{"wiener_1.6", [=](GreyPlane& p) { detail::deconvolve(p, detail::InverseFilter::Defocus16, BlurShape::Defocus, *sharpenBuffers); }},
		{"wiener_2.2", [=](GreyPlane& p) { detail::deconvolve(p, detail::InverseFilter::Defocus22, BlurShape::Defocus, *sharpenBuffers); }},
		{"wiener_smear5", [=](GreyPlane& p) { detail::deconvolve(p, detail::InverseFilter::Smear5, longerSmear(p), *sharpenBuffers); }},
		{"solved", [=](GreyPlane& p) {
			 // Only a long smear (6.5 px) 2 px longer than across, as QrRecovery.cpp's longSmear()
			 // asks (a lens out of focus blurs both ways alike).
			 const float rows = detail::estimateSmearLength(p, BlurShape::Horizontal);
			 const float columns = detail::estimateSmearLength(p, BlurShape::Vertical);
			 if (std::max(rows, columns) >= 6.5f && std::abs(rows - columns) >= 2)
				 detail::deblurSmear(p, std::max(rows, columns), rows >= columns ? BlurShape::Horizontal : BlurShape::Vertical, *solverBuffers);
		 }},
	};
}

} // namespace

int printModuleErrors(const std::vector<std::string>& arguments)
{
	// --fused: the sensor noise halved, as an average of 4 frames aligned exactly would leave it
	// (the recovery's fused attempts); the JPEG step then sees less noise than it would.
	const bool fused = !arguments.empty() && arguments.front() == "--fused";
	std::vector<test::DegradationCondition> conditions;
	for (size_t i = fused ? 1 : 0; i < arguments.size(); ++i)
		conditions.push_back(test::degradationCondition(arguments[i]));
	if (conditions.empty())
		conditions = test::degradationConditions();
	const auto kinds = restorations();
	std::printf("modules wrong, %% (best single threshold / 9x9-module local mean), frame 0%s\n", fused ? ", noise halved" : "");
	for (auto condition : conditions) {
		if (fused)
			condition.degradation.noiseSigma /= 2;
		std::printf("%-14s  px/mod", condition.name.c_str());
		for (const auto& kind : kinds)
			std::printf(" %13s", kind.name);
		std::printf("\n");
		for (int index = 0; index < test::kScenesPerCondition; ++index) {
			const auto scene = test::degradedScene(condition, index);
			const auto frame = test::renderDegradedGreyFrame(condition, scene, 0);
			const auto place = test::codeSquare(scene);
			std::printf("  scene %2d  %6.2f", index, scene.pixelsPerModule);
			for (const auto& kind : kinds) {
				GreyPlane plane = test::cutOut(frame, place);
				kind.apply(plane);
				const auto errors = test::moduleErrors(plane, place, scene);
				std::printf("   %5.1f /%5.1f", 100 * errors.bestGlobal, 100 * errors.localMean);
			}
			std::printf("\n");
		}
	}
	return 0;
}
