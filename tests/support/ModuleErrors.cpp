#include "ModuleErrors.h"

#include "SyntheticFrame.h"

#include "authcore/qr/QrEncoder.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace authcore::test {

namespace {

constexpr int kQuietZone = 4;    // the set's codes: encodeQr(..., margin 4) at 1 px per module
constexpr int kLocalReach = 4;   // the local mean's window: 2 * 4 + 1 modules square

// Bilinear, at a continuous position where pixel (x, y) covers [x, x + 1).
double sample(const authcore::detail::GreyPlane& plane, double x, double y)
{
	x -= 0.5;
	y -= 0.5;
	const int xi = std::clamp(int(std::floor(x)), 0, plane.width - 2), yi = std::clamp(int(std::floor(y)), 0, plane.height - 2);
	const double fx = std::clamp(x - xi, 0.0, 1.0), fy = std::clamp(y - yi, 0.0, 1.0);
	const uint8_t* a = plane.row(yi);
	const uint8_t* b = plane.row(yi + 1);
	return (a[xi] * (1 - fx) + a[xi + 1] * fx) * (1 - fy) + (b[xi] * (1 - fx) + b[xi + 1] * fx) * fy;
}

} // namespace

authcore::detail::PixelRect codeSquare(const DegradedScene& scene)
{
	// A version 8 code with its quiet zone is 57 modules; turned 45 degrees and tilted it reaches
	// about 0.75 of that from its centre.
	const int reach = int(std::ceil(0.75 * 57 * scene.pixelsPerModule)) + 8;
	const int left = std::max(0, int(scene.spec.centerX) - reach), top = std::max(0, int(scene.spec.centerY) - reach);
	return authcore::detail::PixelRect{left, top, 2 * reach, 2 * reach}.clippedTo(scene.spec.width, scene.spec.height);
}

authcore::detail::GreyPlane cutOut(const std::vector<uint8_t>& frame, const authcore::detail::PixelRect& place)
{
	authcore::detail::GreyPlane plane;
	plane.resize(place.width, place.height);
	for (int y = 0; y < place.height; ++y)
		for (int x = 0; x < place.width; ++x)
			plane.row(y)[x] = frame[size_t(place.top + y) * 1280 + size_t(place.left + x)];
	return plane;
}

ModuleErrors moduleErrors(const authcore::detail::GreyPlane& restored, const authcore::detail::PixelRect& place, const DegradedScene& scene)
{
	const GreyImage code = encodeQr(scene.text, {.scale = 1, .margin = kQuietZone});
	// The renderer's map (SyntheticFrame.h): code pixel (i, j) covers [i, i + 1) of the unit
	// square scaled by the code's size, carried to the frame by the homography of its corners.
	const auto toFrame = detail::squareToQuad(codeCorners(code, scene.spec));
	const int n = code.width - 2 * kQuietZone;
	std::vector<double> grey(size_t(n) * size_t(n));
	std::vector<bool> dark(grey.size());
	for (int j = 0; j < n; ++j)
		for (int i = 0; i < n; ++i) {
			const double u = (i + kQuietZone + 0.5) / code.width, v = (j + kQuietZone + 0.5) / code.height;
			const double d = toFrame[6] * u + toFrame[7] * v + toFrame[8];
			const double x = (toFrame[0] * u + toFrame[1] * v + toFrame[2]) / d - place.left;
			const double y = (toFrame[3] * u + toFrame[4] * v + toFrame[5]) / d - place.top;
			grey[size_t(j) * size_t(n) + size_t(i)] = sample(restored, x, y);
			dark[size_t(j) * size_t(n) + size_t(i)] = code.pixels[size_t(j + kQuietZone) * size_t(code.width) + size_t(i + kQuietZone)] < 128;
		}

	ModuleErrors result;
	result.modules = n * n;
	int fewest = result.modules + 1;
	for (int threshold = 0; threshold < 256; ++threshold) {
		int wrong = 0;
		for (size_t k = 0; k < grey.size(); ++k)
			wrong += (grey[k] <= threshold) != dark[k];
		if (wrong < fewest) {
			fewest = wrong;
			result.bestThreshold = threshold;
		}
	}
	result.bestGlobal = double(fewest) / result.modules;

	int wrong = 0;
	for (int j = 0; j < n; ++j)
		for (int i = 0; i < n; ++i) {
			double sum = 0;
			int count = 0;
			for (int jj = std::max(0, j - kLocalReach); jj <= std::min(n - 1, j + kLocalReach); ++jj)
				for (int ii = std::max(0, i - kLocalReach); ii <= std::min(n - 1, i + kLocalReach); ++ii) {
					sum += grey[size_t(jj) * size_t(n) + size_t(ii)];
					++count;
				}
			const size_t k = size_t(j) * size_t(n) + size_t(i);
			wrong += (grey[k] <= sum / count) != dark[k];
		}
	result.localMean = double(wrong) / result.modules;
	return result;
}

} // namespace authcore::test
