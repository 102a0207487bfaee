#include "GreyPlane.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>

namespace authcore::detail {

namespace {

// The luma weights of GreyConversion.cpp (ZXing's, scaled by 1024).
inline int luma(const uint8_t* p) { return (306 * p[0] + 601 * p[1] + 117 * p[2] + 512) >> 10; }

inline uint8_t clampByte(int v) { return uint8_t(std::clamp(v, 0, 255)); }

// `line` = the row `in` (w values) with `radius` copies of its first and last value on each side.
void padRow(const int* in, int w, int radius, Botan::secure_vector<int>& line)
{
	line.resize(size_t(w) + 2 * size_t(radius));
	for (int i = 0; i < radius; ++i) {
		line[size_t(i)] = in[0];
		line[size_t(w) + size_t(radius) + size_t(i)] = in[w - 1];
	}
	std::copy(in, in + w, line.begin() + radius);
}

// Box means of length 2 * radius + 1 (edges repeat the border sample), along rows then or
// instead along columns. Running sums, no clamping inside the loops, a multiply instead of a
// division: these loops are most of a recovery attempt's cost.
void boxRows(const int* src, int* dst, int w, int h, int radius, Botan::secure_vector<int>& line)
{
	const int n = 2 * radius + 1, reciprocal = 65536 / n;
	for (int y = 0; y < h; ++y) {
		padRow(src + size_t(y) * size_t(w), w, radius, line);
		int* out = dst + size_t(y) * size_t(w);
		int sum = 0;
		for (int i = 0; i < n - 1; ++i)
			sum += line[size_t(i)];
		for (int x = 0; x < w; ++x) {
			sum += line[size_t(x + n - 1)];
			out[x] = (sum * reciprocal + 32768) >> 16;
			sum -= line[size_t(x)];
		}
	}
}

void boxColumns(const int* src, int* dst, int w, int h, int radius, Botan::secure_vector<int>& sums)
{
	const int n = 2 * radius + 1, reciprocal = 65536 / n;
	sums.assign(size_t(w), 0);
	auto row = [&](int y) { return src + size_t(std::clamp(y, 0, h - 1)) * size_t(w); };
	for (int k = -radius; k <= radius; ++k) {
		const int* in = row(k);
		for (int x = 0; x < w; ++x)
			sums[size_t(x)] += in[x];
	}
	for (int y = 0; y < h; ++y) {
		int* out = dst + size_t(y) * size_t(w);
		const int* enter = row(y + radius + 1);
		const int* leave = row(y - radius);
		for (int x = 0; x < w; ++x) {
			out[x] = (sums[size_t(x)] * reciprocal + 32768) >> 16;
			sums[size_t(x)] += enter[x] - leave[x];
		}
	}
}

} // namespace

void blurInPlace(SharpenBuffers& buffers, int w, int h, BlurShape shape, int radius)
{
	auto& v = buffers.blurred;
	auto& t = buffers.scratch;
	if (shape != BlurShape::Vertical) {
		boxRows(v.data(), t.data(), w, h, radius, buffers.line);
		v.swap(t);
	}
	if (shape != BlurShape::Horizontal) {
		boxColumns(v.data(), t.data(), w, h, radius, buffers.line);
		v.swap(t);
	}
}

namespace {
} // namespace

PixelRect PixelRect::clippedTo(int w, int h) const
{
	int l = std::clamp(left, 0, w), t = std::clamp(top, 0, h);
	int r = std::clamp(left + width, 0, w), b = std::clamp(top + height, 0, h);
	return {l, t, r - l, b - t};
}

void extractRegion(const ImageView& image, PixelRect rect, int upscale, GreyPlane& out)
{
	rect = rect.clippedTo(image.width, image.height);
	const int bpp = bytesPerPixel(image.format);
	auto greyAt = [&](int x, int y) {
		const uint8_t* p = image.pixels.data() + (size_t(y) * size_t(image.width) + size_t(x)) * size_t(bpp);
		return bpp == 4 ? luma(p) : int(*p);
	};
	if (upscale <= 1) {
		// Row by row with the format decided once: a region is extracted every frame.
		out.resize(rect.width, rect.height);
		for (int y = 0; y < rect.height; ++y) {
			uint8_t* dst = out.row(y);
			const uint8_t* src = image.pixels.data() + (size_t(rect.top + y) * size_t(image.width) + size_t(rect.left)) * size_t(bpp);
			if (bpp == 1)
				std::copy(src, src + rect.width, dst);
			else
				for (int x = 0; x < rect.width; ++x)
					dst[x] = uint8_t(luma(src + 4 * size_t(x)));
		}
		return;
	}
	// Bilinear between source pixel centres: output pixel (X, Y) sits at source (X + 0.5) / s - 0.5,
	// kept in 1/(2s) steps so all of it is integer.
	const int s = upscale, denominator = 2 * s;
	out.resize(rect.width * s, rect.height * s);
	for (int y = 0; y < out.height; ++y) {
		int fy2 = 2 * y + 1 - s; // source y times 2s
		int y0 = fy2 < 0 ? -1 : fy2 / denominator, wy = fy2 - y0 * denominator;
		int ya = std::clamp(y0, 0, rect.height - 1) + rect.top, yb = std::clamp(y0 + 1, 0, rect.height - 1) + rect.top;
		uint8_t* dst = out.row(y);
		for (int x = 0; x < out.width; ++x) {
			int fx2 = 2 * x + 1 - s;
			int x0 = fx2 < 0 ? -1 : fx2 / denominator, wx = fx2 - x0 * denominator;
			int xa = std::clamp(x0, 0, rect.width - 1) + rect.left, xb = std::clamp(x0 + 1, 0, rect.width - 1) + rect.left;
			int top = greyAt(xa, ya) * (denominator - wx) + greyAt(xb, ya) * wx;
			int bottom = greyAt(xa, yb) * (denominator - wx) + greyAt(xb, yb) * wx;
			int total = denominator * denominator;
			dst[x] = uint8_t((top * (denominator - wy) + bottom * wy + total / 2) / total);
		}
	}
}

void extractAll(const ImageView& image, GreyPlane& out)
{
	out.resize(image.width, image.height);
	const size_t n = out.pixels.size();
	const uint8_t* src = image.pixels.data();
	uint8_t* dst = out.pixels.data();
	if (image.format == PixelFormat::Grey)
		std::copy(src, src + n, dst);
	else
		for (size_t i = 0; i < n; ++i)
			dst[i] = uint8_t(luma(src + 4 * i));
}

void sharpen(GreyPlane& plane, BlurShape shape, int length, int amountSixteenths, int iterations, SharpenBuffers& buffers)
{
	const int w = plane.width, h = plane.height;
	const int radius = std::clamp(length, 1, 15) / 2;
	if (w == 0 || h == 0 || radius == 0)
		return;
	const size_t n = plane.pixels.size();
	buffers.observed.assign(plane.pixels.begin(), plane.pixels.end());
	buffers.estimate = buffers.observed;
	buffers.scratch.resize(n);
	for (int step = 0; step < std::clamp(iterations, 1, 4); ++step) {
		buffers.blurred = buffers.estimate;
		blurInPlace(buffers, w, h, shape, radius);
		const int* observed = buffers.observed.data();
		const int* blurred = buffers.blurred.data();
		int* estimate = buffers.estimate.data();
		for (size_t i = 0; i < n; ++i)
			estimate[i] = std::clamp(estimate[i] + (amountSixteenths * (observed[i] - blurred[i]) + 8) / 16, -64, 320);
	}
	for (size_t i = 0; i < n; ++i)
		plane.pixels[i] = clampByte(buffers.estimate[i]);
}

namespace {

constexpr int kTapBits = 10;  // taps in 1/1024ths
constexpr int kCarryBits = 4; // the row pass's results keep 4 more bits into the column pass

// From tools/design-inverse-filters.mjs (the formula is there and in tests/qr/InverseFilterTest.cpp). Fixed
// numbers rather than computed at run time, so that natively and in wasm the same taps apply.
constexpr int kDefocus16[] = {1586, 552, -710, -445, 208, 203, -37, -69, -1, 18, 3, -3};
constexpr int kDefocus22[] = {1482, 837, -329, -782, -363, 163, 267, 87, -55, -59, -12, 10, 7};
constexpr int kSmear5[] = {56, 150, 1720, -1598, -90, 31, 142, 561, -442, -61, 7, 34, 56, -24, -2};

// Symmetric taps (centre first): out = sum over |t| <= Radius of taps[|t|] * in[x + t], edges
// repeated, then shifted right by `shift` with rounding. Along rows, a padded copy of each row; along
// columns, row pointers. Every output is summed over all its taps at once and stored once: the
// radius is a template parameter so that the tap loop unrolls and the loop over x vectorises. In
// wasm this is 3.2x as fast as a pass over the row per tap (4.1 -> 1.3 ms for the defocus filter
// on a quarter of a 720p frame), natively 1.1x.
template <int Radius>
void convolveRows(const int* src, int* dst, int w, int h, const int* taps, int shift, Botan::secure_vector<int>& line)
{
	const int round = shift > 0 ? 1 << (shift - 1) : 0;
	for (int y = 0; y < h; ++y) {
		padRow(src + size_t(y) * size_t(w), w, Radius, line);
		int* out = dst + size_t(y) * size_t(w);
		const int* centre = line.data() + Radius;
		for (int x = 0; x < w; ++x) {
			int sum = taps[0] * centre[x] + round;
			for (int t = 1; t <= Radius; ++t)
				sum += taps[t] * (centre[x - t] + centre[x + t]);
			out[x] = sum >> shift;
		}
	}
}

template <int Radius>
void convolveColumns(const int* src, int* dst, int w, int h, const int* taps, int shift)
{
	const int round = shift > 0 ? 1 << (shift - 1) : 0;
	std::array<const int*, 2 * Radius + 1> rows{};
	for (int y = 0; y < h; ++y) {
		for (size_t i = 0; i < rows.size(); ++i)
			rows[i] = src + size_t(std::clamp(y + int(i) - Radius, 0, h - 1)) * size_t(w);
		int* out = dst + size_t(y) * size_t(w);
		for (int x = 0; x < w; ++x) {
			int sum = taps[0] * rows[Radius][x] + round;
			for (int t = 1; t <= Radius; ++t)
				sum += taps[t] * (rows[Radius - t][x] + rows[Radius + t][x]);
			out[x] = sum >> shift;
		}
	}
}

// A filter's taps (centre first) along rows, then along columns back into `pixels`.
template <size_t TapCount>
void filterBothWays(const int (&taps)[TapCount], int* pixels, int* scratch, int w, int h, int rowShift, int columnShift,
					Botan::secure_vector<int>& line)
{
	convolveRows<int(TapCount) - 1>(pixels, scratch, w, h, taps, rowShift, line);
	convolveColumns<int(TapCount) - 1>(scratch, pixels, w, h, taps, columnShift);
}

// A filter's taps (centre first) along rows or along columns, from `src` into `dst`.
template <size_t TapCount>
void filterOneWay(const int (&taps)[TapCount], const int* src, int* dst, int w, int h, bool alongRows, int shift, Botan::secure_vector<int>& line)
{
	if (alongRows)
		convolveRows<int(TapCount) - 1>(src, dst, w, h, taps, shift, line);
	else
		convolveColumns<int(TapCount) - 1>(src, dst, w, h, taps, shift);
}

} // namespace

std::span<const int> inverseFilterTaps(InverseFilter filter)
{
	switch (filter) {
	case InverseFilter::Defocus16: return kDefocus16;
	case InverseFilter::Defocus22: return kDefocus22;
	case InverseFilter::Smear5: return kSmear5;
	}
	return kDefocus16;
}

void deconvolve(GreyPlane& plane, InverseFilter filter, BlurShape smear, SharpenBuffers& buffers)
{
	const int w = plane.width, h = plane.height;
	if (w == 0 || h == 0)
		return;
	const size_t n = plane.pixels.size();
	buffers.observed.assign(plane.pixels.begin(), plane.pixels.end());
	buffers.scratch.resize(n);
	int* pixels = buffers.observed.data();
	int* scratch = buffers.scratch.data();
	// The defocus filters carry kCarryBits more bits from the row pass into the column pass.
	switch (filter) {
	case InverseFilter::Defocus16:
		filterBothWays(kDefocus16, pixels, scratch, w, h, kTapBits - kCarryBits, kTapBits + kCarryBits, buffers.line);
		break;
	case InverseFilter::Defocus22:
		filterBothWays(kDefocus22, pixels, scratch, w, h, kTapBits - kCarryBits, kTapBits + kCarryBits, buffers.line);
		break;
	case InverseFilter::Smear5:
		filterOneWay(kSmear5, pixels, scratch, w, h, smear != BlurShape::Vertical, kTapBits, buffers.line);
		buffers.observed.swap(buffers.scratch);
		break;
	}
	for (size_t i = 0; i < n; ++i)
		plane.pixels[i] = clampByte(buffers.observed[i]);
}

void halve(const uint8_t* src, int width, int height, int rowStride, GreyPlane& dst)
{
	dst.resize(width / 2, height / 2);
	for (int y = 0; y < dst.height; ++y) {
		const uint8_t* a = src + size_t(2 * y) * size_t(rowStride);
		const uint8_t* b = a + rowStride;
		uint8_t* out = dst.row(y);
		for (int x = 0; x < dst.width; ++x) {
			const size_t i = 2 * size_t(x);
			out[x] = uint8_t((a[i] + a[i + 1] + b[i] + b[i + 1] + 2) / 4);
		}
	}
}

std::pair<int, int> bestShift(const GreyPlane& reference, const GreyPlane& moving, int maxShift)
{
	const int w = reference.width, h = reference.height, m = maxShift;
	const int x0 = std::max(m, w / 2 - 64), x1 = std::min(w - m, w / 2 + 64);
	const int y0 = std::max(m, h / 2 - 64), y1 = std::min(h - m, h / 2 + 64);
	std::pair<int, int> best{0, 0};
	uint64_t bestCost = ~uint64_t{0};
	for (int dy = -m; dy <= m; ++dy)
		for (int dx = -m; dx <= m; ++dx) {
			uint64_t cost = 0;
			for (int y = y0; y < y1; y += 2) {
				const uint8_t* ref = reference.row(y);
				const uint8_t* mov = moving.row(y + dy);
				for (int x = x0; x < x1; x += 2)
					cost += uint64_t(std::abs(int(ref[x]) - int(mov[x + dx])));
			}
			if (cost < bestCost) {
				bestCost = cost;
				best = {dx, dy};
			}
		}
	return best;
}

void addShifted(const GreyPlane& plane, int dx, int dy, Botan::secure_vector<uint16_t>& sum)
{
	const int w = plane.width, h = plane.height;
	for (int y = 0; y < h; ++y) {
		const uint8_t* src = plane.row(std::clamp(y + dy, 0, h - 1));
		uint16_t* dst = sum.data() + size_t(y) * size_t(w);
		for (int x = 0; x < w; ++x)
			dst[x] = uint16_t(dst[x] + src[std::clamp(x + dx, 0, w - 1)]);
	}
}

void averageInto(const Botan::secure_vector<uint16_t>& sum, int count, int width, int height, GreyPlane& dst)
{
	dst.resize(width, height);
	const unsigned n = unsigned(count), half = n / 2;
	for (size_t i = 0; i < sum.size() && i < dst.pixels.size(); ++i)
		dst.pixels[i] = uint8_t((sum[i] + half) / n);
}

std::optional<bool> smearAlongRows(const GreyPlane& plane)
{
	uint64_t alongRows = 0, alongColumns = 0;
	for (int y = 0; y + 1 < plane.height; y += 2) {
		const uint8_t* row = plane.row(y);
		const uint8_t* below = plane.row(y + 1);
		for (int x = 0; x + 1 < plane.width; ++x) {
			alongRows += uint64_t(std::abs(int(row[x + 1]) - int(row[x])));
			alongColumns += uint64_t(std::abs(int(below[x]) - int(row[x])));
		}
	}
	if (alongRows * 4 < alongColumns * 3)
		return true;
	if (alongColumns * 4 < alongRows * 3)
		return false;
	return std::nullopt;
}

namespace {

void addToHistogram(const GreyPlane& plane, PixelRect within, uint64_t (&histogram)[256])
{
	within = within.clippedTo(plane.width, plane.height);
	if (within.empty())
		return;
	for (int y = within.top; y < within.top + within.height; ++y) {
		const uint8_t* row = plane.row(y);
		for (int x = within.left; x < within.left + within.width; ++x)
			++histogram[row[x]];
	}
}

uint8_t otsuLevel(const uint64_t (&histogram)[256])
{
	uint64_t total = 0, sum = 0;
	for (int level = 0; level < 256; ++level) {
		total += histogram[level];
		sum += uint64_t(level) * histogram[level];
	}
	// The counts and sums are exact integers; the one ratio per level is double precision, in the
	// same order everywhere (no fused multiply-add on either target), so natively and in wasm the
	// same level wins.
	uint64_t below = 0, belowSum = 0;
	double bestSpread = -1;
	int best = 127;
	for (int level = 0; level < 255; ++level) {
		below += histogram[level];
		belowSum += uint64_t(level) * histogram[level];
		const uint64_t above = total - below;
		if (below == 0 || above == 0)
			continue;
		// below * above * (mean below - mean above)^2 = difference^2 / (below * above).
		const double difference = double(int64_t(belowSum * above) - int64_t((sum - belowSum) * below));
		const double spread = difference * difference / (double(below) * double(above));
		if (spread > bestSpread) {
			bestSpread = spread;
			best = level;
		}
	}
	return uint8_t(best);
}

} // namespace

uint8_t otsuThreshold(const GreyPlane& plane, PixelRect within)
{
	if (within.empty())
		within = {0, 0, plane.width, plane.height};
	uint64_t histogram[256] = {};
	addToHistogram(plane, within, histogram);
	return otsuLevel(histogram);
}

uint8_t otsuThreshold(const GreyPlane& plane, std::span<const PixelRect> within)
{
	uint64_t histogram[256] = {};
	for (const auto& rect : within)
		addToHistogram(plane, rect, histogram);
	return otsuLevel(histogram);
}

void binarize(GreyPlane& plane, uint8_t threshold)
{
	for (auto& p : plane.pixels)
		p = p <= threshold ? 0 : 255;
}

void upscale2x(const GreyPlane& src, GreyPlane& dst)
{
	const int w = src.width, h = src.height;
	dst.resize(2 * w, 2 * h);
	// Output pixel 2i (2i + 1) lies a quarter pixel before (after) source pixel i: weights 3:1.
	for (int y = 0; y < 2 * h; ++y) {
		const int sy = y / 2, ny = std::clamp(y % 2 ? sy + 1 : sy - 1, 0, h - 1);
		const uint8_t* near = src.row(sy);
		const uint8_t* far = src.row(ny);
		uint8_t* out = dst.row(y);
		for (int x = 0; x < 2 * w; ++x) {
			const int sx = x / 2, nx = std::clamp(x % 2 ? sx + 1 : sx - 1, 0, w - 1);
			out[x] = uint8_t((9 * near[sx] + 3 * near[nx] + 3 * far[sx] + far[nx] + 8) / 16);
		}
	}
}

void sharpenQuick(const uint8_t* src, int width, int height, GreyPlane& dst)
{
	dst.resize(width, height);
	const size_t w = size_t(width);
	std::copy(src, src + w, dst.row(0));
	std::copy(src + (size_t(height) - 1) * w, src + size_t(height) * w, dst.row(height - 1));
	for (int y = 1; y < height - 1; ++y) {
		const uint8_t* c = src + size_t(y) * w;
		const uint8_t* up = c - w;
		const uint8_t* down = c + w;
		uint8_t* out = dst.row(y);
		out[0] = c[0];
		out[w - 1] = c[w - 1];
		for (size_t x = 1; x + 1 < w; ++x) {
			int centre = c[x];
			out[x] = clampByte(centre + (4 * centre - up[x] - down[x] - c[x - 1] - c[x + 1]) / 2);
		}
	}
}

void stretchContrast(GreyPlane& plane)
{
	std::array<size_t, 256> histogram{};
	for (uint8_t p : plane.pixels)
		++histogram[p];
	const size_t n = plane.pixels.size(), cut = n / 100;
	int low = 0, high = 255;
	for (size_t seen = 0; low < 255 && (seen += histogram[size_t(low)]) <= cut;)
		++low;
	for (size_t seen = 0; high > 0 && (seen += histogram[size_t(high)]) <= cut;)
		--high;
	if (high - low < 8)
		return;
	for (auto& p : plane.pixels)
		p = clampByte((int(p) - low) * 255 / (high - low));
}

} // namespace authcore::detail
