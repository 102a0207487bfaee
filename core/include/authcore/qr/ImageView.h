#pragma once
// A non-owning view of 8-bit pixels, the input of the QR decoder. Two layouts, both tightly packed
// (row after row, no padding), because those are what the browser and the image loader give us:
//   Rgba  4 bytes per pixel, R G B A, exactly as CanvasRenderingContext2D.getImageData() returns it
//   Grey  1 byte per pixel, 0 = black, 255 = white

#include <cstddef>
#include <cstdint>
#include <span>

namespace authcore {

enum class PixelFormat { Grey, Rgba };

/// 1 for Grey, 4 for Rgba.
constexpr int bytesPerPixel(PixelFormat format) noexcept { return format == PixelFormat::Rgba ? 4 : 1; }

/// Largest accepted width or height. ZXing's pattern rows are 16-bit, and 16384 px covers any camera
/// or screen (a 16384 x 16384 RGBA image is already 1 GiB).
inline constexpr int kMaxImageSide = 16384;

struct ImageView
{
	std::span<const uint8_t> pixels; // exactly width * height * bytesPerPixel(format) bytes
	int width = 0;                   // 1..kMaxImageSide
	int height = 0;                  // 1..kMaxImageSide
	PixelFormat format = PixelFormat::Grey;

	/// Throws Error{InvalidArgument, "width" | "height" | "pixels"} when the sizes are out of range or
	/// the buffer length does not match width * height * bytesPerPixel(format).
	void validate() const;
};

} // namespace authcore
