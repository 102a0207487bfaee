#pragma once
// A QR code's geometry in a picture, shared by the readers that work module by module
// (ModuleReader.h, CodePictureModel.h): where a module lands, the picture's grey level there, and
// which modules every code fixes.

#include <array>
#include <cstdint>
#include <vector>

#include <ImageView.h>

namespace authcore::detail {

/// Module coordinates to picture pixels: x = (h0 + h1 u + h2 v) / w, y = (h3 + h4 u + h5 v) / w,
/// w = 1 + h6 u + h7 v. Pixel (x, y) of the picture covers [x, x + 1) x [y, y + 1).
using CodeGrid = std::array<double, 8>;

struct PicturePoint
{
	double x = 0;
	double y = 0;
};

PicturePoint toPicture(const CodeGrid& grid, double u, double v);

/// Bilinear grey level of `grey` at a picture point (clamped at the edges).
double sampleGrey(const ZXing::ImageView& grey, PicturePoint p);

/// Whether the module (a, b) of a version `(size - 17) / 4` code is one every code has (finder
/// patterns and their separators, timing lines, alignment patterns; outside the symbol: the quiet
/// zone), and then whether it is dark.
enum class FixedModule : int8_t { Light = 0, Dark = 1, Data = -1 };
FixedModule fixedModule(int size, int a, int b);

struct KnownModule
{
	int a;
	int b;
	bool dark;
};

/// The fixed modules of a code of `size`, row by row, with `quietZone` modules of quiet zone around
/// the symbol.
std::vector<KnownModule> knownModules(int size, int quietZone);

} // namespace authcore::detail
