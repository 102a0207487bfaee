// ZXing::QRCode::SampleQR behind a guard against degenerate finder-pattern sets, linked instead of
// ZXing's own (cmake/ThirdParty.cmake compiles QRDetector.cpp with that one renamed to
// SampleQR_unguarded).
//
// Why: ZXing-cpp 3.1.1 can find two finder patterns at exactly the same spot in a hostile or noisy
// picture (its "already found" test compares against the old pattern's size, which can be tiny),
// and GenerateFinderPatternSets accepts a set holding both (its angle tests compare against NaN,
// which is never false). SampleQR then traces a line from one pattern towards the other: the
// direction is 0/0, and converting that NaN to a pixel coordinate is undefined behaviour
// (found by tests/fuzz/qr_decode_fuzzer, seed tests/fuzz/seeds/qr_decode/coincident-finder-patterns).
// A set with two patterns at one point is no code, so it yields no grid.
//
// Every caller goes through here: ZXing's QR reader and core/src/qr/ModuleReader.cpp.
#include "qrcode/QRDetector.h"

namespace ZXing::QRCode {

DetectorResults SampleQR_unguarded(const BitMatrix& image, const FinderPatternSet& fp);

namespace {
DetectorResults noGrid()
{
	co_return;
}
} // namespace

DetectorResults SampleQR(const BitMatrix& image, const FinderPatternSet& fp)
{
	const PointF bl = fp.bl, tl = fp.tl, tr = fp.tr;
	if (bl == tl || tl == tr || bl == tr)
		return noGrid();
	return SampleQR_unguarded(image, fp);
}

} // namespace ZXing::QRCode
