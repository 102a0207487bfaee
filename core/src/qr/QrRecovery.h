#pragma once
// What the live and still paths do when ZXing alone reads nothing in a frame: the recovery passes
// of docs/qr-scanning.md ("Recovery"). ZXing's finder-pattern search usually still sees a blurred,
// noisy or small code that its decoder cannot read; around those patterns (a region of a few
// hundred pixels, so each attempt is cheap) we try, one or two per frame and a different one each
// frame, what ZXing does not do itself:
//   - sharpening against defocus (a few steps of Van Cittert deconvolution), and inverse (Wiener)
//     filters against a Gaussian defocus or a straight smear, for blur too strong for the former,
//   - deblurring along rows and along columns against motion,
//   - enlarging the region 2x before sharpening, for codes of 2-3 pixels per module,
//   - dividing out the stripes (moiré) a filmed screen lays over the picture (Stripes.h),
//   - a second binarizer (one histogram threshold over the region, after a contrast stretch),
//   - the average of the last frames' regions, aligned to the newest, against sensor noise.
// With no finder pattern in view, a search pass looks for them in a sharpened copy of the frame.
// Every attempt is a full ZXing read: a result is as trustworthy as a sharp frame's.

#include "BlurredCodeReader.h"
#include "GreyPlane.h"
#include "SmearSolver.h"
#include "ZxingPass.h"

#include "authcore/qr/ImageView.h"
#include "authcore/qr/QrDecoder.h"

#include <Barcode.h>
#include <ImageView.h>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace authcore::detail {

struct RecoveredCode
{
	ZXing::Barcode barcode;
	bool inverted = false;
	// The barcode's position is in the pixels of the plane it was read from: image = plane / scale + offset.
	double scale = 1;
	int offsetX = 0;
	int offsetY = 0;
};

/// How busy a tile's busiest square looked, and where that square's centre is (image pixels).
struct TileBusyness
{
	int64_t busyness = 0;
	int x = 0;
	int y = 0;
};

class QrRecovery
{
public:
	/// After a base pass read nothing in `image` (the caller's full-resolution frame). `seen`: the
	/// finder-pattern regions of that pass, already in `image` pixels. Spends up to `attempts`
	/// attempts' worth of work (counted in recover()), going on from where the previous call left off.
	/// `base`: the grey image the base pass read, 1/`factor` of `image`'s size. `singleImage`: a
	/// still image, with no next frame to go on in: with no region found, every tile is searched
	/// at once (for images of up to kStillTileSearchPixels) and a blurred search runs to its end.
	std::optional<RecoveredCode> recover(const ImageView& image, const ZXing::ImageView& base, int factor,
										 const std::vector<FinderRegion>& seen, int attempts, bool singleImage = false);

	/// True when finder patterns have been seen in one of the last few frames: a code is in view
	/// but not (yet) readable.
	bool codeInView() const { return _framesSinceSeen <= kInViewFrames; }

	/// Why the code in view is not read, judged from its last pictures: washed-out dark modules
	/// (glare), movement between frames, or else blur with a steady hand (focus).
	ScanHint hint() const { return _hint; }

	/// Forgets everything, wiping the kept pictures (after a read, or for a new stream).
	void reset();

private:
	static constexpr int kHistory = 4;
	static constexpr int kInViewFrames = 5;
	static constexpr int kForgetRegionFrames = 30;
	// A region that only the search saw (never the plain pass) is dropped once this many attempts
	// on it have failed (every kind about once: as long as one stream of the degradation set), and
	// the search then rests for kSearchRestFrames, twice that the second time, four times from the
	// third: outlined rectangles in an ordinary scene pass for finder patterns, and the attempts on
	// them cost several plain passes per frame.
	static constexpr int kGiveUpAttempts = 16;
	static constexpr int kSearchRestFrames = 15;

	// In the order they are tried; measured on the degradation set (docs/qr-scanning.md).
	enum class Attempt {
		Sharpen,
		Destriped,            // a filmed screen's moiré divided out (Stripes.h), on the newest picture
		Upscaled,
		FusedSharpen,
		StrongSharpen,
		InverseDefocus,       // Wiener against a Gaussian of sigma 2.2 px, on the average (small codes: then enlarged)
		FusedPlain,
		Motion,
		InverseMotion,        // Wiener against a 5 px smear along the smear seen (else rows and columns by turns)
		FusedUpscaled,
		InverseSmallDefocus,  // Wiener against sigma 1.6 px: small codes, moderate defocus
		SecondBinarizer,
		SolvedSmear,          // solved for the smear measured on the region, when long (SmearSolver.h)
		Count
	};

	std::optional<RecoveredCode> recoverInFrame(const ImageView& image, const ZXing::ImageView& base, int factor,
												const std::vector<FinderRegion>& seen, int attempts, bool singleImage);
	void track(const std::vector<FinderRegion>& seen, const ImageView& image);
	/// track() for regions a search found in the frame track() has already counted.
	void trackSearched(const std::vector<FinderRegion>& found, const ImageView& image);
	void remember(const ImageView& image);
	/// Drops the code's region and its kept pictures (the region has not been seen for long, or the
	/// attempts on it gave up).
	void forgetRegion();
	/// Returns what the search cost, in half attempts (as recover() counts a frame's work).
	int search(const ImageView& image, const ZXing::ImageView& base, int factor);
	void searchTile(const ImageView& image, int tile);
	/// After a search of `tile` under strong defocus found no finder pattern: starts a blurred
	/// search around its busiest square, when that tile is the busiest and none is going on.
	void startBlurredSearch(const ImageView& image, int tile);
	int busiestTile() const;
	/// A frame's work (kBlurredWorkPerFrame) on the blurred search, if one is going on; all of it
	/// for `toTheEnd`.
	std::optional<RecoveredCode> continueBlurredSearch(bool toTheEnd = false);
	int nextTile();
	void chooseFirstAttempt(Attempt first);
	void diagnoseNewRegion();
	void lookForStripes(const ImageView& image);
	std::optional<RecoveredCode> attempt(Attempt which);
	bool mayReadByModules(Attempt which) const;
	int attemptCost(Attempt which);
	/// After `which` failed on the region: looks in its restored picture for a smaller code's full
	/// set of finder patterns, and when it finds one moves the region there.
	void relocate(Attempt which, const ImageView& image);
	bool fuse();
	std::optional<RecoveredCode> read(const GreyPlane& plane, double scale, const PixelRect& rect, bool globalBinarizer = false);
	uint8_t codeThreshold(const GreyPlane& plane, int scale) const;
	std::optional<RecoveredCode> readModules(const GreyPlane& grey, uint8_t threshold, int scale);
	std::optional<RecoveredCode> sharpened(const GreyPlane& source, bool enlarge, BlurShape shape, int length, int amount, int iterations,
										   bool byModules = false);
	std::optional<RecoveredCode> inverseFiltered(const GreyPlane& source, InverseFilter filter, BlurShape smear = BlurShape::Defocus, bool enlarge = false);
	std::optional<RecoveredCode> smearSolved(const GreyPlane& source, BlurShape along, bool enlarge);
	bool solveLongSmear(GreyPlane& plane, bool alongRows, int scale);

	std::optional<FinderRegion> _region;   // where the code is thought to be, in image pixels
	int _framesSinceSeen = kForgetRegionFrames + 1;
	std::array<GreyPlane, kHistory> _history; // the region in the last frames, newest at _newest
	int _historySize = 0;
	int _newest = -1;
	uint64_t _nextAttempt = 0;
	uint64_t _frames = 0;
	int _framesWithRegion = 0; // frames since _region was (re)placed
	bool _searching = false;        // track() called by search()
	bool _regionFromSearch = false; // _region was placed by the search and not confirmed by a plain pass since
	int _failedOnRegion = 0;        // attempts made on _region without a read
	int _searchRest = 0;            // frames left before the next search
	uint64_t _searches = 0;         // searches made: every other one is on a tile at full resolution
	std::array<TileBusyness, 4> _tileBusyness{}; // per tile, its busiest square (busynessByTile())
	unsigned _tilesSearched = 0;
	std::optional<Attempt> _repeatOnAverage; // the first attempt on a tile's region, made again on the average            // tiles searched in this round of four, one bit each
	int _giveUps = 0;               // regions of the search given up since the last reset()
	ScanHint _hint = ScanHint::None;
	std::optional<bool> _smearAlongRows; // the newest picture's smear (smearAlongRows() in QrRecovery.cpp)
	bool _stripes = false;              // the frame's centre showed moiré when last looked at (lookForStripes())
	uint64_t _stripesCheckedAt = ~uint64_t{0}; // the frame of that look
	bool _strongDefocus = false;               // the blur measured as wide as defocus 2.2 when last measured (stronglyDefocused())
	uint64_t _defocusCheckedAt = ~uint64_t{0}; // the frame of that measurement
	uint64_t _firstChosenAt = ~uint64_t{0};    // the frame a search last chose the first attempt on its region
	bool _diagnosed = false;                   // diagnoseNewRegion() has judged the code in view
	uint64_t _fusedAt = ~uint64_t{0}; // the frame _fused was made for
	GreyPlane _work;
	GreyPlane _fused;
	GreyPlane _filtered; // an inverse-filtered region before it is enlarged, or the newest one destriped
	bool _destriped = false; // attemptCost(Attempt::Destriped) found stripes in the newest picture
	GreyPlane _binarized; // a picture made black and white at one threshold, its grey one kept
	GreyPlane _enlarged;  // readModules(): a picture at the frame's scale enlarged 2x
	SharpenBuffers _buffers;
	SmearSolverBuffers _smearSolver;
	// A small code under strong defocus that no search finds the patterns of (BlurredCodeReader.h),
	// searched for in steps, frame after frame, while no region holds the attempts.
	BlurredCodeSearch _blurred;
	PixelRect _blurredWindow; // where in the image its picture was cut
	int _blurredRest = 0;     // frames before another may start
};

} // namespace authcore::detail
