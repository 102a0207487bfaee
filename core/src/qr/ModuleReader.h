#pragma once
// A second way to read a small, blurred code: module by module from its grey levels, where ZXing
// binarizes the picture first and then reads one pixel per module. On the degradation set's
// codes of 2-2.5 px per module a restored picture still holds the modules (about 1-2 % of them
// wrong when read at their true centres: `qr_degraded_set modules`), but ZXing's pixel-level
// threshold and its grid lose them. Here:
//   1. ZXing finds the finder patterns and proposes the grid (its SampleQR), as for any read;
//   2. the grid's four corners are moved, a fraction of a module at a time, until the modules
//      whose colour every QR code fixes (finder, separator, timing and alignment patterns) are
//      as dark and as light as they can be: the grid of the code itself, not of its blurred
//      binarization;
//   3. each module is read at its centre (bilinear) against the mean of the 9 x 9 modules around
//      it, so haze and uneven light do not matter;
//   4. when that does not decode, a few rounds of equalization: a module's grey level is modelled
//      as its own colour plus what its 4 side and 4 corner neighbours' colours leak into it (the
//      blur left after restoration), fitted by least squares over the whole code, and every
//      module is decided again with its neighbours' leakage taken out.
// Every read is ZXing's own decoding with its error correction, so a result is as trustworthy as
// any other read. docs/qr-scanning.md ("Reading by modules") has the measurements.

#include <Barcode.h>
#include <ImageView.h>

#include <cstdint>
#include <optional>

namespace authcore::detail {

/// Reads a QR code from `grey` (8-bit, dense rows) module by module. Its finder patterns are
/// looked for in `grey` made black and white at `threshold` (dark: at or below it), the code's
/// own threshold as the recovery measures it.
std::optional<ZXing::Barcode> readByModules(const ZXing::ImageView& grey, uint8_t threshold);

} // namespace authcore::detail
