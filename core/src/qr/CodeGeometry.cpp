// ZXing's version table (alignment pattern positions) needs ZXING_INTERNAL, as in ModuleReader.cpp.
#define ZXING_INTERNAL

#include "CodeGeometry.h"

#include <qrcode/QRVersion.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace authcore::detail {

PicturePoint toPicture(const CodeGrid& g, double u, double v)
{
	const double w = 1 + g[6] * u + g[7] * v;
	return {(g[0] + g[1] * u + g[2] * v) / w, (g[3] + g[4] * u + g[5] * v) / w};
}

double sampleGrey(const ZXing::ImageView& grey, PicturePoint p)
{
	const double x = p.x - 0.5, y = p.y - 0.5;
	const int xi = std::clamp(int(std::floor(x)), 0, grey.width() - 2), yi = std::clamp(int(std::floor(y)), 0, grey.height() - 2);
	const double fx = std::clamp(x - xi, 0.0, 1.0), fy = std::clamp(y - yi, 0.0, 1.0);
	const uint8_t* a = grey.data(xi, yi);
	const uint8_t* b = grey.data(xi, yi + 1);
	const int step = grey.pixStride();
	return (a[0] * (1 - fx) + a[step] * fx) * (1 - fy) + (b[0] * (1 - fx) + b[step] * fx) * fy;
}

FixedModule fixedModule(int size, int a, int b)
{
	if (a < 0 || b < 0 || a >= size || b >= size)
		return FixedModule::Light;
	auto finder = [&](int left, int top) {
		const int dx = a - left, dy = b - top;
		if (dx < -1 || dy < -1 || dx > 7 || dy > 7)
			return FixedModule::Data;
		const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
		return ring == 2 || ring == 4 ? FixedModule::Light : FixedModule::Dark;
	};
	for (auto [left, top] : {std::pair{0, 0}, {size - 7, 0}, {0, size - 7}})
		if (const auto f = finder(left, top); f != FixedModule::Data)
			return f;
	if (b == 6 && a >= 8 && a < size - 8)
		return a % 2 == 0 ? FixedModule::Dark : FixedModule::Light;
	if (a == 6 && b >= 8 && b < size - 8)
		return b % 2 == 0 ? FixedModule::Dark : FixedModule::Light;
	const int version = (size - 17) / 4;
	if (const auto* v = version >= 2 ? ZXing::QRCode::Version::Model2(version) : nullptr) {
		const auto& centres = v->alignmentPatternCenters();
		for (int cy : centres)
			for (int cx : centres) {
				const bool onFinder = (cx < 9 && cy < 9) || (cx < 9 && cy > size - 10) || (cx > size - 10 && cy < 9);
				if (onFinder || std::abs(a - cx) > 2 || std::abs(b - cy) > 2)
					continue;
				return std::max(std::abs(a - cx), std::abs(b - cy)) == 1 ? FixedModule::Light : FixedModule::Dark;
			}
	}
	return FixedModule::Data;
}

std::vector<KnownModule> knownModules(int size, int quietZone)
{
	std::vector<KnownModule> known;
	for (int b = -quietZone; b < size + quietZone; ++b)
		for (int a = -quietZone; a < size + quietZone; ++a)
			if (const FixedModule f = fixedModule(size, a, b); f != FixedModule::Data)
				known.push_back({a, b, f == FixedModule::Dark});
	return known;
}

} // namespace authcore::detail
