// ZXing's decoder and version table need ZXING_INTERNAL, as in ModuleReader.cpp.
#define ZXING_INTERNAL

#include "BlurredCodeReader.h"

#include "CodePictureModel.h"

#include "authcore/SecureWipe.h"

#include <botan/secmem.h>

#include <BarcodeData.h>
#include <BitMatrix.h>
#include <DecoderResult.h>
#include <DetectorResult.h>
#include <qrcode/QRDecoder.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

namespace authcore::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMinModule = 2.1;  // smaller codes come out too wrong to read (2 px: ~16 % of modules)
constexpr double kMaxModule = 2.95; // larger ones are read by the other passes
constexpr double kTemplateModule = 2.5; // px: the finder template's module (its correlation tolerates the range)
constexpr int kMaxVersion = 10;
// The finder-pattern scores are computed every kCoarseStride half-resolution pixels (a blurred
// pattern's peak is ~8 wide there), then around the strongest kCoarsePeaks at every one.
constexpr int kCoarseStride = 2;
constexpr int kCoarsePeaks = 40;
constexpr int kPeaks = 30;
constexpr double kMinPeakScore = 0.3;
constexpr double kMinThirdScore = 0.25;
constexpr int kThirdSearch = 2;     // coarse cells around where the third pattern should be
// Grids are first judged on every kCoarseMatchStride-th fixed module, the best kRanked on all.
constexpr size_t kCoarseMatchStride = 6;
constexpr size_t kRanked = 12;
constexpr int kJudgedQuietZone = 2; // modules of quiet zone around a grid's symbol that it is judged on
constexpr size_t kGridsSolved = 3;
constexpr int kFixedAlignRounds = 8;
constexpr int kIterationsPerStep = 20;
constexpr int kSolveIterations = 300;
constexpr int kFirstDecode = 100;   // the set's codes read from 150-250 iterations
constexpr int kDecodeEvery = 50;
constexpr int kAlignRounds = 3;
constexpr int kMoreIterations = 150;

// Four values in one SIMD register (as in SmearSolver.cpp): the correlations of four cells at once.
constexpr int kLanes = 4;
typedef float Lanes __attribute__((vector_size(16)));
static_assert(sizeof(Lanes) == kLanes * sizeof(float));

Lanes loadLanes(const float* p)
{
	Lanes v;
	std::memcpy(&v, p, sizeof v);
	return v;
}

// The picture at half resolution (means of 2 x 2 pixels): the blur has nothing finer. Kept as
// darkness (128 - grey) in two layouts, each row padded by kLanes for SIMD loads.
struct HalfPicture
{
	int width = 0;
	int height = 0;
	// Every column: four neighbouring pixels at once (the peaks' refinement).
	int darknessStride = 0;
	std::vector<float> darkness;
	// The even and the odd columns apart: the coarse cells are every other column, so four
	// neighbouring cells read four consecutive values.
	int columnsStride = 0;
	std::array<std::vector<float>, 2> columns;

	HalfPicture() = default;
	explicit HalfPicture(const ZXing::ImageView& picture) : width(picture.width() / 2), height(picture.height() / 2)
	{
		darknessStride = width + kLanes;
		darkness.assign(size_t(darknessStride) * size_t(height), 0.0f);
		const int step = picture.pixStride();
		for (int y = 0; y < height; ++y)
			for (int x = 0; x < width; ++x) {
				const uint8_t* a = picture.data(2 * x, 2 * y);
				const uint8_t* b = picture.data(2 * x, 2 * y + 1);
				darkness[size_t(y) * size_t(darknessStride) + size_t(x)] = float(128 - (a[0] + a[step] + b[0] + b[step]) / 4.0);
			}
		columnsStride = (width + 1) / 2 + kLanes;
		for (int parity = 0; parity < 2; ++parity) {
			auto& plane = columns[size_t(parity)];
			plane.assign(size_t(columnsStride) * size_t(height), 0.0f);
			for (int y = 0; y < height; ++y)
				for (int x = parity; x < width; x += 2)
					plane[size_t(y) * size_t(columnsStride) + size_t(x / 2)] = darkness[size_t(y) * size_t(darknessStride) + size_t(x)];
		}
	}
	~HalfPicture() { wipe(); }
	HalfPicture(const HalfPicture&) = delete;
	HalfPicture& operator=(const HalfPicture&) = delete;
	HalfPicture(HalfPicture&&) = default;
	HalfPicture& operator=(HalfPicture&&) = default; // the caller wipes what it replaces
	void wipe()
	{
		secureWipe(darkness);
		secureWipe(columns[0]);
		secureWipe(columns[1]);
	}
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
		_values.resize(size_t{2} * kKernelTableReach * kKernelTableSteps + 2);
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

struct Peak
{
	double x; // full-resolution pixels
	double y;
	double score;
};

struct Candidate
{
	CodeGrid grid;
	int size;
	double score;
};

// How well the picture matches the modules every code of `size` has, through `grid`: the
// correlation of their darkness with the picture's at module centres. -1 when the grid leaves the
// picture.
double fixedModulesMatch(const ZXing::ImageView& grey, const CodeGrid& grid, const std::vector<KnownModule>& known, size_t stride = 1)
{
	double st = 0, sp = 0, stt = 0, spp = 0, stp = 0, count = 0;
	for (size_t i = 0; i < known.size(); i += stride) {
		const auto& m = known[i];
		++count;
		const PicturePoint p = toPicture(grid, m.a + 0.5, m.b + 0.5);
		if (!(p.x >= 1 && p.y >= 1 && p.x <= grey.width() - 1 && p.y <= grey.height() - 1))
			return -1;
		// A first judgement (stride > 1) takes the nearest pixel: a tenth of bilinear's cost.
		const double t = m.dark ? 1 : 0, q = -(stride > 1 ? double(*grey.data(int(p.x), int(p.y))) : sampleGrey(grey, p));
		st += t;
		sp += q;
		stt += t * t;
		spp += q * q;
		stp += t * q;
	}
	const double covariance = stp - st * sp / count, vt = stt - st * st / count, vp = spp - sp * sp / count;
	return vt > 0 && vp > 0 ? covariance / std::sqrt(vt * vp) : -1;
}

std::optional<ZXing::Barcode> decoded(const CodePictureModel& model, const CodeGrid& grid)
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

} // namespace

struct BlurredCodeSearch::State
{
	// A stage's step: the finder scores and their peaks; all the candidate grids; the best of
	// them judged again; a grid aligned; kIterationsPerStep iterations of its fit; the grid
	// aligned again, on all samples.
	enum class Stage { Peaks, Candidates, Rank, Align, Solve, Realign, SolveMore, Done };

	// What a step of the current stage costs, in tenths of a fit step (~0.6 ms natively, 0.8 ms in
	// wasm; measured in wasm on the set's defocus 2.2 codes).
	int stepCost() const
	{
		switch (stage) {
		case Stage::Peaks:
		case Stage::Candidates: return 25;
		case Stage::Rank: return 5;
		case Stage::Align: return 20;
		case Stage::Realign: return 15;
		case Stage::Solve:
		case Stage::SolveMore: return 10;
		case Stage::Done: return 0;
		}
		return 0;
	}

	Stage stage = Stage::Done;
	double blurSigma = 0;
	int width = 0;
	int height = 0;
	Botan::secure_vector<uint8_t> pixels; // the picture searched
	HalfPicture half;
	std::vector<FinderTemplate> templates;
	int templateReach = 0; // half-resolution pixels from a template's centre to its farthest offset
	int coarseWidth = 0;
	int coarseHeight = 0;
	std::vector<double> coarse; // the best score per coarse cell (-1: none)
	std::vector<Peak> peaks;
	std::array<std::vector<KnownModule>, kMaxVersion + 1> known;
	std::vector<Candidate> candidates;
	size_t grid = 0; // the candidate being solved
	std::unique_ptr<CodePictureModel> model;
	CodeGrid modelGrid{};
	int iterations = 0;

	ZXing::ImageView view() const { return {pixels.data(), width, height, ZXing::ImageFormat::Lum}; }
	double& coarseAt(int cx, int cy) { return coarse[size_t(cy) * size_t(coarseWidth) + size_t(cx)]; }
	// The best score over the templates at half-resolution pixels (x, y) .. (x + 2, y), and which of
	// the three it is at.
	std::pair<double, int> bestInRow(int x, int y) const
	{
		std::pair<double, int> best = {-1, 0};
		if (x < templateReach || y < templateReach || x + 2 >= half.width - templateReach || y >= half.height - templateReach)
			return best;
		for (const auto& t : templates) {
			Lanes cross = {}, sum = {}, squares = {};
			for (size_t i = 0; i < t.values.size(); ++i) {
				const Lanes v = loadLanes(half.darkness.data() + size_t(y + t.offsets[i].dy) * size_t(half.darknessStride) + size_t(x + t.offsets[i].dx));
				const float w = float(t.values[i]);
				cross += w * v;
				sum += v;
				squares += v * v;
			}
			const auto count = float(t.values.size());
			for (int lane = 0; lane < 3; ++lane)
				if (const float variance = squares[lane] - sum[lane] * sum[lane] / count; variance > 0)
					if (const double score = cross[lane] / (float(t.norm) * std::sqrt(variance)); score > best.first)
						best = {score, lane};
		}
		return best;
	}
	// The half-resolution pixel of coarse cell (cx, cy).
	int halfX(int cx) const { return templateReach + kCoarseStride * cx; }
	int halfY(int cy) const { return templateReach + kCoarseStride * cy; }

	void begin(const ZXing::ImageView& grey, double sigma);
	std::optional<ZXing::Barcode> step();
	void scoreTemplate(const FinderTemplate& t);
	void findPeaks();
	std::optional<Peak> bestNear(double x, double y);
	void pairPeaks();
	void rank();
	void alignGrid();
	std::optional<ZXing::Barcode> solveGrid();
	void nextGrid();
	void wipe();
};

void BlurredCodeSearch::State::begin(const ZXing::ImageView& grey, double sigma)
{
	wipe();
	if (grey.width() < 64 || grey.height() < 64 || !(sigma > 0))
		return;
	blurSigma = sigma;
	width = grey.width();
	height = grey.height();
	pixels.resize(size_t(width) * size_t(height));
	for (int y = 0; y < height; ++y)
		for (int x = 0; x < width; ++x)
			pixels[size_t(y) * size_t(width) + size_t(x)] = *grey.data(x, y);
	half = HalfPicture(view());
	const KernelTable kernel(blurSigma / kTemplateModule);
	for (double angle : {0.0, kPi / 6, kPi / 3})
		templates.push_back(finderTemplate(angle, kTemplateModule / 2, blurSigma / kTemplateModule, kernel));
	for (const auto& t : templates)
		for (const auto& o : t.offsets)
			templateReach = std::max({templateReach, std::abs(o.dx), std::abs(o.dy)});
	coarseWidth = std::max(0, (half.width - 2 * templateReach + kCoarseStride - 1) / kCoarseStride);
	coarseHeight = std::max(0, (half.height - 2 * templateReach + kCoarseStride - 1) / kCoarseStride);
	if (coarseWidth < 3 || coarseHeight < 3)
		return;
	coarse.assign(size_t(coarseWidth) * size_t(coarseHeight), -1);
	for (int version = 1; version <= kMaxVersion; ++version)
		known[size_t(version)] = knownModules(17 + 4 * version, kJudgedQuietZone);
	stage = Stage::Peaks;
}

// One template's scores over the coarse cells, four cells at a time.
void BlurredCodeSearch::State::scoreTemplate(const FinderTemplate& t)
{
	const auto count = float(t.values.size()), norm = float(t.norm);
	for (int cy = 0; cy < coarseHeight; ++cy)
		for (int cx = 0; cx < coarseWidth; cx += kLanes) {
			Lanes cross = {}, sum = {}, squares = {};
			for (size_t i = 0; i < t.values.size(); ++i) {
				// Cell cx's half-resolution column is templateReach + 2 cx.
				const int column = templateReach + t.offsets[i].dx, y = halfY(cy) + t.offsets[i].dy;
				const float* p = half.columns[size_t(column & 1)].data() + size_t(y) * size_t(half.columnsStride) + size_t(column / 2 + cx);
				const Lanes v = loadLanes(p);
				const float w = float(t.values[i]);
				cross += w * v;
				sum += v;
				squares += v * v;
			}
			for (int lane = 0; lane < kLanes && cx + lane < coarseWidth; ++lane) {
				const float variance = squares[lane] - sum[lane] * sum[lane] / count;
				if (variance > 0) {
					double& best = coarseAt(cx + lane, cy);
					best = std::max(best, double(cross[lane] / (norm * std::sqrt(variance))));
				}
			}
		}
}

// The strongest local maxima of the coarse scores, each refined to the best half-resolution pixel
// around it.
void BlurredCodeSearch::State::findPeaks()
{
	for (const auto& t : templates)
		scoreTemplate(t);
	std::vector<Peak> coarsePeaks;
	for (int cy = 0; cy < coarseHeight; ++cy)
		for (int cx = 0; cx < coarseWidth; ++cx) {
			const double s = coarseAt(cx, cy);
			if (s < kMinPeakScore)
				continue;
			bool highest = true;
			for (int dy = -1; dy <= 1 && highest; ++dy)
				for (int dx = -1; dx <= 1 && highest; ++dx) {
					const int nx = cx + dx, ny = cy + dy;
					if ((dx || dy) && nx >= 0 && ny >= 0 && nx < coarseWidth && ny < coarseHeight)
						highest = coarseAt(nx, ny) <= s;
				}
			if (highest)
				coarsePeaks.push_back({double(halfX(cx)), double(halfY(cy)), s});
		}
	std::sort(coarsePeaks.begin(), coarsePeaks.end(), [](const Peak& a, const Peak& b) { return a.score > b.score; });
	if (coarsePeaks.size() > size_t(kCoarsePeaks))
		coarsePeaks.resize(size_t(kCoarsePeaks));
	for (const auto& c : coarsePeaks) {
		Peak best = c;
		for (int dy = -1; dy <= 1; ++dy)
			if (const auto [score, dx] = bestInRow(int(c.x) - 1, int(c.y) + dy); score > best.score)
				best = {c.x - 1 + dx, c.y + dy, score};
		peaks.push_back({2 * best.x + 1, 2 * best.y + 1, best.score}); // a half pixel's centre, in full-resolution pixels
	}
	std::sort(peaks.begin(), peaks.end(), [](const Peak& a, const Peak& b) { return a.score > b.score; });
	if (peaks.size() > size_t(kPeaks))
		peaks.resize(size_t(kPeaks));
	stage = peaks.size() >= 3 ? Stage::Candidates : Stage::Done;
}

// The strongest coarse score within kThirdSearch cells of a full-resolution point.
std::optional<Peak> BlurredCodeSearch::State::bestNear(double x, double y)
{
	const int cx = int(std::lround(((x - 1) / 2 - templateReach) / kCoarseStride));
	const int cy = int(std::lround(((y - 1) / 2 - templateReach) / kCoarseStride));
	std::optional<Peak> best;
	for (int dy = -kThirdSearch; dy <= kThirdSearch; ++dy)
		for (int dx = -kThirdSearch; dx <= kThirdSearch; ++dx) {
			const int nx = cx + dx, ny = cy + dy;
			if (nx < 0 || ny < 0 || nx >= coarseWidth || ny >= coarseHeight)
				continue;
			if (const double s = coarseAt(nx, ny); !best || s > best->score)
				best = Peak{2.0 * halfX(nx) + 1, 2.0 * halfY(ny) + 1, s};
		}
	return best;
}

// Candidate grids from every two peaks, judged on a sample of their fixed modules.
void BlurredCodeSearch::State::pairPeaks()
{
	const ZXing::ImageView grey = view();
	for (size_t i = 0; i < peaks.size(); ++i)
		for (size_t j = 0; j < peaks.size(); ++j) {
			if (i == j)
				continue;
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
					const auto third = bestNear(peaks[i].x - turn * dy, peaks[i].y + turn * dx);
					if (!third || third->score < kMinThirdScore)
						continue;
					const Peak& topRight = jIsTopRight ? peaks[j] : *third;
					const Peak& bottomLeft = jIsTopRight ? *third : peaks[j];
					const double span = size - 7; // modules between the patterns' centres
					CodeGrid g = {0, (topRight.x - peaks[i].x) / span, (bottomLeft.x - peaks[i].x) / span,
									0, (topRight.y - peaks[i].y) / span, (bottomLeft.y - peaks[i].y) / span, 0, 0};
					g[0] = peaks[i].x - 3.5 * (g[1] + g[2]);
					g[3] = peaks[i].y - 3.5 * (g[4] + g[5]);
					const double match = fixedModulesMatch(grey, g, known[size_t(version)], kCoarseMatchStride);
					if (match > 0)
						candidates.push_back({g, size, match});
				}
			}
		}
	stage = Stage::Rank;
}

void BlurredCodeSearch::State::rank()
{
	const ZXing::ImageView grey = view();
	std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
	if (candidates.size() > kRanked)
		candidates.resize(kRanked);
	for (auto& c : candidates)
		c.score = fixedModulesMatch(grey, c.grid, known[size_t((c.size - 17) / 4)]);
	std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
	grid = 0;
	stage = candidates.empty() ? Stage::Done : Stage::Align;
}

void BlurredCodeSearch::State::nextGrid()
{
	model.reset();
	++grid;
	stage = grid < std::min(candidates.size(), kGridsSolved) ? Stage::Align : Stage::Done;
}

void BlurredCodeSearch::State::alignGrid()
{
	const Candidate& c = candidates[grid];
	modelGrid = c.grid;
	model = std::make_unique<CodePictureModel>(c.size, blurSigma / std::hypot(c.grid[1], c.grid[4]));
	iterations = 0;
	if (model->align(view(), modelGrid, kFixedAlignRounds, true))
		stage = Stage::Solve;
	else
		nextGrid();
}

std::optional<ZXing::Barcode> BlurredCodeSearch::State::solveGrid()
{
	const bool more = stage == Stage::SolveMore;
	const int total = more ? kMoreIterations : kSolveIterations;
	const int next = std::min(total, iterations + kIterationsPerStep);
	model->solve(next - iterations);
	// Decoding costs a fraction of a step: tried from the first iterations that read any of the
	// set's codes, then every kDecodeEvery.
	const bool decodeNow = next == total || (!more && next >= kFirstDecode && next / kDecodeEvery != iterations / kDecodeEvery);
	iterations = next;
	if (decodeNow)
		if (auto code = decoded(*model, modelGrid))
			return code;
	if (iterations < total)
		return std::nullopt;
	if (more) {
		nextGrid();
	} else {
		stage = Stage::Realign;
	}
	return std::nullopt;
}

std::optional<ZXing::Barcode> BlurredCodeSearch::State::step()
{
	switch (stage) {
	case Stage::Peaks: findPeaks(); break;
	case Stage::Candidates: pairPeaks(); break;
	case Stage::Rank: rank(); break;
	case Stage::Align: alignGrid(); break;
	case Stage::Solve:
	case Stage::SolveMore: return solveGrid();
	case Stage::Realign:
		iterations = 0;
		if (model->align(view(), modelGrid, kAlignRounds, false))
			stage = Stage::SolveMore;
		else
			nextGrid();
		break;
	case Stage::Done: break;
	}
	return std::nullopt;
}

void BlurredCodeSearch::State::wipe()
{
	stage = Stage::Done;
	secureWipe(pixels);
	pixels.clear();
	half.wipe(); // before the move below frees its buffers
	half = HalfPicture();
	templates.clear();
	templateReach = 0;
	secureWipe(coarse);
	coarse.clear();
	peaks.clear();
	candidates.clear();
	grid = 0;
	model.reset();
	iterations = 0;
}

BlurredCodeSearch::BlurredCodeSearch() : _state(std::make_unique<State>()) {}

BlurredCodeSearch::~BlurredCodeSearch() = default;

void BlurredCodeSearch::start(const ZXing::ImageView& grey, double blurSigma)
{
	_state->begin(grey, blurSigma);
}

bool BlurredCodeSearch::active() const
{
	return _state->stage != State::Stage::Done;
}

std::optional<ZXing::Barcode> BlurredCodeSearch::resume(int work)
{
	// In tenths of a fit step; the first step is always taken, however much it costs.
	for (int spent = 0; active();) {
		const int cost = _state->stepCost();
		if (spent > 0 && spent + cost > 10 * work)
			break;
		spent += cost;
		if (auto code = _state->step()) {
			_state->wipe();
			return code;
		}
	}
	if (!active())
		_state->wipe();
	return std::nullopt;
}

void BlurredCodeSearch::reset()
{
	_state->wipe();
}

std::optional<ZXing::Barcode> readBlurredCode(const ZXing::ImageView& grey, double blurSigma)
{
	BlurredCodeSearch search;
	search.start(grey, blurSigma);
	return search.resume(std::numeric_limits<int>::max() / 10);
}

} // namespace authcore::detail
