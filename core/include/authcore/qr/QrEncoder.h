#pragma once
// Rendering text as a QR code image with ZXing-cpp's writer: "move to phone" codes (an otpauth://
// URI or a Google Authenticator migration batch per code) and the synthetic images of the tests.

#include <botan/secmem.h>

#include <cstdint>
#include <string_view>

namespace authcore {

/// Error correction: the share of the symbol that may be lost, 7 / 15 / 25 / 30 %.
enum class QrErrorCorrection { Low, Medium, Quartile, High };

inline constexpr int kMaxQrScale = 64;
inline constexpr int kMaxQrMargin = 32;

struct QrEncodeOptions
{
	int scale = 8;   // pixels per module, 1..kMaxQrScale
	int margin = 4;  // quiet zone in modules on every side, 0..kMaxQrMargin (the standard asks for 4)
	// Medium: survives glare and moiré when a phone films a laptop screen, and still fits an otpauth
	// URI with a 32-byte secret and a long label into a version 6-8 code.
	QrErrorCorrection errorCorrection = QrErrorCorrection::Medium;
};

/// An 8-bit grey image, 0 = black, 255 = white, row after row. It shows a secret when the text
/// holds one, hence the zeroing buffer.
struct GreyImage
{
	int width = 0;
	int height = 0;
	Botan::secure_vector<uint8_t> pixels; // width * height bytes
};

/// Renders `text` (UTF-8, 1..2953 bytes, less for higher error correction; non-ASCII text is written
/// as UTF-8 with its ECI marker) as a square QR code of (modules + 2 * margin) * scale pixels.
/// Throws Error{InvalidArgument, "text"} for empty text or text too long for any QR version, and
/// Error{InvalidArgument, "scale" | "margin"} for options out of range.
GreyImage encodeQr(std::string_view text, const QrEncodeOptions& options = {});

} // namespace authcore
