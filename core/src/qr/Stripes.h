#pragma once
// Moiré: a screen filmed by a camera lays a beat pattern over the picture, light and dark stripes
// of one period and direction that multiply every pixel (docs/qr-scanning.md, "Recovery"). ZXing's
// binarizer takes the dark stripes across light modules for modules. removeStripes() finds the
// pattern and divides it out.

#include "GreyPlane.h"

namespace authcore::detail {

/// A pattern's depth (the amplitude of its sine over the plane's mean grey) below which nothing is
/// removed. Measured on the degradation set, frames 0-3 of every scene, the code's square: without
/// moiré the strongest "pattern" found has depth 0.044 at most (720 regions of 12 conditions); the
/// moiré condition's (35 % deep) about 0.2.
inline constexpr double kMinStripeDepth = 0.08;

/// Fainter moiré, as in the degradation set's mix (depth 0.06-0.07 at the frame's centre, under
/// blur and noise): looked for only on a code's region, in one recovery attempt, where dividing
/// out a false pattern (up to 0.044 deep, above) costs that attempt and nothing else.
inline constexpr double kMinFaintStripeDepth = 0.05;

/// Finds the strongest stripe pattern of period 4-16 px (any direction) in `plane` and divides it
/// out. Returns false, leaving `plane` as it was, when the plane is smaller than 32 px either way
/// or no pattern stands out (its depth under `minDepth` of the mean grey: kMinStripeDepth, or
/// kMinFaintStripeDepth where a false pattern costs little).
/// Floating point with + - * / only (the sines come from a series, not the C library), so the
/// result is the same natively and in wasm.
bool removeStripes(GreyPlane& plane, double minDepth = kMinStripeDepth);

} // namespace authcore::detail
