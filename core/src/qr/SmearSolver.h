#pragma once
// Undoing a long straight smear (a hand moving the code while the webcam exposes the frame) by
// solving for the sharp picture, line by line, instead of filtering it.
//
// A smear of L pixels is a box along the motion; its spectrum has zeros at every multiple of 1/L
// cycles per pixel, and for L = 8 a code's modules of 3-4 px lie among them. A finite filter
// (29 taps, as deconvolve()'s against 5 px) cannot undo that closely enough for ZXing: on the
// degradation set an 8 px one read none of the motion_8 codes cut out by hand. The regularised least-squares solution over each
// whole line, x minimising |H x - y|^2 + lambda |x - 128|^2, reads most of them: it is a banded
// system (H^T H + lambda I, half-bandwidth L), factored once per line length (Cholesky) and solved
// per line in two sweeps, about as many multiply-adds per pixel as the filter.
//
// Floating point, unlike the rest of the recovery's integer arithmetic: single precision,
// additions and multiplications in a fixed order and never fused (this file is compiled with
// -ffp-contract=off), so natively and in wasm the results are the same bits.

#include "GreyPlane.h"

#include "authcore/WipingAllocator.h"

#include <vector>

namespace authcore::detail {

/// Working memory of deblurSmear(), kept by the caller between calls. The factor depends only on
/// the smear and the line length (no picture in it); the lines hold the picture, so they zero.
struct SmearSolverBuffers
{
	int factoredLength = -1;
	float factoredSmear = 0;
	std::vector<float> factor; // rows of the banded Cholesky factor, diagonal first
	std::vector<float, WipingAllocator<float>> line, solution;
};

/// Replaces `plane` by its regularised least-squares deblurring against a straight smear of
/// `smearLength` pixels (2..16) along rows (BlurShape::Horizontal) or columns (Vertical; Defocus
/// is treated as Horizontal).
void deblurSmear(GreyPlane& plane, float smearLength, BlurShape along, SmearSolverBuffers& buffers);

/// The length of a straight smear along rows (Horizontal) or columns (Vertical) of `plane`: the
/// lag, 2..kMaxSmearLength pixels, at which the second differences along the smear correlate
/// least with themselves (a smear of L pixels turns each edge into a ramp L wide, bent one way at
/// its start and the other way L pixels on), refined between lags by a parabola. Second rather
/// than first differences: the background's slow changes drop out (first differences measured
/// 8.2-8.7 px over tiles under an 8 px smear). Every other line is looked at. A sharp picture
/// gives its texture's scale (2-4 px for a code); lines under 64 px give 0.
float estimateSmearLength(const GreyPlane& plane, BlurShape along);

inline constexpr int kMaxSmearLength = 14;

} // namespace authcore::detail
