#pragma once
// One pass of ZXing's QR reader over a grey image, done step by step instead of through
// ZXing::ReadBarcode so that a pass that reads nothing still tells where finder patterns were seen:
// the regions the recovery passes (QrRecovery) work on, and the "a code is in view" hint of the
// camera page. The reading itself is exactly ReadBarcode's (same binarizer, same reader, the
// inverted image second), so the sharp-frame path reads and costs what it did.
//
// Uses ZXing-cpp internals (BinaryBitmap, MultiFormatReader, QRCode::FindFinderPatterns), pinned
// at 3.1.1 by cmake/ThirdParty.cmake.

#include "GreyPlane.h"

#include <Barcode.h>
#include <ImageView.h>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace authcore::detail {

/// Where a code probably is: around finder patterns, in the pixels of the image the pass read.
struct FinderRegion
{
	PixelRect rect;
	double moduleSize = 0; // pixels per module, from the size of the finder patterns
	int patterns = 0;      // finder patterns behind the guess: 3 (a full set) down to 1
	// Those patterns (up to 3), 7 x 7 modules each as the search measured them. A fixed array: the
	// regions are copied often, and a vector here cost 1 KiB of the shipped module.
	std::array<PixelRect, 3> patternSquares{};
	int squareCount = 0;

	std::span<const PixelRect> squares() const { return {patternSquares.data(), size_t(squareCount)}; }
	void addSquare(const PixelRect& square)
	{
		if (squareCount < int(patternSquares.size()))
			patternSquares[size_t(squareCount++)] = square;
	}
	/// This region (found in a copy reduced `scale` times) in the pixels of the full image, whose
	/// size is `width` x `height`: rectangle, squares and module size scaled, and the rectangle held
	/// to the largest side a region may have there.
	FinderRegion scaledUp(int scale, int width, int height) const;
};

struct ZxingPassOptions
{
	bool tryHarder = true;
	bool tryInvert = true;
	bool globalBinarizer = false; // one histogram threshold instead of ZXing's local one
	bool findRegions = false;     // on failure, look for finder patterns (one more pattern search)
};

struct ZxingPassResult
{
	std::optional<ZXing::Barcode> barcode; // a valid code, or nothing
	bool inverted = false;                 // read from the inverted image
	std::vector<FinderRegion> regions;     // on failure with findRegions: best first, at most 3
};

/// Reads `view` (8-bit grey, dense rows) for one QR code model 1 or 2.
ZxingPassResult readQrPass(const ZXing::ImageView& view, const ZxingPassOptions& options);

/// Only the finder-pattern search of a pass (ZXing's local binarizer, tryHarder row spacing): where
/// codes probably are, best first, at most 3.
std::vector<FinderRegion> findFinderRegions(const ZXing::ImageView& view);

/// The same for a tile of a larger image: `tile` shows `placeInImage` of an image of
/// `imageWidth` x `imageHeight`; the regions are in the image's pixels and may reach beyond the
/// tile (a code cut by the tile's edge still gets its whole region).
std::vector<FinderRegion> findFinderRegions(const ZXing::ImageView& tile, const PixelRect& placeInImage, int imageWidth, int imageHeight);

} // namespace authcore::detail
