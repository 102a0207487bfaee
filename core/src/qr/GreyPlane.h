#pragma once
// Grey pixel operations of the recovery passes (QrRecovery): cutting a region out of a frame,
// enlarging it, sharpening and deblurring it, and averaging frames. Pure functions over small
// images (a region around a code, rarely the whole frame); buffers are zeroing, since they hold
// the picture of a code. Integer arithmetic (otsuThreshold() has one double-precision ratio per
// grey level, in a fixed order), so natively and in wasm the results are identical.

#include "authcore/qr/ImageView.h"

#include <botan/secmem.h>

#include <cstdint>
#include <optional>
#include <span>
#include <utility>

namespace authcore::detail {

struct GreyPlane
{
	int width = 0;
	int height = 0;
	Botan::secure_vector<uint8_t> pixels; // width * height, row after row

	void resize(int w, int h)
	{
		width = w;
		height = h;
		pixels.resize(size_t(w) * size_t(h));
	}
	uint8_t* row(int y) { return pixels.data() + size_t(y) * size_t(width); }
	const uint8_t* row(int y) const { return pixels.data() + size_t(y) * size_t(width); }
};

/// A rectangle of image pixels: [left, left + width) x [top, top + height).
struct PixelRect
{
	int left = 0;
	int top = 0;
	int width = 0;
	int height = 0;

	bool empty() const { return width <= 0 || height <= 0; }
	/// This rectangle clipped to a `w` x `h` image.
	PixelRect clippedTo(int w, int h) const;
	bool operator==(const PixelRect&) const = default;
};

/// Fills `out` with the grey pixels of `rect` (clipped to the image, must not be empty after
/// clipping) of a valid image, enlarged `upscale` times (1..3, bilinear between pixel centres).
/// RGBA is converted with the luma weights of GreyConversion.h; transparency is ignored.
void extractRegion(const ImageView& image, PixelRect rect, int upscale, GreyPlane& out);

/// The whole `image` as a grey plane at full resolution (what extractRegion gives for the full
/// rectangle, but without the per-pixel bounds work).
void extractAll(const ImageView& image, GreyPlane& out);

/// How a picture is blurred, for sharpening: a box of `length` pixels (odd, 1..15) along rows
/// (Horizontal), along columns (Vertical), or a box of `length` applied along both, twice
/// (Defocus: close to a Gaussian of sigma ~ 0.4 * length).
enum class BlurShape { Defocus, Horizontal, Vertical };

/// Working memory of sharpen(), kept by the caller between calls (zeroing: it holds the picture).
struct SharpenBuffers
{
	Botan::secure_vector<int> observed, estimate, blurred, scratch, line;
};

/// Sharpens `plane` in place against `shape`: `iterations` (1..4) steps of Van Cittert's
/// deconvolution x += amount * (y - blur(x)), with amount in 1/16ths (1..64). One step is an
/// unsharp mask; more steps restore more of the fine detail (and more of the noise).
void sharpen(GreyPlane& plane, BlurShape shape, int length, int amountSixteenths, int iterations, SharpenBuffers& buffers);

/// Blurs buffers.blurred (w x h values) in place with a box of 2 * radius + 1 along `shape`
/// (Defocus: rows and columns once each). Uses buffers.scratch (w x h) and buffers.line.
void blurInPlace(SharpenBuffers& buffers, int w, int h, BlurShape shape, int radius);

/// The inverse filters of deconvolve(): regularised inverses W = H / (H^2 + lambda) of a blur H,
/// chosen on the degradation set (docs/qr-scanning.md). Defocus: a Gaussian of sigma 1.6 px
/// (lambda 0.01: small codes, moderate blur) or 2.2 px (lambda 0.005); Smear5: a straight smear of
/// 5 px (lambda 0.005), along rows or columns. Longer smears are solved for instead (SmearSolver.h).
enum class InverseFilter { Defocus16, Defocus22, Smear5 };

/// The filter's taps in 1/1024ths, centre first (the filter is symmetric): what deconvolve()
/// applies. tools/design-inverse-filters.mjs computes them; tests/qr/InverseFilterTest.cpp checks them
/// against the formula.
std::span<const int> inverseFilterTaps(InverseFilter filter);

/// Undoes a blur in `plane` with an inverse filter, separable, in integer arithmetic: the Defocus
/// filters along rows and columns, the Smear ones along `smear` (Horizontal or Vertical).
void deconvolve(GreyPlane& plane, InverseFilter filter, BlurShape smear, SharpenBuffers& buffers);

/// `dst` = `src` enlarged 2x, bilinear between pixel centres.
void upscale2x(const GreyPlane& src, GreyPlane& dst);

/// A quick sharpening of a whole frame (one pass, the 4 neighbours): dst = src + (4 src - the
/// neighbours) / 2, clamped; the border rows and columns are copied. For the finder-pattern search
/// over frames where no code was seen, where a Van Cittert step would cost too much.
void sharpenQuick(const uint8_t* src, int width, int height, GreyPlane& dst);

/// `dst` = the grey picture `src` (`width` x `height`, rows `rowStride` apart) at half its size,
/// each pixel the rounded mean of 2 x 2.
void halve(const uint8_t* src, int width, int height, int rowStride, GreyPlane& dst);

/// The shift (dx, dy), |dx|, |dy| <= `maxShift`, that best lays `moving` onto `reference` (same
/// size): least sum of absolute differences over every other pixel of a central window of at
/// most 128 x 128 (the code moves as a whole).
std::pair<int, int> bestShift(const GreyPlane& reference, const GreyPlane& moving, int maxShift);

/// Adds `plane` shifted by (dx, dy) (edges repeated) to `sum`, one 16-bit total per pixel.
void addShifted(const GreyPlane& plane, int dx, int dy, Botan::secure_vector<uint16_t>& sum);

/// `dst` (`width` x `height`) = the rounded mean of `count` pictures whose totals are `sum`.
void averageInto(const Botan::secure_vector<uint16_t>& sum, int count, int width, int height, GreyPlane& dst);

/// Which way a picture is smeared, if it is: a smear along rows weakens the differences between
/// neighbours along rows and leaves those along columns (a code's module edges, at any angle, give
/// both alike). True: along rows; false: along columns; nullopt: neither clearly weaker.
/// Measured on the degradation set (frame 0 of each scene), the ratio rows / columns over the
/// code's own square: 0.91-1.07 without motion, 0.54-0.84 under a 5 px smear, 0.44-0.71 under
/// 8 px; hence the threshold of 3/4 either way. Over a quarter-frame tile the background's texture
/// counts too (0.72-0.87 in the clean frames), so a tile is sometimes judged smeared when it is not.
std::optional<bool> smearAlongRows(const GreyPlane& plane);

/// Otsu's threshold over `within` (clipped to the plane; the whole plane when empty): the grey
/// level that best splits its pixels into dark (at or below it) and light, i.e. with the most
/// variance between the two classes' means. 127 when there is nothing to split.
uint8_t otsuThreshold(const GreyPlane& plane, PixelRect within = {});

/// The same over the pixels of several rectangles together (each clipped to the plane; a pixel in
/// two counts twice). 127 when they hold nothing to split.
uint8_t otsuThreshold(const GreyPlane& plane, std::span<const PixelRect> within);

/// Makes `plane` black and white: 0 where a pixel is at or below `threshold`, 255 elsewhere.
/// (ZXing's own binarizer then keeps exactly that split.)
void binarize(GreyPlane& plane, uint8_t threshold);

/// Stretches the grey levels of `plane` so that its 1st and 99th percentiles become 0 and 255.
void stretchContrast(GreyPlane& plane);

} // namespace authcore::detail
