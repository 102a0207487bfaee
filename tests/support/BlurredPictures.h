#pragma once
// Code-like test pictures and the blurs of the degradation set, for the tests of the recovery's
// deblurring (tests/qr/InverseFilterTest.cpp, tests/qr/SmearSolverTest.cpp): in double precision,
// independent of the integer and single-precision code they check.

#include "qr/GreyPlane.h"

namespace authcore::test {

/// Random square modules of `moduleSize` px at grey 35 and 215, from a fixed seed.
detail::GreyPlane modules(int w, int h, int moduleSize = 3);

/// `plane` blurred by a Gaussian of `sigma` (rows and columns) or, when sigma is 0, a smear of
/// `length` px (tests/support/DegradedStream.cpp's kernel) along rows, or along columns when
/// `alongColumns`. Edges repeat the border pixels.
detail::GreyPlane blurred(const detail::GreyPlane& plane, double sigma, double length, bool alongColumns = false);

/// Mean absolute difference over the picture less a border of 16 px (the edges repeat pixels).
double meanError(const detail::GreyPlane& a, const detail::GreyPlane& b);

} // namespace authcore::test
