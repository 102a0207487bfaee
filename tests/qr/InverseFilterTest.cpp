// The inverse (Wiener) filters of core/src/qr/GreyPlane.h: their fixed taps are what the formula of
// tools/design-inverse-filters.mjs gives, and each undoes most of the blur it is made for.

#include "qr/GreyPlane.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace authcore::detail;

namespace {

// The formula (tools/design-inverse-filters.mjs says why): W(f) = H(f) / (H(f)^2 + lambda) at 256
// frequencies, back by the inverse DFT, 14 taps each way under a raised-cosine taper, scaled to a
// gain of 1, rounded to 1/1024ths, the negligible outer taps (|tap| <= 1) cut, and the centre tap
// set so that the taps add up to exactly 1024 (a flat picture stays as it was).
std::vector<int> designed(bool gaussian, double size, double lambda)
{
	constexpr int n = 256, radius = 14;
	const double pi = 3.14159265358979323846;
	std::vector<double> gain(n);
	for (int k = 0; k < n; ++k) {
		const double f = (k <= n / 2 ? k : k - n) / double(n);
		double h = 0;
		if (gaussian) {
			h = std::exp(-2 * pi * pi * size * size * f * f);
		} else {
			const int reach = (int(size) - 1) / 2 + 1;
			for (int t = -reach; t <= reach; ++t)
				h += std::clamp((size + 1) / 2 - std::abs(t), 0.0, 1.0) * std::cos(2 * pi * f * t);
			h /= size;
		}
		gain[size_t(k)] = h / (h * h + lambda);
	}
	std::vector<double> real;
	double sum = 0;
	for (int t = -radius; t <= radius; ++t) {
		double v = 0;
		for (int k = 0; k < n; ++k)
			v += gain[size_t(k)] * std::cos(2 * pi * k * t / n);
		v = v / n * (0.5 + 0.5 * std::cos(pi * t / (radius + 1)));
		real.push_back(v);
		sum += v;
	}
	std::vector<int> taps;
	for (int t = 0; t <= radius; ++t)
		taps.push_back(int(std::lround(real[size_t(t + radius)] / sum * 1024)));
	while (taps.size() > 1 && std::abs(taps.back()) <= 1)
		taps.pop_back();
	int total = taps[0];
	for (size_t t = 1; t < taps.size(); ++t)
		total += 2 * taps[t];
	taps[0] += 1024 - total;
	return taps;
}

std::vector<int> tapsOf(InverseFilter filter)
{
	auto taps = inverseFilterTaps(filter);
	return {taps.begin(), taps.end()};
}

// A code-like picture: random 3 x 3 px modules at grey 35 and 215.
GreyPlane modules(int w, int h)
{
	GreyPlane plane;
	plane.resize(w, h);
	uint32_t state = 12345;
	std::vector<uint8_t> grid(size_t((w / 3 + 1) * (h / 3 + 1)));
	for (auto& cell : grid) {
		state = state * 1664525u + 1013904223u;
		cell = (state >> 24) & 1 ? 35 : 215;
	}
	for (int y = 0; y < h; ++y)
		for (int x = 0; x < w; ++x)
			plane.row(y)[x] = grid[size_t((y / 3) * (w / 3 + 1) + x / 3)];
	return plane;
}

// `plane` blurred by a Gaussian of `sigma` (rows and columns) or a smear of `length` along rows.
GreyPlane blurred(const GreyPlane& plane, double sigma, double length)
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
	pass(true);
	if (sigma > 0)
		pass(false);
	GreyPlane out = plane;
	for (size_t i = 0; i < a.size(); ++i)
		out.pixels[i] = uint8_t(std::clamp(std::lround(a[i]), 0L, 255L));
	return out;
}

// Mean absolute difference over the picture less a border of 16 px (the edges repeat pixels).
double meanError(const GreyPlane& a, const GreyPlane& b)
{
	double sum = 0;
	int n = 0;
	for (int y = 16; y < a.height - 16; ++y)
		for (int x = 16; x < a.width - 16; ++x, ++n)
			sum += std::abs(int(a.row(y)[x]) - int(b.row(y)[x]));
	return sum / n;
}

} // namespace

TEST(InverseFilter, TapsAreTheFormulas)
{
	EXPECT_EQ(tapsOf(InverseFilter::Defocus16), designed(true, 1.6, 0.01));
	EXPECT_EQ(tapsOf(InverseFilter::Defocus22), designed(true, 2.2, 0.005));
	EXPECT_EQ(tapsOf(InverseFilter::Smear5), designed(false, 5, 0.005));
	EXPECT_EQ(tapsOf(InverseFilter::Smear8), designed(false, 8, 0.005));
}

TEST(InverseFilter, LeavesAFlatPictureAsItWas)
{
	for (auto filter : {InverseFilter::Defocus16, InverseFilter::Defocus22, InverseFilter::Smear5, InverseFilter::Smear8}) {
		GreyPlane plane;
		plane.resize(64, 48);
		std::fill(plane.pixels.begin(), plane.pixels.end(), uint8_t(137));
		SharpenBuffers buffers;
		deconvolve(plane, filter, BlurShape::Vertical, buffers);
		EXPECT_TRUE(std::all_of(plane.pixels.begin(), plane.pixels.end(), [](uint8_t p) { return p == 137; }));
	}
}

TEST(InverseFilter, UndoesMostOfItsBlur)
{
	const GreyPlane sharp = modules(240, 180);
	struct Case
	{
		InverseFilter filter;
		double sigma, length;
		BlurShape along;
	};
	for (const Case& c : {Case{InverseFilter::Defocus16, 1.6, 0, BlurShape::Defocus}, Case{InverseFilter::Defocus22, 2.2, 0, BlurShape::Defocus},
						  Case{InverseFilter::Smear5, 0, 5, BlurShape::Horizontal}, Case{InverseFilter::Smear8, 0, 8, BlurShape::Horizontal}}) {
		const GreyPlane blur = blurred(sharp, c.sigma, c.length);
		GreyPlane restored = blur;
		SharpenBuffers buffers;
		deconvolve(restored, c.filter, c.along, buffers);
		const double before = meanError(blur, sharp), after = meanError(restored, sharp);
		EXPECT_LT(after, before * 0.75) << "filter " << int(c.filter) << ": error " << before << " -> " << after;
		// Along the other axis a smear filter must not apply: a picture smeared along rows and
		// filtered along columns stays as blurred as it was.
		if (c.length > 0) {
			GreyPlane wrongAxis = blur;
			deconvolve(wrongAxis, c.filter, BlurShape::Vertical, buffers);
			EXPECT_GT(meanError(wrongAxis, sharp), before * 0.9);
		}
	}
}
