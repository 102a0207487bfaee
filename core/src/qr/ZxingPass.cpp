// ZXing's internal headers (the finder-pattern search) need ZXING_INTERNAL, as ZXing's own sources
// define it; it only adds member functions, so this file and the library agree on every layout.
#define ZXING_INTERNAL

#include "ZxingPass.h"

#include <BinaryBitmap.h>
#include <BitMatrix.h>
#include <GlobalHistogramBinarizer.h>
#include <HybridBinarizer.h>
#include <MultiFormatReader.h>
#include <ReaderOptions.h>
#include <qrcode/QRDetector.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace authcore::detail {

namespace {

// A version 10 code (57 modules) is more than any otpauth URI needs; a lone finder pattern can be
// at any corner of a code turned any way, so its region reaches 57 * sqrt(2) modules every way.
constexpr double kLoneReachModules = 72;
// Finder pattern centres sit 3.5 modules inside the symbol; add the quiet zone the binarizer needs.
constexpr double kMarginModules = 8;
constexpr int kMaxRegions = 3;
// Largest region side in pixels: a recovery attempt's cost follows the region's area. A 576 px
// square holds a version-8 code of 7 px per module turned any way, larger than what the base pass
// fails to read, and a lone pattern's reach (kLoneReachModules) at 4 px per module, the largest
// modules half resolution misses (at 480 px the set lost defocus 2.2's scene 2: its code reached
// the rectangle's edge).
constexpr int kMaxRegionSide = 576;

PixelRect capped(PixelRect r)
{
	if (r.width > kMaxRegionSide) {
		r.left += (r.width - kMaxRegionSide) / 2;
		r.width = kMaxRegionSide;
	}
	if (r.height > kMaxRegionSide) {
		r.top += (r.height - kMaxRegionSide) / 2;
		r.height = kMaxRegionSide;
	}
	return r;
}

PixelRect boundingRect(std::initializer_list<ZXing::PointF> points, double margin)
{
	double left = 1e9, top = 1e9, right = -1e9, bottom = -1e9;
	for (const auto& p : points) {
		left = std::min(left, p.x);
		top = std::min(top, p.y);
		right = std::max(right, p.x);
		bottom = std::max(bottom, p.y);
	}
	int l = int(std::floor(left - margin)), t = int(std::floor(top - margin));
	return {l, t, int(std::ceil(right + margin)) - l, int(std::ceil(bottom + margin)) - t};
}

PixelRect squareOf(const ZXing::QRCode::FinderPatterns::value_type& p)
{
	const int side = int(std::lround(p.size));
	return {int(std::lround(p.x - p.size / 2)), int(std::lround(p.y - p.size / 2)), side, side};
}

bool contains(const PixelRect& r, ZXing::PointF p)
{
	return p.x >= r.left && p.y >= r.top && p.x < r.left + r.width && p.y < r.top + r.height;
}

std::vector<FinderRegion> regionsOf(ZXing::QRCode::FinderPatterns patterns, int width, int height)
{
	std::vector<FinderRegion> regions;
	auto sets = ZXing::QRCode::GenerateFinderPatternSets(patterns); // sorts patterns, largest first
	for (const auto& set : sets) {
		if (int(regions.size()) >= kMaxRegions)
			break;
		double module = double(set.bl.size + set.tl.size + set.tr.size) / 21;
		ZXing::PointF fourth = set.tr + set.bl - set.tl;
		FinderRegion region{capped(boundingRect({set.bl, set.tl, set.tr, fourth}, kMarginModules * module)).clippedTo(width, height), module, 3};
		for (const auto* p : {&set.bl, &set.tl, &set.tr})
			region.addSquare(squareOf(*p));
		regions.push_back(region);
	}
	// Patterns no set explains: two of a similar size close together, or one alone.
	for (const auto& p : patterns) {
		if (int(regions.size()) >= kMaxRegions)
			break;
		if (std::any_of(regions.begin(), regions.end(), [&](const auto& r) { return contains(r.rect, p); }))
			continue;
		double module = p.size / 7.0;
		if (module < 1)
			continue;
		std::vector<ZXing::PointF> group;
		FinderRegion region;
		for (const auto& q : patterns)
			if (std::abs(q.size / double(p.size) - 1) < 0.5 && distance(ZXing::PointF(p), ZXing::PointF(q)) < 60 * module) {
				group.push_back(q);
				region.addSquare(squareOf(q));
			}
		PixelRect rect;
		if (group.size() >= 2) {
			// Two corners of a code: the rest lies to one side of the line between them, as far away
			// as they are apart, and its far corner reaches out diagonally from the patterns' centres
			// (3.5 modules in, and the quiet zone beyond): half a margin more than three patterns get.
			const double reach = distance(ZXing::PointF(group[0]), ZXing::PointF(group[1])) + 1.5 * kMarginModules * module;
			rect = boundingRect({group[0], group[1]}, reach);
			for (size_t i = 2; i < group.size(); ++i) {
				auto more = boundingRect({group[i]}, reach);
				int r = std::max(rect.left + rect.width, more.left + more.width), b = std::max(rect.top + rect.height, more.top + more.height);
				rect.left = std::min(rect.left, more.left);
				rect.top = std::min(rect.top, more.top);
				rect.width = r - rect.left;
				rect.height = b - rect.top;
			}
		} else {
			rect = boundingRect({p}, kLoneReachModules * module);
		}
		region.rect = capped(rect).clippedTo(width, height);
		region.moduleSize = module;
		region.patterns = int(std::min<size_t>(group.size(), 2));
		regions.push_back(region);
	}
	// Most patterns first, otherwise in the order found: an insertion sort (a handful of regions), since
	// std::stable_sort's temporary buffer is deprecated in libstdc++ 12 and clang's -Werror refuses it.
	for (size_t i = 1; i < regions.size(); ++i)
		for (size_t j = i; j > 0 && regions[j - 1].patterns < regions[j].patterns; --j)
			std::swap(regions[j - 1], regions[j]);
	return regions;
}

} // namespace

FinderRegion FinderRegion::scaledUp(int scale, int width, int height) const
{
	auto times = [scale](const PixelRect& r) { return PixelRect{r.left * scale, r.top * scale, r.width * scale, r.height * scale}; };
	FinderRegion scaled = *this;
	// Capped again: kMaxRegionSide is in the full image's pixels, where the attempts pay for it.
	scaled.rect = capped(times(rect)).clippedTo(width, height);
	scaled.moduleSize = moduleSize * scale;
	for (auto& square : std::span(scaled.patternSquares.data(), size_t(scaled.squareCount)))
		square = times(square);
	return scaled;
}

ZxingPassResult readQrPass(const ZXing::ImageView& view, const ZxingPassOptions& options)
{
	const auto readerOptions = ZXing::ReaderOptions()
								   .formats(ZXing::BarcodeFormat::QRCodeModel1 | ZXing::BarcodeFormat::QRCodeModel2)
								   .tryHarder(options.tryHarder)
								   .tryInvert(options.tryInvert)
								   .tryDownscale(false)
								   .tryRotate(false)
								   .textMode(ZXing::TextMode::Plain)
								   .maxNumberOfSymbols(1);
	std::unique_ptr<ZXing::BinaryBitmap> bitmap;
	if (options.globalBinarizer)
		bitmap = std::make_unique<ZXing::GlobalHistogramBinarizer>(view);
	else
		bitmap = std::make_unique<ZXing::HybridBinarizer>(view);
	ZXing::MultiFormatReader reader(readerOptions);

	ZxingPassResult result;
	for (int invert = 0; invert <= int(options.tryInvert); ++invert) {
		if (invert)
			bitmap->invert();
		auto barcodes = reader.read(*bitmap, 1);
		if (!barcodes.empty() && barcodes.front().isValid()) {
			result.barcode = std::move(barcodes.front());
			result.inverted = invert == 1;
			return result;
		}
	}
	if (options.findRegions) {
		if (bitmap->inverted())
			bitmap->invert();
		if (const auto* bits = bitmap->getBitMatrix())
			result.regions = regionsOf(ZXing::QRCode::FindFinderPatterns(*bits, options.tryHarder), view.width(), view.height());
	}
	return result;
}

std::vector<FinderRegion> findFinderRegions(const ZXing::ImageView& view)
{
	return findFinderRegions(view, {0, 0, view.width(), view.height()}, view.width(), view.height());
}

std::vector<FinderRegion> findFinderRegions(const ZXing::ImageView& tile, const PixelRect& placeInImage, int imageWidth, int imageHeight)
{
	ZXing::HybridBinarizer bitmap(tile);
	const auto* bits = bitmap.getBitMatrix();
	if (!bits)
		return {};
	auto patterns = ZXing::QRCode::FindFinderPatterns(*bits, true);
	for (auto& p : patterns) {
		p.x += placeInImage.left;
		p.y += placeInImage.top;
	}
	return regionsOf(std::move(patterns), imageWidth, imageHeight);
}

} // namespace authcore::detail
