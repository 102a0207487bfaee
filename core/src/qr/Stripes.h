#pragma once
// Moiré: a screen filmed by a camera lays a beat pattern over the picture, light and dark stripes
// of one period and direction that multiply every pixel (docs/qr-scanning.md, "Recovery"). ZXing's
// binarizer takes the dark stripes across light modules for modules. removeStripes() finds the
// pattern and divides it out.

#include "GreyPlane.h"

namespace authcore::detail {

/// Finds the strongest stripe pattern of period 4-16 px (any direction) in `plane` and divides it
/// out. Returns false, leaving `plane` as it was, when the plane is smaller than 32 px either way
/// or no pattern stands out (its depth under kMinStripeDepth of the mean grey).
/// Floating point with + - * / only (the sines come from a series, not the C library), so the
/// result is the same natively and in wasm.
bool removeStripes(GreyPlane& plane);

/// A pattern's depth (the amplitude of its sine over the plane's mean grey) below which nothing is
/// removed. Measured on the degradation set, frames 0-3 of every scene, the code's square: without
/// moiré the strongest "pattern" found has depth 0.044 at most (720 regions of 12 conditions); the
/// moiré condition's (35 % deep) about 0.2.
inline constexpr double kMinStripeDepth = 0.08;

} // namespace authcore::detail
