#pragma once
// Reading one QR code (model 1 or 2; not Micro QR or rMQR, which cannot hold an otpauth URI) from a
// camera frame, a screen capture, a pasted screenshot or an image file, with ZXing-cpp.
//
// Two presets, chosen by measurement (docs/qr-scanning.md has the numbers and the commands):
//   live   one frame of a camera or screen stream, called many times a second through one decoder:
//          must be fast, and a frame without a code must cost no more than one with a code; a
//          missed frame is retried by the next one. Frames of 720 pixels and more (shorter side)
//          are read at half width and height two calls in three, at full resolution the third.
//   still  a pasted screenshot or a file, decoded once: must find the code if it can be found.

#include "authcore/qr/ImageView.h"

#include <botan/secmem.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace authcore {

namespace detail {
class QrRecovery;
}

enum class ScanMode { Live, Still };

/// What the person holding a code in front of the camera should do, when a code is in view (its
/// finder patterns are seen) but cannot be read.
enum class ScanHint {
	None,        // no code in view, or nothing to say
	MoveFurther, // blurred and steady: out of focus (laptop cameras cannot focus up close)
	HoldStill,   // the code moves between frames
	AvoidGlare,  // the code's dark modules are washed out: a reflection or glare
};


/// How hard to look. Use the presets; the fields exist so that tests and the options benchmark
/// (bench/QrOptionsBench.cpp) can compare alternatives through the same code path.
struct QrScanOptions
{
	// Resolution. Images whose shorter side is at least `downscaleFromSide` pixels are decoded at
	// 1/downscale of their width and height (blocks of downscale x downscale pixels averaged while
	// converting to grey), except every `fullResolutionEvery`-th call of a decoder (counted per
	// decoder; 0 = never), which looks at full resolution for codes too small for the reduced image.
	// When such a call sees finder patterns of under 4 px per module but reads nothing, the calls
	// up to the next scheduled one are at full resolution too (until a code is read).
	int downscale = 1;              // 1..4
	int downscaleFromSide = 0;      // pixels, >= 0
	int fullResolutionEvery = 0;    // >= 0
	bool tryHarder = false;         // look for finder patterns on every 3rd row instead of every (height/130)th
	bool tryInvert = false;         // also look for light-on-dark codes (a second pass over the same binarized image)
	bool tryDownscale = false;      // also look in ZXing's 1/3 size copy when the image is larger than 500 px
	bool globalBinarizer = false;   // one threshold for the whole image instead of ZXing's local one per 8x8 block
	bool alphaOverWhite = false;    // composite transparent pixels onto white (pasted images, PNG files)
	// When ZXing alone reads nothing: sharpening, deblurring, enlarging, a second binarizer and the
	// average of the last frames, around where finder patterns were seen (docs/qr-scanning.md,
	// "Recovery"). Up to `recoveryAttempts` attempts per call (0..16; 0 = no recovery). With
	// `recoverAcrossCalls` (a stream) the decoder keeps the code's region and its last pictures
	// between calls and each call goes on with the next attempts; without, every call starts afresh.
	int recoveryAttempts = 0;
	bool recoverAcrossCalls = false;

	static QrScanOptions live();
	static QrScanOptions still();
	static QrScanOptions forMode(ScanMode mode);
};

struct QrPoint
{
	int x = 0;
	int y = 0;
	bool operator==(const QrPoint&) const = default;
};

struct QrCode
{
	std::string text;                     // the content as UTF-8 (ECI and character set applied)
	Botan::secure_vector<uint8_t> bytes;  // the raw content bytes, as encoded in the symbol
	// The symbol's corners in image pixels: top-left, top-right, bottom-right, bottom-left as the
	// code is read (so a code upside down in the image has its top-left corner at the bottom right).
	std::array<QrPoint, 4> corners;
	bool inverted = false;                // light modules on a dark background
	std::string ecLevel;                  // "L", "M", "Q" or "H"
	std::string symbologyIdentifier;      // "]Q0" model 1, "]Q1" model 2, "]Q3" GS1, ...
};

/// Decodes the first QR code found. Keeps its buffers between calls, so a camera loop that reuses
/// one decoder allocates nothing of its own per frame (ZXing still allocates its binarized copy),
/// and counts its calls for QrScanOptions::fullResolutionEvery (the first call is a full one).
/// Once a code has been read, both buffers are wiped: the picture of a code is as secret as the
/// code, and a scan stops at its first read. Not thread-safe: one decoder per thread (per worker).
class QrDecoder
{
public:
	QrDecoder();
	~QrDecoder();
	QrDecoder(QrDecoder&&) noexcept;
	QrDecoder& operator=(QrDecoder&&) noexcept;

	/// A buffer of `size` bytes owned by the decoder, for a caller that has to copy each frame in
	/// before decoding it (the wasm binding copies the JS pixels here). Reallocated only when the
	/// size changes; valid until the next call of frameBuffer().
	std::span<uint8_t> frameBuffer(size_t size);

	/// Throws Error{InvalidArgument, "width" | "height" | "pixels"} for an invalid view
	/// (see ImageView::validate), Error{InvalidArgument, "options"} for options out of range, and
	/// Error{NoCodeFound, "image"} when no readable QR code is in the image.
	QrCode decode(const ImageView& image, const QrScanOptions& options);
	QrCode decode(const ImageView& image, ScanMode mode) { return decode(image, QrScanOptions::forMode(mode)); }

	/// decode() for a camera stream, where most frames hold no readable code: that is an empty
	/// result here, not an exception (a camera gives 10-30 frames a second, and WebKit's
	/// JavaScriptCore does not always enter a typed catch inside wasm). Invalid input still throws.
	std::optional<QrCode> tryDecode(const ImageView& image, const QrScanOptions& options);
	std::optional<QrCode> tryDecode(const ImageView& image, ScanMode mode) { return tryDecode(image, QrScanOptions::forMode(mode)); }

	/// True when the last frames without a code showed QR finder patterns: a code is in view but
	/// cannot be read (out of focus, shaken, glared). The camera page then tells the person what to
	/// do. Only live decoding with `recover` keeps track; false after a read.
	bool codeInView() const;

	/// When codeInView(): the likely reason the code cannot be read (see ScanHint), from the last
	/// frames' pictures of it. ScanHint::None otherwise.
	ScanHint scanHint() const;

	/// Starts a new stream: the next call is a full-resolution one, and what the recovery passes
	/// kept of earlier frames is wiped.
	void resetStream();

private:
	Botan::secure_vector<uint8_t> _frame;
	Botan::secure_vector<uint8_t> _grey;
	uint64_t _calls = 0; // decode() calls so far, for fullResolutionEvery
	int _fullResolutionStreak = 0; // calls still read at full resolution after small patterns were seen
	std::unique_ptr<detail::QrRecovery> _recovery; // what the recovery passes keep between frames
};

/// One-off decode with a fresh decoder; throws like QrDecoder::decode.
QrCode decodeQr(const ImageView& image, ScanMode mode);

} // namespace authcore
