#pragma once
// Synthetic camera frames for the QR tests and the options benchmark: a rendered code (any
// GreyImage) projected onto a cluttered background as a camera or a screen capture would show it,
// then optionally inverted, squashed in contrast, blurred and noised. Deterministic for a seed.

#include "authcore/qr/QrEncoder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace authcore::test {

struct FramePoint
{
	double x = 0;
	double y = 0;
};

struct FrameSpec
{
	int width = 1280;
	int height = 720;
	double centerX = 640;      // where the code's centre lands
	double centerY = 360;
	double pixelsPerModule = 4; // size of one code pixel in the frame (render codes with scale 1)
	double angleDegrees = 0;    // clockwise
	double tilt = 0;            // perspective: the code's right edge is (1 + tilt) times as tall as its left
	uint8_t dark = 0;           // what black modules become
	uint8_t light = 255;        // what white modules and the quiet zone become
	bool invert = false;        // light modules on dark (applied to the code only)
	int blurRadius = 0;         // box blur, applied twice (about a Gaussian of sigma ~ radius)
	int noise = 0;              // uniform noise of +-noise grey levels over the whole frame
	uint32_t seed = 1;          // background clutter and noise
	bool withCode = true;       // false: the same background without any code
};

/// Where the code image's corners land in the frame: top-left, top-right, bottom-right, bottom-left.
inline std::array<FramePoint, 4> codeCorners(const GreyImage& code, const FrameSpec& spec)
{
	const double halfW = code.width * spec.pixelsPerModule / 2, halfH = code.height * spec.pixelsPerModule / 2;
	const double a = spec.angleDegrees * 3.14159265358979323846 / 180, c = std::cos(a), s = std::sin(a);
	// Tilt: the left edge shrinks and the right grows, as a card turned about its vertical axis.
	const double left = 1 - spec.tilt / 2, right = 1 + spec.tilt / 2;
	std::array<FramePoint, 4> local = {{{-halfW, -halfH * left}, {halfW, -halfH * right}, {halfW, halfH * right}, {-halfW, halfH * left}}};
	std::array<FramePoint, 4> corners;
	for (size_t i = 0; i < 4; ++i)
		corners[i] = {spec.centerX + local[i].x * c - local[i].y * s, spec.centerY + local[i].x * s + local[i].y * c};
	return corners;
}

namespace detail {

struct Lcg
{
	uint32_t state;
	uint32_t next() { return state = state * 1664525u + 1013904223u; }
	int below(int n) { return int((next() >> 8) % uint32_t(n)); }
};

// The homography taking the unit square to quad q (Heckbert's square-to-quad), as 3x3 row-major.
inline std::array<double, 9> squareToQuad(const std::array<FramePoint, 4>& q)
{
	double sx = q[0].x - q[1].x + q[2].x - q[3].x, sy = q[0].y - q[1].y + q[2].y - q[3].y;
	double dx1 = q[1].x - q[2].x, dx2 = q[3].x - q[2].x, dy1 = q[1].y - q[2].y, dy2 = q[3].y - q[2].y;
	double den = dx1 * dy2 - dx2 * dy1;
	double g = (sx * dy2 - dx2 * sy) / den, h = (dx1 * sy - sx * dy1) / den;
	return {q[1].x - q[0].x + g * q[1].x, q[3].x - q[0].x + h * q[3].x, q[0].x,
			q[1].y - q[0].y + g * q[1].y, q[3].y - q[0].y + h * q[3].y, q[0].y,
			g, h, 1};
}

inline std::array<double, 9> inverse(const std::array<double, 9>& m)
{
	double a = m[4] * m[8] - m[5] * m[7], b = m[5] * m[6] - m[3] * m[8], c = m[3] * m[7] - m[4] * m[6];
	double det = m[0] * a + m[1] * b + m[2] * c;
	return {a / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
			b / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
			c / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
}

inline void boxBlur(std::vector<uint8_t>& img, int w, int h, int r)
{
	std::vector<uint8_t> tmp(img.size());
	auto pass = [&](const std::vector<uint8_t>& src, std::vector<uint8_t>& dst, bool horizontal) {
		int lines = horizontal ? h : w, len = horizontal ? w : h;
		for (int l = 0; l < lines; ++l) {
			auto at = [&](int i) -> const uint8_t& {
				i = std::clamp(i, 0, len - 1);
				return src[horizontal ? size_t(l) * w + i : size_t(i) * w + l];
			};
			int sum = 0;
			for (int i = -r; i <= r; ++i)
				sum += at(i);
			for (int i = 0; i < len; ++i) {
				dst[horizontal ? size_t(l) * w + i : size_t(i) * w + l] = uint8_t(sum / (2 * r + 1));
				sum += at(i + r + 1) - at(i - r);
			}
		}
	};
	for (int round = 0; round < 2; ++round) {
		pass(img, tmp, true);
		pass(tmp, img, false);
	}
}

} // namespace detail

/// The frame as 8-bit grey, width * height bytes. Both sides must be at least 16.
inline std::vector<uint8_t> renderGreyFrame(const GreyImage& code, const FrameSpec& spec)
{
	const int w = spec.width, h = spec.height;
	std::vector<uint8_t> frame(size_t(w) * h);
	detail::Lcg rng{spec.seed};

	// Background: uneven light, plus clutter a camera sees on a desk or a screen shows around a
	// code: filled and outlined rectangles and short dark bars like lines of text.
	for (int y = 0; y < h; ++y)
		for (int x = 0; x < w; ++x)
			frame[size_t(y) * w + x] = uint8_t(150 + 60 * x / w - 40 * y / h);
	for (int i = 0; i < 60; ++i) {
		int rw = 10 + rng.below(w / 5), rh = 10 + rng.below(h / 5), rx = rng.below(w - rw), ry = rng.below(h - rh);
		uint8_t level = uint8_t(rng.below(256));
		bool outline = rng.below(2) == 0;
		for (int y = ry; y < ry + rh; ++y)
			for (int x = rx; x < rx + rw; ++x)
				if (!outline || y < ry + 3 || y >= ry + rh - 3 || x < rx + 3 || x >= rx + rw - 3)
					frame[size_t(y) * w + x] = level;
	}
	for (int i = 0; i < 200; ++i) {
		int bw = 4 + rng.below(std::clamp(w - 8, 1, 40)), bh = 3 + rng.below(5), bx = rng.below(w - bw), by = rng.below(h - bh);
		for (int y = by; y < by + bh; ++y)
			for (int x = bx; x < bx + bw; ++x)
				frame[size_t(y) * w + x] = uint8_t(rng.below(60));
	}

	if (spec.withCode) {
		// Frame pixel -> unit square -> code pixel, bilinear, code pixel value mapped to dark/light.
		auto toUnit = detail::inverse(detail::squareToQuad(codeCorners(code, spec)));
		auto codeAt = [&](int x, int y) -> double {
			x = std::clamp(x, 0, code.width - 1);
			y = std::clamp(y, 0, code.height - 1);
			double v = code.pixels[size_t(y) * code.width + x] / 255.0;
			if (spec.invert)
				v = 1 - v;
			return spec.dark + v * (spec.light - spec.dark);
		};
		for (int y = 0; y < h; ++y)
			for (int x = 0; x < w; ++x) {
				double px = x + 0.5, py = y + 0.5;
				double d = toUnit[6] * px + toUnit[7] * py + toUnit[8];
				double u = (toUnit[0] * px + toUnit[1] * py + toUnit[2]) / d;
				double v = (toUnit[3] * px + toUnit[4] * py + toUnit[5]) / d;
				if (u < 0 || u >= 1 || v < 0 || v >= 1)
					continue;
				double cx = u * code.width - 0.5, cy = v * code.height - 0.5;
				int x0 = int(std::floor(cx)), y0 = int(std::floor(cy));
				double fx = cx - x0, fy = cy - y0;
				double value = (codeAt(x0, y0) * (1 - fx) + codeAt(x0 + 1, y0) * fx) * (1 - fy)
							   + (codeAt(x0, y0 + 1) * (1 - fx) + codeAt(x0 + 1, y0 + 1) * fx) * fy;
				frame[size_t(y) * w + x] = uint8_t(std::lround(value));
			}
	}

	if (spec.blurRadius > 0)
		detail::boxBlur(frame, w, h, spec.blurRadius);
	if (spec.noise > 0)
		for (auto& p : frame)
			p = uint8_t(std::clamp(int(p) + rng.below(2 * spec.noise + 1) - spec.noise, 0, 255));
	return frame;
}

/// The same frame as RGBA (as getImageData gives it): a faint colour cast, so that the channels
/// differ and the grey conversion is really exercised; alpha 255.
inline std::vector<uint8_t> renderRgbaFrame(const GreyImage& code, const FrameSpec& spec)
{
	auto grey = renderGreyFrame(code, spec);
	std::vector<uint8_t> rgba(grey.size() * 4);
	for (size_t i = 0; i < grey.size(); ++i) {
		int g = grey[i];
		rgba[4 * i] = uint8_t(std::min(255, g + 12));
		rgba[4 * i + 1] = uint8_t(g);
		rgba[4 * i + 2] = uint8_t(std::max(0, g - 20));
		rgba[4 * i + 3] = 255;
	}
	return rgba;
}

} // namespace authcore::test
