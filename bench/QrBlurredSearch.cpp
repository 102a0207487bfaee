#include "QrBlurredSearch.h"

#include "DegradedStream.h"

#include "qr/BlurredCodeReader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>

using namespace authcore;

namespace {

constexpr int kFrameWidth = 1280;
constexpr int kFrameHeight = 720;
constexpr int kWindow = 256;
constexpr int kOffCentreX = 15; // px: the window is not centred on the code
constexpr int kOffCentreY = -10;

} // namespace

int printBlurredSearch(const std::vector<std::string>& arguments)
{
	std::string name;
	double sigma = -1;
	for (size_t i = 0; i < arguments.size(); ++i) {
		if (arguments[i] == "--sigma") {
			if (i + 1 >= arguments.size())
				throw std::invalid_argument("--sigma needs a value");
			sigma = std::stod(arguments[++i]);
		} else {
			name = arguments[i];
		}
	}
	if (name.empty())
		throw std::invalid_argument("blurred needs a condition");
	const auto& condition = test::degradationCondition(name);
	if (sigma <= 0)
		sigma = condition.degradation.defocusSigma;
	if (sigma <= 0)
		throw std::invalid_argument("the condition has no defocus: give --sigma");
	std::printf("%s, blur assumed sigma %.2f px, one search per frame\n", name.c_str(), sigma);
	for (int index = 0; index < test::kScenesPerCondition; ++index) {
		const auto scene = test::degradedScene(condition, index);
		if (scene.pixelsPerModule >= 3)
			continue;
		std::printf("  scene %2d, %.2f px/module:", index, scene.pixelsPerModule);
		for (int f = 0; f < test::kFramesPerStream; ++f) {
			const auto frame = test::renderDegradedGreyFrame(condition, scene, f);
			const int left = std::clamp(int(scene.spec.centerX) + kOffCentreX - kWindow / 2, 0, kFrameWidth - kWindow);
			const int top = std::clamp(int(scene.spec.centerY) + kOffCentreY - kWindow / 2, 0, kFrameHeight - kWindow);
			const ZXing::ImageView window(frame.data() + size_t(top) * kFrameWidth + size_t(left), kWindow, kWindow, ZXing::ImageFormat::Lum,
										  kFrameWidth);
			const auto start = std::chrono::steady_clock::now();
			detail::BlurredCodeSearch search;
			search.start(window, sigma);
			int steps = 0;
			std::optional<ZXing::Barcode> code;
			while (search.active() && !code) {
				code = search.resume(1);
				++steps;
			}
			const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
			const char* verdict = !code ? "-" : code->text() == scene.text ? "read" : "WRONG";
			std::printf(" %s %d/%.1fms", verdict, steps, ms);
		}
		std::printf("\n");
	}
	return 0;
}
