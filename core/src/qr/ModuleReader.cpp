// ZXing's internal headers (finder patterns, grid sampling, the QR decoder) need ZXING_INTERNAL,
// as ZXing's own sources define it; it only adds member functions, so the layouts agree.
#define ZXING_INTERNAL

#include "ModuleReader.h"

#include "CodeGeometry.h"

#include "authcore/SecureWipe.h"

#include <BarcodeData.h>
#include <BitMatrix.h>
#include <DecoderResult.h>
#include <DetectorResult.h>
#include <PerspectiveTransform.h>
#include <qrcode/QRDecoder.h>
#include <qrcode/QRDetector.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace authcore::detail {

namespace {

// Finder-pattern sets tried, and grids per set: ZXing's reader gives up on these pictures, so
// its first guesses are the likely ones; more would only cost.
constexpr int kMaxSets = 2;
constexpr int kMaxGridsPerSet = 2;
// The corners move by these fractions of a module, largest first, each until no move helps (at
// most kMaxMovesPerStep rounds of the 16 moves).
constexpr std::array<double, 4> kCornerSteps = {0.4, 0.2, 0.1, 0.05};
constexpr int kMaxMovesPerStep = 3;
// The coarse steps (this fraction of a module and more) judge a grid by every kCoarseStride-th
// known module: moves of a fifth of a module or more show in half of the ~400 as well (the set
// reads the same codes), and those steps cost half as much (the fit is most of reading by modules).
constexpr double kCoarseStep = 0.2;
constexpr size_t kCoarseStride = 2;
constexpr int kLocalReach = 4;        // the local mean's window: 9 x 9 modules
constexpr int kEqualizingRounds = 4;
constexpr int kFeatures = 5;          // constant, own colour, side neighbours, corner neighbours, local mean

double sample(const ZXing::ImageView& grey, ZXing::PointF p)
{
	return sampleGrey(grey, {p.x, p.y});
}

using Corners = std::array<ZXing::PointF, 4>; // top left, top right, bottom right, bottom left

ZXing::PerspectiveTransform moduleToPicture(int size, const Corners& c)
{
	const double s = size;
	return {ZXing::QuadrilateralF{ZXing::PointF(0, 0), ZXing::PointF(s, 0), ZXing::PointF(s, s), ZXing::PointF(0, s)},
			ZXing::QuadrilateralF{c[0], c[1], c[2], c[3]}};
}

// How well a grid fits: the mean grey of the modules known to be light less that of the dark ones.
double contrast(const ZXing::ImageView& grey, const ZXing::PerspectiveTransform& grid, const std::vector<KnownModule>& known, size_t stride = 1)
{
	double light = 0, dark = 0;
	int lightCount = 0, darkCount = 0;
	for (size_t i = 0; i < known.size(); i += stride) {
		const auto& m = known[i];
		const double v = sample(grey, grid(ZXing::PointF(m.a + 0.5, m.b + 0.5)));
		if (m.dark) {
			dark += v;
			++darkCount;
		} else {
			light += v;
			++lightCount;
		}
	}
	return light / std::max(lightCount, 1) - dark / std::max(darkCount, 1);
}

// Moves the corners to the grid of the code itself (step 2 of ModuleReader.h).
void fitCorners(const ZXing::ImageView& grey, int size, Corners& corners, const std::vector<KnownModule>& known)
{
	const double module = std::sqrt(std::abs((corners[1].x - corners[0].x) * (corners[3].y - corners[0].y)
											 - (corners[1].y - corners[0].y) * (corners[3].x - corners[0].x)))
						  / size;
	double best = 0;
	size_t stride = 0;
	for (double fraction : kCornerSteps) {
		const double step = fraction * module;
		const size_t strideNow = fraction >= kCoarseStep ? kCoarseStride : 1;
		if (strideNow != stride) {
			stride = strideNow;
			best = contrast(grey, moduleToPicture(size, corners), known, stride);
		}
		for (int round = 0; round < kMaxMovesPerStep; ++round) {
			bool moved = false;
			for (auto& corner : corners)
				for (double* axis : {&corner.x, &corner.y})
					for (double direction : {-1.0, 1.0}) {
						const double before = *axis;
						*axis += direction * step;
						const double score = contrast(grey, moduleToPicture(size, corners), known, stride);
						if (score > best) {
							best = score;
							moved = true;
							break; // the other way only goes back to where it was worse
						}
						*axis = before;
					}
			if (!moved)
				break;
		}
	}
}

// Solves the 5 x 5 normal equations (Gaussian elimination, partial pivoting); false when singular.
bool solve(std::array<std::array<double, kFeatures + 1>, kFeatures>& m, std::array<double, kFeatures>& out)
{
	for (int p = 0; p < kFeatures; ++p) {
		int pivot = p;
		for (int r = p + 1; r < kFeatures; ++r)
			if (std::abs(m[size_t(r)][size_t(p)]) > std::abs(m[size_t(pivot)][size_t(p)]))
				pivot = r;
		if (std::abs(m[size_t(pivot)][size_t(p)]) < 1e-9)
			return false;
		std::swap(m[size_t(p)], m[size_t(pivot)]);
		for (int r = 0; r < kFeatures; ++r) {
			if (r == p)
				continue;
			const double f = m[size_t(r)][size_t(p)] / m[size_t(p)][size_t(p)];
			for (int c = p; c <= kFeatures; ++c)
				m[size_t(r)][size_t(c)] -= f * m[size_t(p)][size_t(c)];
		}
	}
	for (int p = 0; p < kFeatures; ++p)
		out[size_t(p)] = m[size_t(p)][kFeatures] / m[size_t(p)][size_t(p)];
	return true;
}

class ModuleGrid
{
public:
	ModuleGrid(const ZXing::ImageView& grey, int size, const ZXing::PerspectiveTransform& grid) : _size(size), _grey(cells()), _mean(cells())
	{
		for (int y = 0; y < size; ++y)
			for (int x = 0; x < size; ++x)
				_grey[at(x, y)] = sample(grey, grid(ZXing::PointF(x + 0.5, y + 0.5)));
		for (int y = 0; y < size; ++y)
			for (int x = 0; x < size; ++x) {
				double sum = 0;
				int count = 0;
				for (int yy = std::max(0, y - kLocalReach); yy <= std::min(size - 1, y + kLocalReach); ++yy)
					for (int xx = std::max(0, x - kLocalReach); xx <= std::min(size - 1, x + kLocalReach); ++xx) {
						sum += _grey[at(xx, yy)];
						++count;
					}
				_mean[at(x, y)] = sum / count;
			}
	}

	ModuleGrid(const ModuleGrid&) = delete;
	ModuleGrid& operator=(const ModuleGrid&) = delete;
	~ModuleGrid()
	{
		secureWipe(_grey);
		secureWipe(_mean);
	}

	/// Step 3: each module against the mean around it.
	ZXing::BitMatrix againstLocalMean() const
	{
		ZXing::BitMatrix bits(_size, _size);
		for (int y = 0; y < _size; ++y)
			for (int x = 0; x < _size; ++x)
				if (_grey[at(x, y)] <= _mean[at(x, y)])
					bits.set(x, y);
		return bits;
	}

	/// Step 4, one round: fits the leakage model to the decisions in `bits` and decides again.
	/// False when the model cannot be fitted (or says dark is not darker).
	bool equalize(ZXing::BitMatrix& bits) const
	{
		std::array<std::array<double, kFeatures + 1>, kFeatures> normal{};
		for (int y = 0; y < _size; ++y)
			for (int x = 0; x < _size; ++x) {
				const auto f = features(bits, x, y);
				for (int a = 0; a < kFeatures; ++a) {
					normal[size_t(a)][kFeatures] += f[size_t(a)] * _grey[at(x, y)];
					for (int b = 0; b < kFeatures; ++b)
						normal[size_t(a)][size_t(b)] += f[size_t(a)] * f[size_t(b)];
				}
			}
		std::array<double, kFeatures> w{};
		if (!solve(normal, w) || w[1] >= 0)
			return false;
		ZXing::BitMatrix next(_size, _size);
		for (int y = 0; y < _size; ++y)
			for (int x = 0; x < _size; ++x) {
				auto f = features(bits, x, y);
				f[1] = 0;
				double lightLevel = 0;
				for (int a = 0; a < kFeatures; ++a)
					lightLevel += w[size_t(a)] * f[size_t(a)];
				// Dark when nearer the level of a dark module there than that of a light one.
				if (_grey[at(x, y)] < lightLevel + w[1] / 2)
					next.set(x, y);
			}
		bits = std::move(next);
		return true;
	}

private:
	size_t cells() const { return size_t(_size) * size_t(_size); }
	size_t at(int x, int y) const { return size_t(y) * size_t(_size) + size_t(x); }

	std::array<double, kFeatures> features(const ZXing::BitMatrix& bits, int x, int y) const
	{
		auto dark = [&](int xx, int yy) { return xx >= 0 && yy >= 0 && xx < _size && yy < _size && bits.get(xx, yy) ? 1.0 : 0.0; };
		return {1.0, dark(x, y), dark(x - 1, y) + dark(x + 1, y) + dark(x, y - 1) + dark(x, y + 1),
				dark(x - 1, y - 1) + dark(x + 1, y - 1) + dark(x - 1, y + 1) + dark(x + 1, y + 1), _mean[at(x, y)]};
	}

	int _size;
	// The code's picture, module by module: wiped when done with, as the planes of GreyPlane.h are.
	std::vector<double> _grey; // each module's grey level at its centre
	std::vector<double> _mean; // the mean of the 9 x 9 modules around it
};

std::optional<ZXing::Barcode> decoded(ZXing::BitMatrix&& bits, const Corners& corners)
{
	auto result = ZXing::QRCode::Decode(bits);
	if (!result.isValid())
		return std::nullopt;
	auto corner = [](ZXing::PointF p) { return ZXing::PointI(int(std::lround(p.x)), int(std::lround(p.y))); };
	ZXing::DetectorResult where(std::move(bits), ZXing::QuadrilateralI{corner(corners[0]), corner(corners[1]), corner(corners[2]), corner(corners[3])});
	return ZXing::Barcode(ZXing::MatrixBarcode(std::move(result), std::move(where), ZXing::BarcodeFormat::QRCode));
}

} // namespace

std::optional<ZXing::Barcode> readByModules(const ZXing::ImageView& grey, uint8_t threshold)
{
	if (grey.width() < 21 || grey.height() < 21)
		return std::nullopt;
	ZXing::BitMatrix bits(grey.width(), grey.height());
	for (int y = 0; y < grey.height(); ++y) {
		const uint8_t* row = grey.data(0, y);
		for (int x = 0; x < grey.width(); ++x)
			if (row[ptrdiff_t(x) * grey.pixStride()] <= threshold)
				bits.set(x, y);
	}
	auto found = ZXing::QRCode::FindFinderPatterns(bits, true);
	auto sets = ZXing::QRCode::GenerateFinderPatternSets(found);
	int setsTried = 0;
	for (const auto& set : sets) {
		if (setsTried++ >= kMaxSets)
			break;
		int grids = 0;
		for (auto&& proposed : ZXing::QRCode::SampleQR(bits, set)) {
			if (grids++ >= kMaxGridsPerSet)
				break;
			if (!proposed.isValid())
				continue;
			const int size = proposed.bits().width();
			if (size < 21 || size != proposed.bits().height())
				continue;
			const auto& q = proposed.position();
			Corners corners = {ZXing::PointF(q[0]), ZXing::PointF(q[1]), ZXing::PointF(q[2]), ZXing::PointF(q[3])};
			const auto known = knownModules(size, 0); // finder patterns with separators, timing and alignment patterns
			fitCorners(grey, size, corners, known);
			const ModuleGrid modules(grey, size, moduleToPicture(size, corners));
			auto read = modules.againstLocalMean();
			if (auto code = decoded(ZXing::BitMatrix(read.copy()), corners))
				return code;
			for (int round = 0; round < kEqualizingRounds && modules.equalize(read); ++round)
				if (auto code = decoded(read.copy(), corners))
					return code;
		}
	}
	return std::nullopt;
}

} // namespace authcore::detail
