#pragma once
// RGBA or grey pixels to the 8-bit grey image ZXing binarizes, optionally averaging blocks of
// factor x factor pixels on the way. Done here, in C++ (and so in wasm), because converting a 720p
// frame in JavaScript costs as much as decoding it (zxing-wasm's readBarcodes does exactly that).

#include "authcore/qr/ImageView.h"

#include <botan/secmem.h>

namespace authcore::detail {

struct GreySize
{
	int width;
	int height;
};

/// Fills `out` (resized only when the size changes, so a camera loop reuses it) with the grey image
/// of `image` shrunk by `factor` (1..4; the result is floor(width / factor) x floor(height / factor),
/// the last partial block dropped). Luma weights are ZXing's (0.299 R + 0.587 G + 0.114 B), so the
/// result equals what ZXing would compute from the RGBA itself. With `alphaOverWhite`, transparent
/// pixels are blended onto white, as an image viewer shows them. `image` must be valid and at least
/// factor x factor pixels.
GreySize convertToGrey(const ImageView& image, int factor, bool alphaOverWhite, Botan::secure_vector<uint8_t>& out);

} // namespace authcore::detail
