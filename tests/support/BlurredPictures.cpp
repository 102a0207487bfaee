#include "BlurredPictures.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace authcore::test {

using detail::GreyPlane;

GreyPlane modules(int w, int h, int moduleSize)
{
	GreyPlane plane;
	plane.resize(w, h);
	uint32_t state = 12345;
	std::vector<uint8_t> grid(size_t((w / moduleSize + 1) * (h / moduleSize + 1)));
	for (auto& cell : grid) {
		state = state * 1664525u + 1013904223u;
		cell = (state >> 24) & 1 ? 35 : 215;
	}
	for (int y = 0; y < h; ++y)
		for (int x = 0; x < w; ++x)
			plane.row(y)[x] = grid[size_t((y / moduleSize) * (w / moduleSize + 1) + x / moduleSize)];
	return plane;
}

GreyPlane blurred(const GreyPlane& plane, double sigma, double length, bool alongColumns)
{
	std::vector<double> kernel;
	if (sigma > 0) {
		const int r = int(std::ceil(3 * sigma));
		double total = 0;
		for (int t = -r; t <= r; ++t)
			total += kernel.emplace_back(std::exp(-t * t / (2 * sigma * sigma)));
		for (auto& v : kernel)
			v /= total;
	} else {
		const int r = int(std::ceil((length - 1) / 2));
		for (int t = -r; t <= r; ++t)
			kernel.push_back(std::clamp((length + 1) / 2 - std::abs(t), 0.0, 1.0) / length);
	}
	const int r = int(kernel.size() / 2), w = plane.width, h = plane.height;
	std::vector<double> a(plane.pixels.begin(), plane.pixels.end()), b(a.size());
	auto pass = [&](bool rows) {
		for (int y = 0; y < h; ++y)
			for (int x = 0; x < w; ++x) {
				double acc = 0;
				for (int t = -r; t <= r; ++t) {
					const int xx = rows ? std::clamp(x + t, 0, w - 1) : x, yy = rows ? y : std::clamp(y + t, 0, h - 1);
					acc += kernel[size_t(t + r)] * a[size_t(yy * w + xx)];
				}
				b[size_t(y * w + x)] = acc;
			}
		a.swap(b);
	};
	pass(sigma > 0 || !alongColumns);
	if (sigma > 0)
		pass(false);
	GreyPlane out = plane;
	for (size_t i = 0; i < a.size(); ++i)
		out.pixels[i] = uint8_t(std::clamp(std::lround(a[i]), 0L, 255L));
	return out;
}

double meanError(const GreyPlane& a, const GreyPlane& b)
{
	double sum = 0;
	int n = 0;
	for (int y = 16; y < a.height - 16; ++y)
		for (int x = 16; x < a.width - 16; ++x, ++n)
			sum += std::abs(int(a.row(y)[x]) - int(b.row(y)[x]));
	return sum / n;
}

} // namespace authcore::test
