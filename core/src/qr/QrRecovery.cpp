#include "QrRecovery.h"

#include "ModuleReader.h"

#include "Stripes.h"

#include "authcore/SecureWipe.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace authcore::detail {

namespace {

double overlap(const PixelRect& a, const PixelRect& b) // intersection over the smaller area
{
	int l = std::max(a.left, b.left), t = std::max(a.top, b.top);
	int r = std::min(a.left + a.width, b.left + b.width), btm = std::min(a.top + a.height, b.top + b.height);
	if (r <= l || btm <= t)
		return 0;
	double smaller = std::min(double(a.width) * a.height, double(b.width) * b.height);
	return double(r - l) * (btm - t) / smaller;
}

// How far bestShift() looks for the hand's movement between frames.
constexpr int kMaxShift = 3;
constexpr int kMaxEnlargedArea = 320 * 320;
// The inverse filter against defocus 1.6 is the one that reads codes of 2.5 px under that blur;
// the region a lone pattern gives such a code is 360 px square.
constexpr int kMaxEnlargedAreaInverse = 384 * 384;
// Moiré covers a filmed screen, so the frame's centre tells: a square of this side (about 0.4 ms
// natively), looked at again after this many frames.
constexpr int kStripesProbeSide = 256;
constexpr uint64_t kStripesCheckFrames = 8;
constexpr uint64_t kDefocusCheckFrames = 8;
// Smears measured at least this long (in full-resolution pixels) are solved for (SmearSolver.h):
// the 5 px filter suits shorter ones, and no picture without motion measures this long along one
// axis only (on the set: 2-5.6 px for codes' squares and tiles, defocus and the mix included).
constexpr float kMinSolvedSmear = 6.5f;
constexpr float kMinSmearExcess = 2.0f;
// diagnoseNewRegion(): a picture that looks smeared one way goes to the smear's attempts first
// when the smear measures at least this long. Measured on the regions it judged on the set:
// motion 5 4.5-4.9 px, motion 8 7.3-8.1; a filmed screen's moiré passes for 3.0-3.8 and the mix's
// 3 px motion measures 2.0-2.3, shorter than the 5 px the filter undoes (it erases the mix's small
// codes).
constexpr float kMinDiagnosedSmear = 4.2f;
// stronglyDefocused(): the blur's width, measured as a smear, from which the stronger filter is used.
constexpr float kMinStrongDefocus = 4.35f;
// The blurred search (BlurredCodeReader.h): its picture, a square of the frame around the busiest
// square of the busiest tile (a code of up to ~170 px, quiet zone included, around it); its work
// per frame, in fit steps (~0.8 ms each in wasm, on frames that otherwise only search: the set's
// codes are read in the fourth frame of their search; with 4 steps' work, scene 3's not in the
// stream, as a false region takes the attempts from frame 5); the frames it rests after a search that
// read nothing (~70 fit steps' work), so that a blurred scene without a code costs a quarter of
// that; the blur it assumes, the one InverseFilter::Defocus22 undoes.
constexpr int kBlurredWindow = 256;
constexpr int kBlurredWorkPerFrame = 5;
constexpr int kBlurredRestFrames = 60;
constexpr double kStrongDefocusSigma = 2.2;
// A still image (a file, a paste) has no next frame: with no region, its four tiles are searched
// at once (~6 ms each natively for a 720p image), for images of up to 1080p, a bounded cost; a
// blurred search started there runs to its end (at most ~80 fit steps' work, ~100 ms in wasm, and
// only on an image measured as strongly defocused).
constexpr int64_t kStillTileSearchPixels = int64_t{1920} * 1080;
constexpr int kBlurredStillWork = 1000;
// Codes read by modules too (readModules()): those of under 3.5 px per module as their region
// estimates them.
constexpr double kMaxModuleSizeByModules = 3.5;

// The smear along `along` in `plane` (1/`scale` of the frame) when it is long: at least
// kMinSolvedSmear frame pixels, and at least kMinSmearExcess more than across it (a lens out of
// focus blurs both ways alike; on the set's codes under defocus 1.6 the two lengths differ by
// under 1 px, under motion 8 by 2.7-5.7). Else 0.
float longSmear(const GreyPlane& plane, BlurShape along, int scale, float length)
{
	if (length * float(scale) < kMinSolvedSmear)
		return 0;
	const float across = estimateSmearLength(plane, along == BlurShape::Vertical ? BlurShape::Horizontal : BlurShape::Vertical);
	return (length - across) * float(scale) >= kMinSmearExcess ? length : 0;
}

float longSmear(const GreyPlane& plane, BlurShape along, int scale)
{
	return longSmear(plane, along, scale, estimateSmearLength(plane, along));
}

// A lens out of focus by about 2 px (sigma) or more, which the stronger defocus filter undoes
// better: the blur's width measured as a smear both ways (estimateSmearLength()), averaged. On
// frame 0 of the set's scenes, over quarter-frame tiles: 3.6-4.1 under defocus 1.6, 4.55-5.8 under
// defocus 2.2. The search then finds the patterns of a 3 px code under defocus 2.2 that it finds
// with the weaker filter in no frame.
bool stronglyDefocused(const GreyPlane& plane)
{
	return estimateSmearLength(plane, BlurShape::Horizontal) + estimateSmearLength(plane, BlurShape::Vertical) >= 2 * kMinStrongDefocus;
}

// Where a region's code is more than the background around it.
PixelRect centralHalf(const GreyPlane& plane)
{
	return {plane.width / 4, plane.height / 4, plane.width / 2, plane.height / 2};
}

// Tile `tile` (0..3) of the 2 x 2 grid searchTile() looks at, in a `width` x `height` image:
// quarters grown to overlap by about a code's width.
PixelRect tileRect(int width, int height, int tile)
{
	constexpr int kOverlap = 160;
	const int tileWidth = std::min(width, (width + kOverlap) / 2);
	const int tileHeight = std::min(height, (height + kOverlap) / 2);
	return {tile % 2 ? width - tileWidth : 0, tile / 2 ? height - tileHeight : 0, tileWidth, tileHeight};
}

// How much a tile looks like it holds a code: the busiest square of kBusySide frame pixels in
// it (squares every half side), busy meaning the mean absolute second difference across rows and
// columns, measured in `plane` (1/`scale` of the image). A code's modules change every few pixels
// over its whole area; the edges of a desk, a screen's windows and lines of text are sparser.
// Blur weakens a code's busyness but not its lead: on frame 0 of the set's scenes, measured at
// half resolution, the tile that holds the code came out busiest for every one of the 40 codes
// under 3 px under defocus, motion, noise, moiré and the mix (squares of 64 px: 33; of 96 or 128
// px: 38), and for 74 of the 76 over the whole set. Only an order: a busy screen of text costs a
// tile search, no code is skipped.
constexpr int kBusySide = 80;

std::array<TileBusyness, 4> busynessByTile(const GreyPlane& plane, int scale, int imageWidth, int imageHeight)
{
	std::array<TileBusyness, 4> busiest{};
	const int cell = std::max(2, kBusySide / scale / 2); // squares of 2 x 2 cells
	const int cellsX = plane.width / cell, cellsY = plane.height / cell;
	if (cellsX < 2 || cellsY < 2)
		return busiest;
	std::vector<int64_t> cells(size_t(cellsX) * size_t(cellsY), 0);
	for (int y = 1; y < cellsY * cell && y + 1 < plane.height; ++y) {
		const uint8_t* above = plane.row(y - 1);
		const uint8_t* row = plane.row(y);
		const uint8_t* below = plane.row(y + 1);
		int64_t* cellRow = cells.data() + size_t(y / cell) * size_t(cellsX);
		for (int cx = 0; cx < cellsX; ++cx) {
			int sum = 0;
			for (int x = std::max(1, cx * cell); x < std::min((cx + 1) * cell, plane.width - 1); ++x)
				sum += std::abs(row[x - 1] + row[x + 1] - 2 * row[x]) + std::abs(above[x] + below[x] - 2 * row[x]);
			cellRow[cx] += sum;
		}
	}
	for (int tile = 0; tile < 4; ++tile) {
		const PixelRect rect = tileRect(imageWidth, imageHeight, tile);
		const int x0 = rect.left / scale / cell, y0 = rect.top / scale / cell;
		const int x1 = std::min(cellsX, (rect.left + rect.width) / scale / cell), y1 = std::min(cellsY, (rect.top + rect.height) / scale / cell);
		for (int cy = y0; cy + 1 < y1; ++cy)
			for (int cx = x0; cx + 1 < x1; ++cx) {
				const int64_t square = cells[size_t(cy) * size_t(cellsX) + size_t(cx)] + cells[size_t(cy) * size_t(cellsX) + size_t(cx + 1)]
									   + cells[size_t(cy + 1) * size_t(cellsX) + size_t(cx)] + cells[size_t(cy + 1) * size_t(cellsX) + size_t(cx + 1)];
				if (auto& b = busiest[size_t(tile)]; square > b.busyness)
					b = {square, (cx + 1) * cell * scale, (cy + 1) * cell * scale};
			}
	}
	return busiest;
}

// Finder patterns in `plane`, which shows `place` of an image of imageWidth x imageHeight. In a
// picture solved against a smear, where ZXing's local threshold finds none, a second look with
// one threshold for the whole picture (Otsu's): the small codes under motion 8 show their
// patterns only so.
std::vector<FinderRegion> findRegions(GreyPlane& plane, const PixelRect& place, int imageWidth, int imageHeight, bool solved)
{
	const ZXing::ImageView view{plane.pixels.data(), plane.width, plane.height, ZXing::ImageFormat::Lum};
	auto regions = findFinderRegions(view, place, imageWidth, imageHeight);
	if (solved && regions.empty()) {
		binarize(plane, otsuThreshold(plane));
		regions = findFinderRegions(view, place, imageWidth, imageHeight);
	}
	return regions;
}

} // namespace

void QrRecovery::reset()
{
	for (auto& plane : _history)
		secureWipe(plane.pixels);
	secureWipe(_work.pixels);
	secureWipe(_fused.pixels);
	secureWipe(_filtered.pixels);
	secureWipe(_binarized.pixels);
	secureWipe(_enlarged.pixels);
	for (auto* buffer : {&_buffers.observed, &_buffers.estimate, &_buffers.blurred, &_buffers.scratch, &_buffers.line})
		secureWipe(*buffer);
	secureWipe(_smearSolver.line);
	secureWipe(_smearSolver.solution);
	forgetRegion();
	_framesSinceSeen = kForgetRegionFrames + 1;
	_nextAttempt = 0;
	_frames = 0;
	_fusedAt = ~uint64_t{0};
	_framesWithRegion = 0;
	_searching = false;
	_regionFromSearch = false;
	_failedOnRegion = 0;
	_searchRest = 0;
	_searches = 0;
	_tileBusyness = {};
	_tilesSearched = 0;
	_blurred.reset();
	_blurredRest = 0;
	_giveUps = 0;
	_hint = ScanHint::None;
	_smearAlongRows.reset();
	_stripes = false;
	_stripesCheckedAt = ~uint64_t{0};
	_strongDefocus = false;
	_defocusCheckedAt = ~uint64_t{0};
	_firstChosenAt = ~uint64_t{0};
}

void QrRecovery::track(const std::vector<FinderRegion>& seen, const ImageView& image)
{
	++_frames;
	++_framesSinceSeen;
	if (!seen.empty()) {
		const FinderRegion& best = seen.front();
		const bool sameCode = _region && overlap(best.rect, _region.value().rect) > 0.5;
		if (sameCode) {
			// Keep the rectangle, so the kept frames stay comparable; trust the better-founded size,
			// and follow the patterns as the hand moves them.
			if (best.patterns >= _region.value().patterns) {
				_region.value().moduleSize = best.moduleSize;
				_region.value().patternSquares = best.patternSquares;
				_region.value().squareCount = best.squareCount;
			}
			_region.value().patterns = std::max(_region.value().patterns, best.patterns);
		} else if (!_region || best.patterns >= _region.value().patterns || _framesSinceSeen > kInViewFrames) {
			_region = best;
			_region.value().rect = _region.value().rect.clippedTo(image.width, image.height);
			_framesWithRegion = 0;
			_historySize = 0;
			_newest = -1;
			_regionFromSearch = _searching;
			_failedOnRegion = 0;
		} else if (sameCode && !_searching) {
			_regionFromSearch = false; // the plain pass sees it too
		}
		_framesSinceSeen = 0;
	}
	if (_region && (_framesSinceSeen > kForgetRegionFrames || _region.value().rect.empty()))
		forgetRegion();
}

void QrRecovery::forgetRegion()
{
	_region.reset();
	_repeatOnAverage.reset();
	_diagnosed = false;
	_historySize = 0;
	_newest = -1;
}

void QrRecovery::trackSearched(const std::vector<FinderRegion>& found, const ImageView& image)
{
	--_frames; // the same frame: track() counts frames
	--_framesSinceSeen;
	_searching = true;
	track(found, image);
	_searching = false;
}

void QrRecovery::remember(const ImageView& image)
{
	if (!_region)
		return;
	_newest = (_newest + 1) % kHistory;
	GreyPlane& newest = _history[size_t(_newest)];
	extractRegion(image, _region.value().rect, 1, newest);
	_historySize = std::min(_historySize + 1, kHistory);
	_smearAlongRows = smearAlongRows(newest);

	// The hint. Glare: even the darkest modules are light, or dark and light are close together
	// (measured over the region's central half, where the code is). Movement: the code moved by
	// more than a pixel and a half since the last frame. Otherwise: out of focus.
	std::array<int, 256> histogram{};
	int n = 0;
	for (int y = newest.height / 4; y < newest.height * 3 / 4; ++y)
		for (int x = newest.width / 4; x < newest.width * 3 / 4; ++x, ++n)
			++histogram[newest.row(y)[x]];
	auto percentile = [&](int share) {
		int seen = 0, level = 0;
		while (level < 255 && (seen += histogram[size_t(level)]) < n * share / 100)
			++level;
		return level;
	};
	const int dark = percentile(5), light = percentile(95);
	if (dark > 110 || light - dark < 50) {
		_hint = ScanHint::AvoidGlare;
	} else if (_historySize >= 2) {
		const GreyPlane& previous = _history[size_t((_newest + kHistory - 1) % kHistory)];
		auto [dx, dy] = bestShift(newest, previous, kMaxShift);
		_hint = dx * dx + dy * dy >= 4 ? ScanHint::HoldStill : ScanHint::MoveFurther;
	} else {
		_hint = ScanHint::MoveFurther;
	}
}

bool QrRecovery::fuse()
{
	if (_historySize < 2)
		return false;
	if (_fusedAt == _frames)
		return true; // already made for this frame
	const GreyPlane& newest = _history[size_t(_newest)];
	const int w = newest.width, h = newest.height;
	if (w <= 4 * kMaxShift || h <= 4 * kMaxShift)
		return false;
	Botan::secure_vector<uint16_t> sum(newest.pixels.begin(), newest.pixels.end());
	for (int age = 1; age < _historySize; ++age) {
		const GreyPlane& older = _history[size_t((_newest - age + kHistory) % kHistory)];
		auto [dx, dy] = bestShift(newest, older, kMaxShift);
		addShifted(older, dx, dy, sum);
	}
	averageInto(sum, _historySize, w, h, _fused);
	_fusedAt = _frames;
	return true;
}

std::optional<RecoveredCode> QrRecovery::read(const GreyPlane& plane, double scale, const PixelRect& rect, bool globalBinarizer)
{
	if (plane.width < 21 || plane.height < 21)
		return std::nullopt;
	ZXing::ImageView view(plane.pixels.data(), plane.width, plane.height, ZXing::ImageFormat::Lum);
	auto pass = readQrPass(view, {.tryHarder = true, .tryInvert = true, .globalBinarizer = globalBinarizer, .findRegions = false});
	if (!pass.barcode)
		return std::nullopt;
	return RecoveredCode{std::move(*pass.barcode), pass.inverted, scale, rect.left, rect.top};
}

// The threshold between the code's dark and light modules in `plane`, a picture of the region
// `scale` times its size: Otsu's over the finder patterns seen, where dark and light modules lie
// side by side in known shares (on the set's motion 8 codes of 2.5 px solved, the region's
// centre is half background, and its Otsu level almost 40 grey levels off the code's middle);
// without them, over the region's central half.
uint8_t QrRecovery::codeThreshold(const GreyPlane& plane, int scale) const
{
	std::array<PixelRect, 3> squares{};
	size_t count = 0;
	if (_region)
		for (const auto& square : _region.value().squares()) {
			const PixelRect inPlane{(square.left - _region.value().rect.left) * scale, (square.top - _region.value().rect.top) * scale,
									square.width * scale, square.height * scale};
			if (!inPlane.clippedTo(plane.width, plane.height).empty())
				squares[count++] = inPlane;
		}
	return count == 0 ? otsuThreshold(plane, centralHalf(plane)) : otsuThreshold(plane, std::span<const PixelRect>(squares.data(), count));
}

// ModuleReader.h, for small codes only: larger ones are read by ZXing from the same pictures
// (the degradation set's codes of 3+ px are), and it costs a finder-pattern search and a fit.
// The finder patterns are looked for in `grey` made black and white at `threshold`. A picture at
// the frame's scale is enlarged first: ZXing's finder search misses most patterns of 2-3 px modules.
std::optional<RecoveredCode> QrRecovery::readModules(const GreyPlane& grey, uint8_t threshold, int scale)
{
	if (!_region || _region.value().moduleSize >= kMaxModuleSizeByModules)
		return std::nullopt;
	const GreyPlane* picture = &grey;
	if (scale == 1) {
		upscale2x(grey, _enlarged);
		picture = &_enlarged;
		scale = 2;
	}
	auto barcode = readByModules({picture->pixels.data(), picture->width, picture->height, ZXing::ImageFormat::Lum}, threshold);
	if (!barcode)
		return std::nullopt;
	return RecoveredCode{std::move(*barcode), false, double(scale), _region.value().rect.left, _region.value().rect.top};
}

std::optional<RecoveredCode> QrRecovery::sharpened(const GreyPlane& source, bool enlarge, BlurShape shape, int length, int amount, int iterations,
												   bool byModules)
{
	if (!_region)
		return std::nullopt;
	if (enlarge)
		upscale2x(source, _work);
	else
		_work = source;
	sharpen(_work, shape, length, amount, iterations, _buffers);
	const int scale = enlarge ? 2 : 1;
	if (auto code = read(_work, scale, _region.value().rect))
		return code;
	return byModules ? readModules(_work, codeThreshold(_work, scale), scale) : std::nullopt;
}

std::optional<RecoveredCode> QrRecovery::inverseFiltered(const GreyPlane& source, InverseFilter filter, BlurShape smear, bool enlarge)
{
	if (!_region)
		return std::nullopt;
	if (!enlarge) {
		_work = source;
		deconvolve(_work, filter, smear, _buffers);
		if (auto code = read(_work, 1, _region.value().rect))
			return code;
		return readModules(_work, codeThreshold(_work, 1), 1);
	}
	// Filtered first, at the picture's own scale (the filter is made for it), then enlarged for
	// ZXing's sampling of modules of 2-3 pixels.
	_filtered = source;
	deconvolve(_filtered, filter, smear, _buffers);
	upscale2x(_filtered, _work);
	sharpen(_work, BlurShape::Defocus, 13, 16, 3, _buffers);
	if (auto code = read(_work, 2, _region.value().rect))
		return code;
	return readModules(_work, codeThreshold(_work, 2), 2);
}

// Solved against the smear measured on the region itself, and read with one threshold: the
// solution's ringing misleads ZXing's local one (on the set's motion_8 codes cut out by hand:
// read from most frames with one threshold, from none with ZXing's). The threshold is Otsu's over
// the region's central half, where the code is more than the background around it: it follows the
// code's own grey levels (a fixed mid-grey read 3 of 10 codes of 3+ px once the set's levels
// were moved to 60 / 160, this 6). Codes of under 3 px per module are enlarged after solving, for
// ZXing's sampling; they read only with a threshold within about 8 levels of their middle.
std::optional<RecoveredCode> QrRecovery::smearSolved(const GreyPlane& source, BlurShape along, bool enlarge)
{
	if (!_region)
		return std::nullopt;
	const float length = longSmear(source, along, 1);
	if (length == 0)
		return std::nullopt;
	const PixelRect rect = _region.value().rect;
	GreyPlane& solved = enlarge ? _filtered : _work;
	solved = source;
	deblurSmear(solved, length, along, _smearSolver);
	if (enlarge)
		upscale2x(_filtered, _work);
	const uint8_t threshold = codeThreshold(_work, enlarge ? 2 : 1);
	_binarized = _work;
	binarize(_binarized, threshold);
	if (auto code = read(_binarized, enlarge ? 2 : 1, rect))
		return code;
	// The patterns are found in the picture made black and white, the modules read in the grey one.
	return readModules(_work, threshold, enlarge ? 2 : 1);
}

// The kernels: a lens out of focus by sigma 1-2 px is best undone (on the degradation set) by two
// or three Van Cittert steps against a 7-9 px box; enlarged 2x, against a 13 px one. Motion blur
// responds to the same square kernels better than to a kernel along the motion, except when long.
std::optional<RecoveredCode> QrRecovery::attempt(Attempt which)
{
	if (!_region || _newest < 0)
		return std::nullopt;
	const GreyPlane& newest = _history[size_t(_newest)];
	const bool needsFused = which != Attempt::Sharpen && which != Attempt::Destriped && which != Attempt::Upscaled;
	const GreyPlane& fused = needsFused && fuse() ? _fused : newest;
	// Enlarging helps codes of 2-4 px per module; only in regions small enough that the enlarged
	// copy stays cheap (such codes never need a larger one).
	const int area = _region.value().rect.width * _region.value().rect.height;
	const bool small = _region.value().moduleSize < 4.5 && area <= kMaxEnlargedArea;
	const bool smallForInverse = _region.value().moduleSize < 4.5 && area <= kMaxEnlargedAreaInverse;
	const bool rows = _smearAlongRows.value_or((_nextAttempt / uint64_t(Attempt::Count)) % 2 == 0);
	switch (which) {
	case Attempt::Sharpen: return sharpened(newest, false, BlurShape::Defocus, 7, 16, 3);
	case Attempt::Destriped: {
		if (!_destriped)
			return std::nullopt;
		// _filtered holds the newest picture with its stripes divided out (attemptCost()). It is
		// read as it is and then sharpened (small codes enlarged first), for moiré under blur: the
		// mix's 3 px code is read only so, and its two 2.5 px codes only by modules from there.
		_work = _filtered;
		if (auto code = read(_work, 1, _region.value().rect))
			return code;
		return sharpened(_filtered, small, BlurShape::Defocus, small ? 13 : 7, 16, 3, mayReadByModules(which));
	}
	case Attempt::Upscaled: return sharpened(newest, small, BlurShape::Defocus, small ? 13 : 9, 16, 3);
	case Attempt::FusedSharpen: return sharpened(fused, false, BlurShape::Defocus, 7, 16, 2);
	case Attempt::StrongSharpen: return sharpened(fused, false, BlurShape::Defocus, 9, 24, 3);
	case Attempt::InverseDefocus: return inverseFiltered(fused, InverseFilter::Defocus22, BlurShape::Defocus, smallForInverse);
	case Attempt::FusedPlain: return read(fused, 1, _region.value().rect); // noise, small codes between full-resolution frames
	case Attempt::Motion: return sharpened(fused, false, rows ? BlurShape::Horizontal : BlurShape::Vertical, 9, 24, 3);
	case Attempt::InverseMotion: return inverseFiltered(fused, InverseFilter::Smear5, rows ? BlurShape::Horizontal : BlurShape::Vertical, smallForInverse);
	case Attempt::SolvedSmear: return smearSolved(fused, rows ? BlurShape::Horizontal : BlurShape::Vertical, smallForInverse);
	case Attempt::InverseSmallDefocus: return inverseFiltered(fused, InverseFilter::Defocus16, BlurShape::Defocus, smallForInverse);
	case Attempt::FusedUpscaled: return sharpened(fused, small, BlurShape::Defocus, small ? 15 : 11, 16, 3);
	case Attempt::SecondBinarizer:
		_work = fused;
		stretchContrast(_work);
		return read(_work, 1, _region.value().rect, true);
	case Attempt::Count: break;
	}
	return std::nullopt;
}

// The attempts that go on to read by modules (readModules()) when ZXing reads nothing, on a region
// whose modules are that small: such a read costs about another attempt.
bool QrRecovery::mayReadByModules(Attempt which) const
{
	const bool restored = which == Attempt::InverseDefocus || which == Attempt::InverseMotion || which == Attempt::InverseSmallDefocus
						  || which == Attempt::SolvedSmear || which == Attempt::Destriped;
	return restored && _region && _region.value().moduleSize < kMaxModuleSizeByModules;
}

// What `which` will cost, in attempts, decided before it is made (recover() counts a frame's work
// so): 0 for one with nothing to work on, passed over (those on the average of the kept pictures
// while there is one picture), 2 for one that may go on to read by modules. The attempt on a
// filmed screen's moiré divides the stripes out here, into _filtered: only pictures that show
// them go on to the sharpening and perhaps the reading by modules; looking costs one attempt, as
// it always has.
int QrRecovery::attemptCost(Attempt which)
{
	switch (which) {
	case Attempt::FusedSharpen:
	case Attempt::FusedPlain:
	case Attempt::FusedUpscaled:
		if (_historySize < 2)
			return 0;
		break;
	case Attempt::Destriped:
		if (_newest < 0)
			return 0; // no picture (never so after remember())
		// Fainter stripes than elsewhere count here (kMinFaintStripeDepth), where a false
		// pattern costs little.
		_filtered = _history[size_t(_newest)];
		_destriped = removeStripes(_filtered, kMinFaintStripeDepth);
		if (!_destriped)
			return 1;
		break;
	default: break;
	}
	return 1 + int(mayReadByModules(which));
}

// A region that ZXing's patterns in a plain or half-resolution picture placed, of coarse modules
// and fewer than three patterns, may be clutter around a small code: the code's own patterns can
// then show in the region's sharpened picture or the one filtered against defocus 1.6 (the filter
// that shows small codes' patterns in the tile search) when they did not at half resolution. A
// full set of them, of modules under two thirds of the region's, takes the region's place. On the
// set: the mix's 2.5 px code of scene 3, held for the whole stream by a region of two "patterns"
// of 6 px around it, is found so in its second frame.
void QrRecovery::relocate(Attempt which, const ImageView& image)
{
	if ((which != Attempt::InverseSmallDefocus && which != Attempt::Sharpen) || !_region || _region.value().patterns >= 3
		|| _region.value().moduleSize < kMaxModuleSizeByModules)
		return;
	const PixelRect rect = _region.value().rect;
	if (_work.width != rect.width || _work.height != rect.height)
		return; // enlarged: a small region, already looked at closely
	const double coarse = _region.value().moduleSize;
	auto regions = findFinderRegions({_work.pixels.data(), _work.width, _work.height, ZXing::ImageFormat::Lum}, rect, image.width, image.height);
	std::erase_if(regions, [coarse](const FinderRegion& r) { return r.patterns < 3 || r.moduleSize < 2 || r.moduleSize > coarse * 2 / 3; });
	if (regions.empty())
		return;
	forgetRegion();
	_region = regions.front();
	_region.value().rect = _region.value().rect.clippedTo(image.width, image.height);
	_framesWithRegion = 0;
	_regionFromSearch = true;
	_failedOnRegion = 0;
	remember(image);
	chooseFirstAttempt(Attempt::Sharpen);
}

// When `plane` (1/`scale` of the frame) is smeared along rows (`alongRows`) or columns by a long
// smear (longSmear()), solves it for that smear in place.
bool QrRecovery::solveLongSmear(GreyPlane& plane, bool alongRows, int scale)
{
	const BlurShape along = alongRows ? BlurShape::Horizontal : BlurShape::Vertical;
	const float length = longSmear(plane, along, scale);
	if (length == 0)
		return false;
	deblurSmear(plane, length, along, _smearSolver);
	return true;
}

// Codes of 2-3 px per module under blur vanish at half resolution, and their finder patterns do
// not survive the quick sharpening either; an inverse filter at full resolution brings them
// back (on the set: the 2.5 px codes under defocus 1.6). At the cost of a few plain passes for a
// whole frame, so a quarter of it (a 2 x 2 grid of tiles that overlap by a code's width) per call.
// A tile that looks smeared is first filtered against a 5 px smear that way: the defocus filter
// alone does not bring back the patterns of small codes under motion (on the set it then finds
// 3 of the 5 small codes under motion 5 instead of none).
void QrRecovery::searchTile(const ImageView& image, int tile)
{
	const PixelRect rect = tileRect(image.width, image.height, tile);
	if (rect.width < 21 || rect.height < 21)
		return;
	lookForStripes(image);
	extractRegion(image, rect, 1, _work);
	// The attempt that uses what showed the code goes first on a region found here.
	Attempt first = Attempt::Destriped;
	bool solved = false;
	bool strongDefocus = false;
	// Under moiré the tile's stripes are divided out instead of the inverse filters, which would
	// deepen them.
	if (!_stripes || !removeStripes(_work)) {
		const auto smear = smearAlongRows(_work);
		solved = smear && solveLongSmear(_work, *smear, 1);
		if (smear && !solved)
			deconvolve(_work, InverseFilter::Smear5, *smear ? BlurShape::Horizontal : BlurShape::Vertical, _buffers);
		// A lens's blur is the camera's, the same over the frame and slow to change: measured on
		// the tile of the first search every kDefocusCheckFrames frames (it costs two smear
		// measurements of a tile) and kept for the other tiles.
		if (!smear && (_defocusCheckedAt == ~uint64_t{0} || _frames - _defocusCheckedAt >= kDefocusCheckFrames)) {
			_strongDefocus = stronglyDefocused(_work);
			_defocusCheckedAt = _frames;
		}
		strongDefocus = !smear && _strongDefocus;
		// Not after solving: the defocus filter sharpens the solution's ringing into false finder
		// patterns (on frame 0 of the set's motion_8 scenes the search then found 5 of the 10 codes
		// of 3+ px on their tiles, without it 9).
		if (!solved)
			deconvolve(_work, strongDefocus ? InverseFilter::Defocus22 : InverseFilter::Defocus16, BlurShape::Defocus, _buffers);
		first = solved ? Attempt::SolvedSmear : smear ? Attempt::InverseMotion : strongDefocus ? Attempt::InverseDefocus : Attempt::InverseSmallDefocus;
	}
	auto regions = findRegions(_work, rect, image.width, image.height, solved || strongDefocus);
	// Patterns of under 2 px per module are texture (no code that small is readable): skipping them
	// keeps a false region from holding the attempts while the code is elsewhere.
	std::erase_if(regions, [](const FinderRegion& r) { return r.moduleSize < 2; });
	if (regions.empty() && strongDefocus)
		startBlurredSearch(image, tile);
	if (!regions.empty()) {
		const auto before = _region;
		trackSearched(regions, image);
		if (_region && (!before || before.value().rect != _region.value().rect)) {
			chooseFirstAttempt(first);
			_repeatOnAverage = first;
		}
	}
}

int QrRecovery::busiestTile() const
{
	int busiest = 0;
	for (int tile = 1; tile < 4; ++tile)
		if (_tileBusyness[size_t(tile)].busyness > _tileBusyness[size_t(busiest)].busyness)
			busiest = tile;
	return busiest;
}

void QrRecovery::startBlurredSearch(const ImageView& image, int tile)
{
	if (_blurred.active() || _blurredRest > 0)
		return;
	for (const auto& other : _tileBusyness)
		if (other.busyness > _tileBusyness[size_t(tile)].busyness)
			return;
	const auto& square = _tileBusyness[size_t(tile)];
	const int side = std::min({kBlurredWindow, image.width, image.height});
	_blurredWindow = {std::clamp(square.x - side / 2, 0, image.width - side), std::clamp(square.y - side / 2, 0, image.height - side), side, side};
	extractRegion(image, _blurredWindow, 1, _work);
	_blurred.start({_work.pixels.data(), _work.width, _work.height, ZXing::ImageFormat::Lum}, kStrongDefocusSigma);
}

std::optional<RecoveredCode> QrRecovery::continueBlurredSearch(bool toTheEnd)
{
	if (!_blurred.active())
		return std::nullopt;
	auto code = _blurred.resume(toTheEnd ? kBlurredStillWork : kBlurredWorkPerFrame);
	if (code)
		return RecoveredCode{std::move(*code), false, 1, _blurredWindow.left, _blurredWindow.top};
	if (!_blurred.active())
		_blurredRest = kBlurredRestFrames;
	return std::nullopt;
}

void QrRecovery::chooseFirstAttempt(Attempt first)
{
	const auto count = uint64_t(Attempt::Count);
	_nextAttempt += (uint64_t(first) + count - _nextAttempt % count) % count;
	_firstChosenAt = _frames;
}

// The first region of a code in view that a search on a tile has not judged (the plain pass or
// the half-resolution search found it): when its picture is smeared one way by kMinDiagnosedSmear
// or more, the attempts against a smear go first, the solved one for a long smear. In the order of
// Attempt they come last, seven frames into a stream; so they read the set's codes under motion 8
// five frames sooner (51 calls instead of 93 for the condition). A filmed screen's stripes pass for
// a shorter smear: moiré's 3.5 px code of scene 10 went to the smear's attempts first and was read
// in frame 6; left in the usual order, in frame 1. Once only while the code stays in view: a region
// placed anew each few frames would otherwise go back to the smear's attempts every time.
void QrRecovery::diagnoseNewRegion()
{
	if (_historySize != 1 || _diagnosed || _firstChosenAt == _frames)
		return;
	_diagnosed = true;
	if (!_smearAlongRows)
		return;
	const GreyPlane& newest = _history[size_t(_newest)];
	const BlurShape along = *_smearAlongRows ? BlurShape::Horizontal : BlurShape::Vertical;
	const float length = estimateSmearLength(newest, along);
	if (length < kMinDiagnosedSmear)
		return;
	chooseFirstAttempt(longSmear(newest, along, 1, length) > 0 ? Attempt::SolvedSmear : Attempt::InverseMotion);
}

// The busiest tile (busynessByTile(), as the last half-resolution search measured it) not yet
// searched in this round of four; every tile once per round. In a fixed order the tile holding
// the code came, on the set, anywhere in the round: motion 8's two 2.5 px codes were found in
// frame 7, now in frame 1.
int QrRecovery::nextTile()
{
	int chosen = -1;
	for (int tile = 0; tile < 4; ++tile)
		if (!(_tilesSearched & (1u << tile)) && (chosen < 0 || _tileBusyness[size_t(tile)].busyness > _tileBusyness[size_t(chosen)].busyness))
			chosen = tile;
	_tilesSearched |= 1u << chosen;
	if (_tilesSearched == 0xF)
		_tilesSearched = 0;
	return chosen;
}

// Moiré covers a filmed screen, so the frame's centre tells: looked for there (a tenth of a tile's
// cost) every few frames.
void QrRecovery::lookForStripes(const ImageView& image)
{
	if (_stripesCheckedAt != ~uint64_t{0} && _frames - _stripesCheckedAt < kStripesCheckFrames)
		return;
	const int side = std::min({kStripesProbeSide, image.width, image.height});
	extractRegion(image, {(image.width - side) / 2, (image.height - side) / 2, side, side}, 1, _work);
	_stripes = removeStripes(_work);
	_stripesCheckedAt = _frames;
}

int QrRecovery::search(const ImageView& image, const ZXing::ImageView& base, int factor)
{
	if (_searches++ % 2 == 1) {
		searchTile(image, nextTile());
		return 2;
	}
	// At half resolution, sharpened: restores the light rings of blurred finder patterns well
	// enough for ZXing's 1:1:3:1:1 search (on the degradation set it finds 38 of 40 codes of 3+ px
	// per module under defocus, motion and the mix, against 24 in the unsharpened frame), at a
	// quarter of the full frame's cost. Only the search: reading is left to the attempts on the
	// region, which are cheaper than another pass over the whole frame.
	int scale = factor;
	if (factor == 1 && base.width() >= 2 * 21 && base.height() >= 2 * 21) {
		scale = 2;
		halve(base.data(), base.width(), base.height(), base.rowStride(), _work);
	} else {
		_work.resize(base.width(), base.height());
		for (int y = 0; y < _work.height; ++y)
			std::copy(base.data() + size_t(y) * size_t(base.rowStride()), base.data() + size_t(y) * size_t(base.rowStride()) + _work.width, _work.row(y));
	}
	_tileBusyness = busynessByTile(_work, scale, image.width, image.height);
	// A long smear is solved for instead (halved with the frame), as on the tiles.
	const auto smear = smearAlongRows(_work);
	const bool solved = smear && solveLongSmear(_work, *smear, scale);
	if (!solved)
		sharpen(_work, BlurShape::Defocus, 5, 16, 2, _buffers);
	auto regions = findRegions(_work, {0, 0, _work.width, _work.height}, _work.width, _work.height, solved);
	for (auto& region : regions)
		region = region.scaledUp(scale, image.width, image.height);
	if (!regions.empty())
		trackSearched(regions, image);
	return 1;
}

std::optional<RecoveredCode> QrRecovery::recover(const ImageView& image, const ZXing::ImageView& base, int factor,
												  const std::vector<FinderRegion>& seen, int attempts, bool singleImage)
{
	auto code = recoverInFrame(image, base, factor, seen, attempts, singleImage);
	// A still image measured as strongly defocused and not read: a blurred search runs to its end,
	// begun now if a region (whose attempts read nothing) was found on the busiest tile.
	if (!code && singleImage && _strongDefocus && _defocusCheckedAt == _frames) {
		if (!_blurred.active())
			startBlurredSearch(image, busiestTile());
		code = continueBlurredSearch(true);
	}
	return code;
}

std::optional<RecoveredCode> QrRecovery::recoverInFrame(const ImageView& image, const ZXing::ImageView& base, int factor,
														const std::vector<FinderRegion>& seen, int attempts, bool singleImage)
{
	track(seen, image);
	// The frame's work, in half attempts (an attempt on a region: 1-3 ms in wasm): the base pass
	// at full resolution costs about half an attempt more than at half, so does a search at half
	// resolution, and a search on a tile costs a whole one. What they spent is taken from the
	// frame's attempts, rounded in their favour: the frames that search and attempt were the
	// slowest twentieth of the set's calls (1.8x the median), and those that take only one attempt
	// still read every code they read with two.
	int spent = factor == 1 ? 1 : 0;
	// Without a region, search every frame; with one that a few frames of attempts have not read,
	// every fourth frame, in case it is not a code (another one may be elsewhere).
	if (_region && seen.empty() && _framesWithRegion++ >= 4 && _frames % 4 == 0)
		spent += search(image, base, factor);
	if (_blurredRest > 0)
		--_blurredRest;
	if (!_region) {
		if (_searchRest > 0) {
			--_searchRest;
			return continueBlurredSearch();
		}
		spent += search(image, base, factor);
		if (!_region && singleImage && int64_t(image.width) * image.height <= kStillTileSearchPixels)
			for (int tile = 0; tile < 4 && !_region; ++tile)
				searchTile(image, nextTile());
		if (!_region)
			return continueBlurredSearch(singleImage);
	}
	remember(image);
	diagnoseNewRegion();

	attempts = std::max(0, (2 * attempts - spent + 1) / 2);
	const int frameAttempts = attempts;
	const int count = int(Attempt::Count);
	// The attempt that showed a tile's region goes first on it, on one picture; once the average
	// of kHistory pictures is there, it goes again, out of turn (in turn it comes back only after
	// every other kind): defocus 1.6's 2.5 px code of scene 3, found in frame 1, is read in frame 4
	// instead of frame 7.
	if (_repeatOnAverage && _historySize == kHistory && attempts > 0) {
		const Attempt which = *_repeatOnAverage;
		_repeatOnAverage.reset();
		const int cost = attemptCost(which);
		if (cost > 0) {
			attempts -= cost;
			if (auto code = attempt(which))
				return code;
		}
	}
	for (int done = 0, tried = 0; done < attempts && tried < count; ++tried) {
		auto which = Attempt(_nextAttempt % uint64_t(count));
		// An attempt that may go on to read by modules counts twice, before it is made: when only
		// one attempt is left, the next frame begins with it (counted only once it had read by
		// modules, it made such frames cost three).
		const int cost = attemptCost(which);
		if (cost == 0) {
			++_nextAttempt;
			continue;
		}
		if (done > 0 && done + cost > attempts)
			break;
		++_nextAttempt;
		done += cost;
		auto code = attempt(which);
		if (code)
			return code;
		// The attempts on a region found anew go on in this frame.
		relocate(which, image);
	}
	_failedOnRegion += frameAttempts;
	if (_regionFromSearch && _failedOnRegion >= kGiveUpAttempts) {
		forgetRegion();
		_regionFromSearch = false;
		_framesSinceSeen = kForgetRegionFrames + 1; // no "code in view" hint for it either
		// Each time again, the rest doubles (up to 4x): the search finds the same false region in a
		// still scene every time.
		_searchRest = kSearchRestFrames << std::min(_giveUps++, 2);
	}
	return std::nullopt;
}

} // namespace authcore::detail
