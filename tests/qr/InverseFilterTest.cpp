// The inverse (Wiener) filters of core/src/qr/GreyPlane.h: their fixed taps are what the formula of
// tools/design-inverse-filters.mjs gives, and each undoes most of the blur it is made for.

#include "BlurredPictures.h"
#include "qr/GreyPlane.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace authcore::detail;
using authcore::test::blurred;
using authcore::test::meanError;
using authcore::test::modules;

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

} // namespace

TEST(InverseFilter, TapsAreTheFormulas)
{
	EXPECT_EQ(tapsOf(InverseFilter::Defocus16), designed(true, 1.6, 0.01));
	EXPECT_EQ(tapsOf(InverseFilter::Defocus22), designed(true, 2.2, 0.005));
	EXPECT_EQ(tapsOf(InverseFilter::Smear5), designed(false, 5, 0.005));
}

TEST(InverseFilter, LeavesAFlatPictureAsItWas)
{
	for (auto filter : {InverseFilter::Defocus16, InverseFilter::Defocus22, InverseFilter::Smear5}) {
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
						  Case{InverseFilter::Smear5, 0, 5, BlurShape::Horizontal}}) {
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
