#pragma once
// How many of a degraded scene's modules a restored picture gets wrong when every module is read
// at its true centre, from the scene's own geometry: what a reader that decides modules by a
// threshold can at best do with that picture. It tells a scene the restoration cannot bring back
// (too many wrong modules even with a perfect grid) from one where finding the code, its grid or
// its threshold is what fails (docs/qr-scanning.md, "What is still missing").
//
// Only frame 0 of a stream has exactly the scene's geometry (later frames move with the hand).

#include "DegradedStream.h"

#include "qr/GreyPlane.h"

#include <cstdint>
#include <vector>

namespace authcore::test {

struct ModuleErrors
{
	double bestGlobal = 0;     // share of modules wrong with the best single threshold for the code (an oracle)
	int bestThreshold = 0;     //   that threshold
	double localMean = 0;      // share wrong when each module is compared with the mean of the 9 x 9 modules around it
	int modules = 0;           // modules of the symbol (quiet zone excluded)
};

/// The square of frame pixels around the scene's code (its turn and tilt included), clipped to
/// the 1280 x 720 frame: where the restorations are tried.
authcore::detail::PixelRect codeSquare(const DegradedScene& scene);

/// `place` of a 1280 x 720 grey frame (renderDegradedGreyFrame()), as a picture to restore.
authcore::detail::GreyPlane cutOut(const std::vector<uint8_t>& frame, const authcore::detail::PixelRect& place);

/// The errors of `restored`, a picture of `place` (codeSquare()) of frame 0 of `scene`.
ModuleErrors moduleErrors(const authcore::detail::GreyPlane& restored, const authcore::detail::PixelRect& place, const DegradedScene& scene);

} // namespace authcore::test
