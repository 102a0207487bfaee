#pragma once
// PNG and JPEG files for the command-line tool and the tests (stb_image / stb_image_write). The page
// never links this: the browser decodes image files itself and hands us getImageData() pixels.

#include "authcore/qr/ImageView.h"
#include "authcore/qr/QrEncoder.h"

#include <botan/secmem.h>

#include <cstdint>
#include <span>
#include <string>

namespace authcore {

/// Largest image file read, in bytes: far above any screenshot, far below what would hurt.
inline constexpr size_t kMaxImageFileBytes = 64 * 1024 * 1024;
/// Largest image decoded, in pixels (a 9000 x 7000 photo; 256 MiB as RGBA).
inline constexpr size_t kMaxImageFilePixels = 64 * 1024 * 1024;

struct RgbaImage
{
	int width = 0;
	int height = 0;
	Botan::secure_vector<uint8_t> pixels; // width * height * 4 bytes, R G B A

	ImageView view() const { return {pixels, width, height, PixelFormat::Rgba}; }
};

/// Decodes PNG or JPEG bytes (recognised by their signature, whatever the file is called), any
/// bit depth or colour type, to RGBA. Throws Error{UnsupportedFormat, "file"} for anything else,
/// Error{MalformedFile, "file"} for a truncated or corrupt image, and Error{InvalidArgument, "file"}
/// for one with a side above kMaxImageSide, more than kMaxImageFilePixels or more than
/// kMaxImageFileBytes.
RgbaImage decodeImageFile(std::span<const uint8_t> bytes);

/// Reads and decodes `path`. Throws Error{InvalidArgument, "file"} when it cannot be read, then like
/// decodeImageFile().
RgbaImage readImageFile(const std::string& path);

/// Writes `image` as an 8-bit grey PNG, or as a JPEG (quality 95) when `path` ends in .jpg or .jpeg
/// (any case). Throws Error{InvalidArgument, "file"} when the file cannot be written.
void writeImageFile(const std::string& path, const GreyImage& image);

} // namespace authcore
