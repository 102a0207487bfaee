// ZXing's decoder and version table need ZXING_INTERNAL, as in ModuleReader.cpp.
#define ZXING_INTERNAL

#include "BlurredCodeReader.h"

#include "CodePictureModel.h"

#include "authcore/SecureWipe.h"

#include <BarcodeData.h>
#include <BitMatrix.h>
#include <DecoderResult.h>
#include <DetectorResult.h>
#include <qrcode/QRDecoder.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace authcore::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMinModule = 2.1;  // smaller codes come out too wrong to read (2 px: ~16 % of modules)
constexpr double kMaxModule = 2.95; // larger ones are read by the other passes
constexpr double kTemplateModule = 2.5; // px: the finder template's module (its correlation tolerates the range)
constexpr int kMaxVersion = 10;
constexpr int kPeaks = 30;
constexpr double kMinPeakScore = 0.3;
constexpr double kMinThirdScore = 0.25;
constexpr int kThirdSearch = 3;     // half-resolution pixels around where the third pattern should be
constexpr int kGridsSolved = 3;
constexpr int kFixedAlignRounds = 8;
constexpr int kSolveIterations = 300;
constexpr int kFirstDecode = 100;
constexpr int kDecodeEvery = 50;
constexpr int kAlignRounds = 3;
constexpr int kMoreIterations = 150;

// The picture at half resolution (means of 2 x 2 pixels): the blur has nothing finer.
struct HalfPicture
{
	int width = 0;
	int height = 0;
	std::vector<double> grey;

	explicit HalfPicture(const ZXing::ImageView& picture) : width(picture.width() / 2), height(picture.height() / 2)
	{
		grey.resize(size_t(width) * size_t(height));
		for (int y = 0; y < height; ++y)
			for (int x = 0; x < width; ++x) {
				const uint8_t* a = picture.data(2 * x, 2 * y);
				const uint8_t* b = picture.data(2 * x, 2 * y + 1);
				const int step = picture.pixStride();
				grey[size_t(y) * size_t(width) + size_t(x)] = (a[0] + a[step] + b[0] + b[step]) / 4.0;
			}
	}
	~HalfPicture() { secureWipe(grey); }
	HalfPicture(const HalfPicture&) = delete;
	HalfPicture& operator=(const HalfPicture&) = delete;
	double at(int x, int y) const { return grey[size_t(y) * size_t(width) + size_t(x)]; }
};

struct Offset
{
	int dx;
	int dy;
};

// A finder pattern with its separator as the picture would show it, in darkness (0 light, 1 dark),
// less its mean, at half-resolution offsets from its centre; modules beyond the separator count half.
struct FinderTemplate
{
	std::vector<Offset> offsets;
	std::vector<double> values;
	double norm = 0;
};

// moduleKernel() tabulated every 1/kKernelTableSteps module over [-kKernelTableReach, kKernelTableReach]
// and interpolated: a template needs it at ~17,000 points per angle.
constexpr int kKernelTableSteps = 32;
constexpr int kKernelTableReach = 8;

class KernelTable
{
public:
	explicit KernelTable(double sigma)
	{
		_values.resize(size_t(2 * kKernelTableReach * kKernelTableSteps + 2));
		for (size_t i = 0; i < _values.size(); ++i)
			_values[i] = moduleKernel(double(i) / kKernelTableSteps - kKernelTableReach, sigma);
	}
	double operator()(double t) const
	{
		const double x = std::clamp((t + kKernelTableReach) * kKernelTableSteps, 0.0, double(_values.size() - 2));
		const auto i = size_t(x);
		const double f = x - double(i);
		return _values[i] * (1 - f) + _values[i + 1] * f;
	}

private:
	std::vector<double> _values;
};

FinderTemplate finderTemplate(double angle, double moduleHalfPx, double sigmaInModules, const KernelTable& kernel)
{
	FinderTemplate t;
	const double reach = 4.5 + 1.5 * sigmaInModules; // modules from the centre, Chebyshev
	const int radius = int(std::ceil(reach * std::sqrt(2.0) * moduleHalfPx));
	const double c = std::cos(angle), s = std::sin(angle);
	for (int dy = -radius; dy <= radius; ++dy)
		for (int dx = -radius; dx <= radius; ++dx) {
			const double u = (dx * c + dy * s) / moduleHalfPx, v = (-dx * s + dy * c) / moduleHalfPx;
			if (std::max(std::abs(u), std::abs(v)) > reach)
				continue;
			double value = 0, covered = 0;
			for (int b = -4; b <= 4; ++b)
				for (int a = -4; a <= 4; ++a) {
					const int ring = std::max(std::abs(a), std::abs(b));
					const double w = kernel(u - a) * kernel(v - b);
					value += (ring == 2 || ring == 4 ? 0 : 1) * w;
					covered += w;
				}
			t.offsets.push_back({dx, dy});
			t.values.push_back(value + 0.5 * (1 - covered));
		}
	double mean = 0;
	for (double v : t.values)
		mean += v;
	mean /= double(t.values.size());
	for (double& v : t.values) {
		v -= mean;
		t.norm += v * v;
	}
	t.norm = std::sqrt(t.norm);
	return t;
}

// Per half-resolution pixel, the best correlation of its surroundings' darkness with a finder
// pattern's, over the templates (-1 where a template does not fit).
std::vector<double> finderScores(const HalfPicture& half, double blurSigma)
{
	std::vector<double> scores(half.grey.size(), -1);
	const double moduleHalfPx = kTemplateModule / 2;
	const KernelTable kernel(blurSigma / kTemplateModule);
	for (double angle : {0.0, kPi / 6, kPi / 3}) {
		const FinderTemplate t = finderTemplate(angle, moduleHalfPx, blurSigma / kTemplateModule, kernel);
		int radius = 0;
		for (const auto& o : t.offsets)
			radius = std::max({radius, std::abs(o.dx), std::abs(o.dy)});
		const double count = double(t.values.size());
		for (int y = radius; y < half.height - radius; ++y)
			for (int x = radius; x < half.width - radius; ++x) {
				double cross = 0, sum = 0, squares = 0;
				for (size_t i = 0; i < t.values.size(); ++i) {
					const double darkness = -half.at(x + t.offsets[i].dx, y + t.offsets[i].dy);
					cross += t.values[i] * darkness;
					sum += darkness;
					squares += darkness * darkness;
				}
				const double variance = squares - sum * sum / count;
				if (variance > 0) {
					double& best = scores[size_t(y) * size_t(half.width) + size_t(x)];
					best = std::max(best, cross / (t.norm * std::sqrt(variance)));
				}
			}
	}
	return scores;
}

struct Peak
{
	double x; // full-resolution pixels
	double y;
	double score;
};

std::vector<Peak> strongestPeaks(const HalfPicture& half, const std::vector<double>& scores)
{
	std::vector<Peak> peaks;
	auto score = [&](int x, int y) { return scores[size_t(y) * size_t(half.width) + size_t(x)]; };
	for (int y = 0; y < half.height; ++y)
		for (int x = 0; x < half.width; ++x) {
			const double s = score(x, y);
			if (s < kMinPeakScore)
				continue;
			bool highest = true;
			for (int dy = -2; dy <= 2 && highest; ++dy)
				for (int dx = -2; dx <= 2 && highest; ++dx) {
					const int nx = x + dx, ny = y + dy;
					if ((dx || dy) && nx >= 0 && ny >= 0 && nx < half.width && ny < half.height)
						highest = score(nx, ny) <= s;
				}
			if (highest)
				peaks.push_back({2.0 * x + 1, 2.0 * y + 1, s});
		}
	std::sort(peaks.begin(), peaks.end(), [](const Peak& a, const Peak& b) { return a.score > b.score; });
	if (peaks.size() > size_t(kPeaks))
		peaks.resize(size_t(kPeaks));
	return peaks;
}

// The strongest score within kThirdSearch half pixels of a full-resolution point.
std::optional<Peak> bestNear(const HalfPicture& half, const std::vector<double>& scores, double x, double y)
{
	const int cx = int(std::lround((x - 1) / 2)), cy = int(std::lround((y - 1) / 2));
	std::optional<Peak> best;
	for (int dy = -kThirdSearch; dy <= kThirdSearch; ++dy)
		for (int dx = -kThirdSearch; dx <= kThirdSearch; ++dx) {
			const int nx = cx + dx, ny = cy + dy;
			if (nx < 0 || ny < 0 || nx >= half.width || ny >= half.height)
				continue;
			const double s = scores[size_t(ny) * size_t(half.width) + size_t(nx)];
			if (!best || s > best->score)
				best = Peak{2.0 * nx + 1, 2.0 * ny + 1, s};
		}
	return best;
}

struct Candidate
{
	ModuleGrid grid;
	int size;
	double score;
};

// How well the picture matches the modules every code of `size` has, through `grid`: the
// correlation of their darkness with the picture's at module centres. -1 when the grid leaves the
// picture.
struct KnownModule
{
	int a;
	int b;
	bool dark;
};

// The fixed modules of a code of `size` and the two modules of quiet zone around it.
std::vector<KnownModule> knownModules(int size)
{
	std::vector<KnownModule> known;
	for (int b = -2; b < size + 2; ++b)
		for (int a = -2; a < size + 2; ++a)
			if (const FixedModule f = fixedModule(size, a, b); f != FixedModule::Data)
				known.push_back({a, b, f == FixedModule::Dark});
	return known;
}

double fixedModulesMatch(const ZXing::ImageView& grey, const ModuleGrid& grid, const std::vector<KnownModule>& known)
{
	double st = 0, sp = 0, stt = 0, spp = 0, stp = 0;
	const double count = double(known.size());
	for (const auto& m : known) {
		const PicturePoint p = toPicture(grid, m.a + 0.5, m.b + 0.5);
		if (!(p.x >= 1 && p.y >= 1 && p.x <= grey.width() - 1 && p.y <= grey.height() - 1))
			return -1;
		const double t = m.dark ? 1 : 0, q = -sampleGrey(grey, p);
		st += t;
		sp += q;
		stt += t * t;
		spp += q * q;
		stp += t * q;
	}
	const double covariance = stp - st * sp / count, vt = stt - st * st / count, vp = spp - sp * sp / count;
	return vt > 0 && vp > 0 ? covariance / std::sqrt(vt * vp) : -1;
}

std::vector<Candidate> candidateGrids(const ZXing::ImageView& grey, const HalfPicture& half, const std::vector<double>& scores,
									  const std::vector<Peak>& peaks)
{
	std::vector<Candidate> candidates;
	std::array<std::vector<KnownModule>, kMaxVersion + 1> known;
	for (int version = 1; version <= kMaxVersion; ++version)
		known[size_t(version)] = knownModules(17 + 4 * version);
	for (size_t i = 0; i < peaks.size(); ++i)
		for (size_t j = 0; j < peaks.size(); ++j) {
			if (i == j)
				continue;
			// Peak i as the top-left pattern's centre, j as the top-right's.
			const double dx = peaks[j].x - peaks[i].x, dy = peaks[j].y - peaks[i].y, length = std::hypot(dx, dy);
			for (int version = 1; version <= kMaxVersion; ++version) {
				const int size = 17 + 4 * version;
				const double module = length / (size - 7);
				if (module < kMinModule || module > kMaxModule)
					continue;
				// j as the top-right pattern's centre, the bottom-left's a quarter turn on (y grows
				// downwards: clockwise on screen); or j as the bottom-left's and the top-right's a
				// quarter turn back.
				for (const bool jIsTopRight : {true, false}) {
					const double turn = jIsTopRight ? 1 : -1;
					const auto third = bestNear(half, scores, peaks[i].x - turn * dy, peaks[i].y + turn * dx);
					if (!third || third->score < kMinThirdScore)
						continue;
					const Peak& topRight = jIsTopRight ? peaks[j] : *third;
					const Peak& bottomLeft = jIsTopRight ? *third : peaks[j];
					const double span = size - 7; // modules between the patterns' centres
					ModuleGrid grid = {0, (topRight.x - peaks[i].x) / span, (bottomLeft.x - peaks[i].x) / span,
									   0, (topRight.y - peaks[i].y) / span, (bottomLeft.y - peaks[i].y) / span, 0, 0};
					grid[0] = peaks[i].x - 3.5 * (grid[1] + grid[2]);
					grid[3] = peaks[i].y - 3.5 * (grid[4] + grid[5]);
					const double match = fixedModulesMatch(grey, grid, known[size_t(version)]);
					if (match > 0)
						candidates.push_back({grid, size, match});
				}
			}
		}
	std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
	return candidates;
}

std::optional<ZXing::Barcode> decoded(const CodePictureModel& model, const ModuleGrid& grid)
{
	const int size = model.size();
	ZXing::BitMatrix bits(size, size);
	for (int b = 0; b < size; ++b)
		for (int a = 0; a < size; ++a)
			if (model.isDark(a, b))
				bits.set(a, b);
	auto result = ZXing::QRCode::Decode(bits);
	if (!result.isValid())
		return std::nullopt;
	auto corner = [&](double u, double v) {
		const PicturePoint p = toPicture(grid, u, v);
		return ZXing::PointI(int(std::lround(p.x)), int(std::lround(p.y)));
	};
	ZXing::DetectorResult where(std::move(bits), ZXing::QuadrilateralI{corner(0, 0), corner(size, 0), corner(size, size), corner(0, size)});
	return ZXing::Barcode(ZXing::MatrixBarcode(std::move(result), std::move(where), ZXing::BarcodeFormat::QRCode));
}

std::optional<ZXing::Barcode> solveGrid(const ZXing::ImageView& grey, const Candidate& candidate, double blurSigma)
{
	ModuleGrid grid = candidate.grid;
	const double module = std::hypot(grid[1], grid[4]);
	CodePictureModel model(candidate.size, blurSigma / module);
	if (!model.align(grey, grid, kFixedAlignRounds, true))
		return std::nullopt;
	// Decoding costs a fraction of a fit step's work: try from the first iterations that read any
	// of the set's codes, then every kDecodeEvery.
	for (int done = 0; done < kSolveIterations;) {
		const int next = done == 0 ? kFirstDecode : std::min(kSolveIterations, done + kDecodeEvery);
		model.solve(next - done);
		done = next;
		if (auto code = decoded(model, grid))
			return code;
	}
	if (!model.align(grey, grid, kAlignRounds, false))
		return std::nullopt;
	model.solve(kMoreIterations);
	return decoded(model, grid);
}

} // namespace

std::optional<ZXing::Barcode> readBlurredCode(const ZXing::ImageView& grey, double blurSigma)
{
	if (grey.width() < 64 || grey.height() < 64 || blurSigma <= 0)
		return std::nullopt;
	const HalfPicture half(grey);
	auto scores = finderScores(half, blurSigma);
	const auto peaks = strongestPeaks(half, scores);
	const auto candidates = candidateGrids(grey, half, scores, peaks);
	secureWipe(scores);
	for (size_t i = 0; i < candidates.size() && i < size_t(kGridsSolved); ++i)
		if (auto code = solveGrid(grey, candidates[i], blurSigma))
			return code;
	return std::nullopt;
}

} // namespace authcore::detail
