#pragma once
// The picture a blurred QR code makes, as a function of its modules: the model that reading a code
// too blurred to threshold solves (BlurredCodeReader.h).
//
// A camera out of focus spreads each module over its neighbours (a Gaussian of sigma about
// 0.9 module for a 2.5 px code under the set's defocus 2.2), so no threshold, however well the
// picture is restored, reads more than ~87 % of the modules right (`qr_degraded_set modules`).
// But the picture stays an exact linear function of the modules, and each module is either dark
// or light: fitting all of them at once, each held between the two, finds ~98-99 % of them
// (`qr_degraded_set joint`), which ZXing's error correction reads.
//
// The model, in module coordinates (module (a, b) covers [a, a + 1) x [b, b + 1)):
//   grey(u, v) = light - contrast * sum over modules of darkness(a, b) * k(u - a - 0.5) * k(v - b - 0.5)
// with k a one-module tent (a camera's sensor samples between modules) blurred by a Gaussian of
// the blur's sigma in modules. The picture is sampled at 2 x 2 points per module through a
// homography (grid()), so the model is two 1-D convolutions: a fit step costs about
// 4 x 5 x (modules + samples) multiply-adds.
//   - align(): Lucas-Kanade (Gauss-Newton over the homography's 8 parameters) moves the grid until
//     the picture matches the model. First only on samples that the code's fixed modules decide
//     (finder patterns, separators, timing and alignment patterns, the quiet zone): those do not
//     depend on the data, so a grid within a module or two of the code's converges to within about
//     a tenth of a module.
//   - solve(): the darkness of every other module, by least squares held in [0, 1] (FISTA:
//     projected gradient with Nesterov's momentum), then rounded.
// Everything it keeps (samples and modules) is a picture of the code, so it is wiped when done.

#include "CodeGeometry.h"

#include <array>
#include <cstdint>
#include <vector>

#include <ImageView.h>

namespace authcore::detail {

/// What a module adds to the picture at `t` modules from its centre along one axis: the
/// one-module tent (a sample between two module centres sees both) blurred by a Gaussian of
/// `sigma` modules.
double moduleKernel(double t, double sigma);

class CodePictureModel
{
public:
	/// A code of `size` x `size` modules, blurred by a Gaussian of `blurInModules` modules.
	CodePictureModel(int size, double blurInModules);
	~CodePictureModel();
	CodePictureModel(const CodePictureModel&) = delete;
	CodePictureModel& operator=(const CodePictureModel&) = delete;

	/// Lucas-Kanade rounds moving `grid` to fit `grey`; `fixedOnly`: only samples the fixed
	/// modules decide. False when the grid leaves the picture or the fit breaks down.
	bool align(const ZXing::ImageView& grey, CodeGrid& grid, int rounds, bool fixedOnly);

	/// Samples `grey` through `grid` and fits the levels; false when the picture shows no code
	/// (no contrast between the modules' dark and light).
	bool sample(const ZXing::ImageView& grey, const CodeGrid& grid);

	/// `iterations` more steps of the fit of the data modules to the last sample().
	void solve(int iterations);

	/// The modules as ZXing reads them: dark where solved darker than half.
	bool isDark(int a, int b) const { return _darkness[index(a, b)] > 0.5; }
	int size() const { return _size; }

private:
	size_t index(int a, int b) const { return size_t(b) * size_t(_size) + size_t(a); }
	// The picture's samples, 2 x 2 per module over the symbol and its nearest quiet zone, are kept
	// row by row, each row split by phase: its samples at even columns, then those at odd ones.
	// Along a row, the modules that reach a sample are then the same kKernelTaps consecutive ones
	// for every sample of a phase, one further on per sample, with the same weights: both passes
	// of the model are plain 1-D convolutions over contiguous floats, which compilers vectorize
	// (SSE natively, SIMD128 in wasm).
	size_t sampleIndex(int row, int column) const
	{
		return (size_t(row) * 2 + size_t(column & 1)) * size_t(_perPhase) + size_t(column / 2);
	}
	double sampleCoordinate(int sample) const;
	template <typename F>
	void forEachColumnTap(F&& f) const;
	void forward(const std::vector<float>& modules, std::vector<float>& picture);
	void adjoint(const std::vector<float>& picture, std::vector<float>& modules);
	bool fitLevels();

	int _size;
	int _samplesPerSide;
	int _perPhase;                 // samples of one phase in a row (half of _samplesPerSide)
	int _padLeft = 0;              // zero modules before each padded module row
	int _paddedWidth = 0;
	std::array<int, 2> _firstModule{}; // per phase: the first module that reaches its first sample
	std::vector<float> _weights;       // per phase, kKernelTaps weights
	double _stepScale = 0; // 1 / the largest eigenvalue of the model's normal matrix, without the contrast
	std::vector<float> _darkness;  // per module, 0 (light) .. 1 (dark); fixed modules are exact
	std::vector<uint8_t> _isFixed; // per module
	std::vector<float> _samples;   // the picture at the sample points
	std::vector<float> _momentum;  // FISTA's extrapolated point
	double _t = 1;                 // FISTA's momentum weight
	double _light = 0;
	double _contrast = 0;
	// Work buffers of forward() and adjoint().
	std::vector<float> _padded; // the modules with zero borders, row by row
	std::array<std::vector<float>, 2> _rows; // per phase: each module row sampled along it
	std::vector<float> _model;
	std::vector<float> _gradient;
	std::vector<float> _previous;
};

} // namespace authcore::detail
