// QR decoding of small hostile images: whatever the pixels and options, decode() returns a code or
// throws NoCodeFound, never another error, a crash or a sanitizer report. This is the path every
// camera frame, screen capture and pasted screenshot takes (ZXing-cpp behind our grey conversion,
// downscaling and buffer reuse).
//
// Input layout (so that mutations move the interesting knobs, not only the pixels):
//   byte 0   width - 1 (1..128 pixels); height follows from the pixel bytes left
//   byte 1   bit 0 RGBA (else grey), bits 1-2 downscale - 1, bit 3 downscale only from side 16
//            (else from side 0, i.e. always), bit 4 a full-resolution look every 2nd call, bit 5 the
//            recovery passes (QrRecovery.h: the restorations, the searches, the read by modules),
//            bit 6 recovery across calls (a stream), bit 7 16 attempts per call (else 2)
//   byte 2   bit 0 tryHarder, 1 tryInvert, 2 tryDownscale, 3 globalBinarizer, 4 alphaOverWhite
//   rest     pixels, row after row; a partial last row is dropped
// Each image is decoded three times through one decoder, as a camera loop does (buffers are reused,
// the call counter decides the resolution, a stream's recovery fuses the pictures it kept). Seeds: tests/fuzz/seeds/qr_decode (tests/fuzz/make_qr_seeds.py).
#include "authcore/Error.h"
#include "authcore/qr/QrDecoder.h"

#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	if (size < 4)
		return 0;
	const int width = data[0] % 128 + 1;
	const uint8_t layout = data[1];
	const uint8_t search = data[2];
	const auto format = (layout & 1) ? authcore::PixelFormat::Rgba : authcore::PixelFormat::Grey;

	std::span<const uint8_t> pixels(data + 3, size - 3);
	const size_t rowBytes = size_t(width) * size_t(authcore::bytesPerPixel(format));
	const size_t height = pixels.size() / rowBytes;
	if (height == 0 || height > size_t(authcore::kMaxImageSide))
		return 0;
	const authcore::ImageView image{pixels.first(height * rowBytes), width, int(height), format};

	authcore::QrScanOptions options;
	options.downscale = ((layout >> 1) & 3) + 1;
	options.downscaleFromSide = (layout & 8) ? 16 : 0;
	options.fullResolutionEvery = (layout & 16) ? 2 : 0;
	options.tryHarder = search & 1;
	options.tryInvert = search & 2;
	options.tryDownscale = search & 4;
	options.globalBinarizer = search & 8;
	options.alphaOverWhite = search & 16;
	options.recoveryAttempts = (layout & 32) ? ((layout & 128) ? 16 : 2) : 0;
	options.recoverAcrossCalls = (layout & 64) != 0;

	authcore::QrDecoder decoder;
	for (int call = 0; call < 3; ++call) {
		try {
			authcore::QrCode code = decoder.decode(image, options);
			if (code.text.size() > 8192) // a QR code holds at most 7089 characters
				std::abort();
		} catch (const authcore::Error& e) {
			if (e.kind() != authcore::ErrorKind::NoCodeFound)
				std::abort();
		}
	}
	return 0;
}
