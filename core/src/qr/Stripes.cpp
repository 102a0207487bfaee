#include "Stripes.h"

#include <algorithm>
#include <cstddef>
#include <cmath>
#include <vector>

namespace authcore::detail {

namespace {

struct Complex
{
	double re = 0;
	double im = 0;
};

Complex operator*(Complex a, Complex b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

double norm(Complex a) { return a.re * a.re + a.im * a.im; }

constexpr double kTwoPi = 6.283185307179586;

// e^(i 2 pi turns): whole turns dropped (floor() is exact), then the Taylor series at a quarter
// of the angle (|x| <= pi / 4, where 24 terms are exact to double precision), squared twice.
Complex unitPhasor(double turns)
{
	turns -= std::floor(turns + 0.5);
	const double x = kTwoPi * turns / 4;
	double term = 1, c = 0, s = 0;
	for (int k = 0; k < 24; ++k) {
		if (k % 4 == 0)
			c += term;
		else if (k % 4 == 1)
			s += term;
		else if (k % 4 == 2)
			c -= term;
		else
			s -= term;
		term *= x / (k + 1);
	}
	Complex p{c, s};
	p = p * p;
	return p * p;
}

// Pixels of a plane minus their mean: a `width` x `height` block from (left, top), every
// `stride`-th pixel along rows and columns.
struct Window
{
	int width = 0;
	int height = 0;
	int stride = 1;
	std::vector<double> values;
};

Window windowOf(const GreyPlane& plane, int left, int top, int width, int height, int stride)
{
	Window window{width, height, stride, std::vector<double>(size_t(width) * size_t(height))};
	double sum = 0;
	for (int y = 0; y < height; ++y)
		for (int x = 0; x < width; ++x)
			sum += window.values[size_t(y) * size_t(width) + size_t(x)] = plane.row(top + y * stride)[left + x * stride];
	const double mean = sum / double(window.values.size());
	for (double& v : window.values)
		v -= mean;
	return window;
}

// |sum of values e^(-i 2 pi (fx x + fy y))|^2 over a window, (x, y) in the plane's pixels.
double power(const Window& window, double fx, double fy)
{
	const Complex step = unitPhasor(-fx * window.stride);
	Complex total;
	for (int y = 0; y < window.height; ++y) {
		Complex p = unitPhasor(-fy * y * window.stride);
		Complex row;
		const double* v = window.values.data() + size_t(y) * size_t(window.width);
		for (int x = 0; x < window.width; ++x) {
			row.re += v[x] * p.re;
			row.im += v[x] * p.im;
			p = p * step;
		}
		total.re += row.re;
		total.im += row.im;
	}
	return norm(total);
}

// Moves (fx, fy) to the strongest point of `window`'s spectrum nearby: each round tries a step
// either way along fx, keeps the strongest, then the same along fy (a peak of a sine's spectrum is
// smooth, so this climbs it, diagonally too), for `rounds` rounds, the step halved each round from
// `firstStep`.
void refine(const Window& window, double& fx, double& fy, double firstStep, int rounds)
{
	double bestPower = power(window, fx, fy);
	double step = firstStep;
	for (int round = 0; round < rounds; ++round, step /= 2)
		for (double* axis : {&fx, &fy}) {
			const double start = *axis;
			double best = start;
			for (double candidate : {start - step, start + step}) {
				*axis = candidate;
				const double p = power(window, fx, fy);
				if (p > bestPower) {
					bestPower = p;
					best = candidate;
				}
			}
			*axis = best;
		}
}

} // namespace

bool removeStripes(GreyPlane& plane, double minDepth)
{
	if (plane.width < 32 || plane.height < 32)
		return false;

	// 1. The strongest frequency on the grid of a 64 px window's spectrum (a discrete Fourier
	//    transform, rows first): periods 4 to 16 px, every direction (half the plane of
	//    frequencies: the other half mirrors it).
	const int side = std::min({64, plane.width, plane.height}) & ~1;
	const Window coarse = windowOf(plane, (plane.width - side) / 2, (plane.height - side) / 2, side, side, 1);
	const int kMax = side / 4, kMin = side / 16;
	std::vector<Complex> table(static_cast<size_t>(side));
	for (int j = 0; j < side; ++j)
		table[size_t(j)] = unitPhasor(-double(j) / side);
	const int columns = 2 * kMax + 1;
	std::vector<Complex> rowSpectra(size_t(side) * size_t(columns));
	for (int y = 0; y < side; ++y)
		for (int kx = -kMax; kx <= kMax; ++kx) {
			Complex sum;
			const double* v = coarse.values.data() + size_t(y) * size_t(side);
			const int turn = (kx + side) % side; // kx * x modulo side, kept by adding
			for (int x = 0, index = 0; x < side; ++x, index = (index + turn) % side) {
				const Complex& e = table[size_t(index)];
				sum.re += v[x] * e.re;
				sum.im += v[x] * e.im;
			}
			rowSpectra[size_t(y) * size_t(columns) + size_t(kx + kMax)] = sum;
		}
	double best = -1;
	int bestKx = 0, bestKy = 0;
	for (int ky = 0; ky <= kMax; ++ky)
		for (int kx = -kMax; kx <= kMax; ++kx) {
			const int k2 = kx * kx + ky * ky;
			if (k2 < kMin * kMin || k2 > kMax * kMax || (ky == 0 && kx < 0))
				continue;
			Complex sum;
			for (int y = 0; y < side; ++y) {
				const Complex term = rowSpectra[size_t(y) * size_t(columns) + size_t(kx + kMax)] * table[size_t((ky * y) % side)];
				sum.re += term.re;
				sum.im += term.im;
			}
			if (norm(sum) > best) {
				best = norm(sum);
				bestKx = kx;
				bestKy = ky;
			}
		}

	// 2. Refined between the grid's points. Over a region of a few hundred pixels the pattern's
	//    phase must hold across it, so the frequency must be right to about 1/2000 of a cycle per
	//    pixel: first on a 96 px window at the centre, then on the whole plane (every third pixel).
	double fx = double(bestKx) / side, fy = double(bestKy) / side;
	const int fineSide = std::min({96, plane.width, plane.height}) & ~1;
	refine(windowOf(plane, (plane.width - fineSide) / 2, (plane.height - fineSide) / 2, fineSide, fineSide, 1), fx, fy, 0.5 / side, 3);
	refine(windowOf(plane, 0, 0, plane.width / 3, plane.height / 3, 3), fx, fy, 0.001, 4);

	// 3. Its amplitude and phase over the whole plane (every other pixel each way). With
	//    pixels = code * (1 - d cos(phase)), the sine's coefficient over the mean grey is -d (to
	//    first order), so dividing by 1 + Re(A e^(i phase)) / mean takes the pattern out.
	const Complex stepX = unitPhasor(-2 * fx);
	Complex a;
	double sum = 0, n = 0;
	for (int y = 0; y < plane.height; y += 2) {
		Complex p = unitPhasor(-fy * y);
		const uint8_t* row = plane.row(y);
		for (int x = 0; x < plane.width; x += 2) {
			a.re += row[x] * p.re;
			a.im += row[x] * p.im;
			sum += row[x];
			n += 1;
			p = p * stepX;
		}
	}
	const double mean = sum / n;
	if (mean < 1)
		return false;
	a = {2 * a.re / n / mean, 2 * a.im / n / mean}; // the coefficient of e^(-i phase), over the mean
	if (norm(a) < minDepth * minDepth)
		return false;
	const Complex stepBack = unitPhasor(fx);
	for (int y = 0; y < plane.height; ++y) {
		Complex p = unitPhasor(fy * y);
		uint8_t* row = plane.row(y);
		for (int x = 0; x < plane.width; ++x) {
			const double pattern = std::max(0.25, 1 + (a.re * p.re - a.im * p.im));
			row[x] = uint8_t(std::clamp(row[x] / pattern + 0.5, 0.0, 255.0));
			p = p * stepBack;
		}
	}
	return true;
}

} // namespace authcore::detail
