#pragma once
// Reads a small QR code blurred past what any finder-pattern search or threshold reads: under the
// degradation set's defocus 2.2, codes of 2.5 px per module, which neither ZXing (on the frame or
// on any restoration of it) nor reading by modules (ModuleReader.h) reads.
//   1. Finder patterns by their blurred look, not by black-and-white runs: the normalized
//      correlation of the picture (at half resolution) with the expected picture of a finder
//      pattern and its light separator (modules around it: half dark on average), turned 0, 30
//      and 60 degrees (a finder pattern repeats every 90). The code's three patterns are among the
//      strongest 30 peaks, but so are chance look-alikes in its data and in the scene.
//   2. Every two peaks as one side of a code, for every version whose module would come out
//      between kMinModule and kMaxModule px; the third pattern where the square's corner would be.
//      Each such grid is judged by how well the picture correlates with the modules every code
//      has (finder patterns, separators, alignment patterns and two modules of quiet zone): the
//      quiet zone's light band and the separators tell the real code from chance triples.
//   3. For the best few grids, the code's picture model (CodePictureModel.h): the grid aligned on
//      the fixed modules, the data modules solved for, and ZXing's decoder (with its error
//      correction) on the result. Any read is ZXing's own decoding: as trustworthy as any other.
// The blur is taken to be Gaussian with the sigma given (the camera's defocus, in pixels).
//
// The whole read costs ~25 ms (native or wasm) when it reads, a few times that when it does not:
// far more than a camera frame has to spare. So it is a search that goes on across calls, in
// steps (resume()): the live recovery gives it a few milliseconds a frame, on the one picture it
// started with (a hand moves the code a pixel or two between frames; one frame holds all it
// needs). docs/qr-scanning.md ("Solving for the modules") has the measurements.

#include <Barcode.h>
#include <ImageView.h>

#include <memory>
#include <optional>

namespace authcore::detail {

class BlurredCodeSearch
{
public:
	BlurredCodeSearch();
	~BlurredCodeSearch();
	BlurredCodeSearch(const BlurredCodeSearch&) = delete;
	BlurredCodeSearch& operator=(const BlurredCodeSearch&) = delete;

	/// Starts a search on a copy of `grey` (8-bit), blurred by a Gaussian of `blurSigma` px,
	/// dropping any search in progress. The code must lie inside `grey`, quiet zone included.
	void start(const ZXing::ImageView& grey, double blurSigma);

	/// Whether a search is in progress (started and neither read nor given up).
	bool active() const;

	/// Goes on with the search for about `work` times the work of a step of the modules' fit
	/// (~0.6 ms natively, 0.8 in wasm; at least one step); the code, in the pixels of the picture
	/// the search started on, once read (the search then ends).
	std::optional<ZXing::Barcode> resume(int work);

	/// Ends any search, wiping what it kept of the picture.
	void reset();

private:
	struct State;
	std::unique_ptr<State> _state;
};

/// The whole search at once: a code of about 2.1-2.95 px per module read from `grey`.
std::optional<ZXing::Barcode> readBlurredCode(const ZXing::ImageView& grey, double blurSigma);

} // namespace authcore::detail
