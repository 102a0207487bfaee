#include "SmearSolver.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace authcore::detail {

namespace {

// Chosen on the degradation set's motion_8 codes cut out by hand (1e-3 .. 3e-2 tried): smaller
// lets the zeros of the smear's spectrum ring through, larger leaves the smear.
constexpr float kLambda = 0.01f;
// Grey level the regularisation pulls towards: mid-grey, so neither dark nor light is favoured.
constexpr float kMidGrey = 128.0f;

// A smear of `length` pixels sampled on the pixel grid: full weight over its middle, the fractional
// remainder at both ends (what a moving edge leaves on pixels it crosses part of the time).
std::vector<float> smearKernel(float length)
{
	const int radius = int(std::ceil((length - 1) / 2));
	std::vector<float> kernel(size_t(2 * radius + 1));
	float total = 0;
	for (int i = 0; i <= 2 * radius; ++i)
		total += kernel[size_t(i)] = std::clamp((length + 1) / 2 - float(std::abs(i - radius)), 0.0f, 1.0f);
	for (auto& v : kernel)
		v /= total;
	return kernel;
}

// Observed line y = H x, both of length L: the smear reaches up to `radius` pixels beyond the
// line, where the line's end pixel is taken to go on (so a flat line is its own solution; free
// pixels there would let the smear's blind patterns ring in from the ends). Factors
// H^T H + lambda I = C C^T, C lower triangular with half-bandwidth m - 1 (m the kernel's size):
// factor[i * m + d] = C(i, i - d), d = 0 holding 1 / C(i, i) for the sweeps.
void factorSystem(const std::vector<float>& kernel, int lineLength, std::vector<float>& factor)
{
	const int m = int(kernel.size()), radius = (m - 1) / 2, n = lineLength;
	std::vector<float> a(size_t(n) * size_t(m), 0.0f); // a[i * m + d] = A(i, i - d)
	std::vector<float> weight(static_cast<size_t>(m)); // row `row` of H, from its first column on
	for (int row = 0; row < n; ++row) {
		const int first = std::max(0, row - radius), last = std::min(n - 1, row + radius);
		std::fill(weight.begin(), weight.end(), 0.0f);
		for (int p = 0; p < m; ++p)
			weight[size_t(std::clamp(row + p - radius, first, last) - first)] += kernel[size_t(p)];
		for (int i = first; i <= last; ++i)
			for (int j = first; j <= i; ++j)
				a[size_t(i) * size_t(m) + size_t(i - j)] += weight[size_t(i - first)] * weight[size_t(j - first)];
	}
	factor.assign(a.size(), 0.0f);
	for (int i = 0; i < n; ++i)
		for (int d = std::min(i, m - 1); d >= 0; --d) {
			const int j = i - d;
			float s = a[size_t(i) * size_t(m) + size_t(d)];
			for (int t = 1; t + d < m && t <= j; ++t)
				s -= factor[size_t(i) * size_t(m) + size_t(d + t)] * factor[size_t(j) * size_t(m) + size_t(t)];
			if (d == 0)
				factor[size_t(i) * size_t(m)] = 1.0f / std::sqrt(s + kLambda);
			else
				factor[size_t(i) * size_t(m) + size_t(d)] = s * factor[size_t(j) * size_t(m)];
		}
}

// Lines solved together, each in its own lane of `x` (x[i * kLanes + lane]): the sweeps are
// recurrences along a line, but the same ones in every line, so the lanes vectorise.
constexpr int kLanes = 4;
using LaneBuffer = std::vector<float, WipingAllocator<float>>;

// Four lines' values at one position. GCC and Clang both give this type SIMD registers (SSE,
// WebAssembly SIMD; the baseline wasm build splits it into scalars) and element-wise operators.
typedef float Lanes __attribute__((vector_size(16)));
static_assert(sizeof(Lanes) == kLanes * sizeof(float));

// Solves for kLanes lines at once: `lines` holds them (length L each, interleaved) on entry and
// the solution on return.
void solveLines(const std::vector<float>& kernel, const std::vector<float>& factor, int lineLength, LaneBuffer& lines, LaneBuffer& x)
{
	const int n = lineLength, M = int(kernel.size());
	const int radius = (M - 1) / 2;
	x.assign(size_t(n) * kLanes, 0.0f);
	auto at = [](LaneBuffer& buffer, int i) -> Lanes& { return *reinterpret_cast<Lanes*>(buffer.data() + size_t(i) * kLanes); };
	const Lanes mid = {kMidGrey, kMidGrey, kMidGrey, kMidGrey};
	for (int row = 0; row < n; ++row) { // H^T (y - mid-grey)
		const Lanes y = at(lines, row) - mid;
		if (row >= radius && row + radius < n) {
			for (int p = 0; p < M; ++p)
				at(x, row + p - radius) += kernel[size_t(p)] * y;
		} else {
			for (int p = 0; p < M; ++p)
				at(x, std::clamp(row + p - radius, 0, n - 1)) += kernel[size_t(p)] * y;
		}
	}
	const float* f = factor.data();
	for (int i = 0; i < n; ++i) { // C z = H^T y
		const float* c = f + size_t(i) * M;
		Lanes s = at(x, i);
		if (i >= M - 1) {
			for (int d = M - 1; d >= 1; --d)
				s -= c[d] * at(x, i - d);
		} else {
			for (int d = i; d >= 1; --d)
				s -= c[d] * at(x, i - d);
		}
		at(x, i) = s * c[0];
	}
	for (int i = n - 1; i >= 0; --i) { // C^T x = z
		Lanes s = at(x, i);
		const int reach = std::min(M - 1, n - 1 - i);
		if (reach == M - 1) {
			for (int d = M - 1; d >= 1; --d)
				s -= f[size_t(i + d) * M + size_t(d)] * at(x, i + d);
		} else {
			for (int d = reach; d >= 1; --d)
				s -= f[size_t(i + d) * M + size_t(d)] * at(x, i + d);
		}
		at(x, i) = s * f[size_t(i) * M];
	}
	for (int i = 0; i < n; ++i)
		at(lines, i) = at(x, i) + mid;
}

// Four 32-bit integers in one SIMD register, as Lanes above.
typedef int32_t IntLanes __attribute__((vector_size(16)));

// Sum of a[i] * b[i], i < n, in 32 bits (the caller keeps it from overflowing). Written with
// explicit vectors so that it stays SIMD in a build for size (-Os: this file in the wasm module).
int32_t dotProduct(const int* a, const int* b, int n)
{
	IntLanes sums = {0, 0, 0, 0};
	int i = 0;
	for (; i + kLanes <= n; i += kLanes) {
		IntLanes x, y;
		std::memcpy(&x, a + i, sizeof x);
		std::memcpy(&y, b + i, sizeof y);
		sums += x * y;
	}
	int32_t sum = sums[0] + sums[1] + sums[2] + sums[3];
	for (; i < n; ++i)
		sum += a[i] * b[i];
	return sum;
}

} // namespace

void deblurSmear(GreyPlane& plane, float smearLength, BlurShape along, SmearSolverBuffers& buffers)
{
	const bool columns = along == BlurShape::Vertical;
	const int lineLength = columns ? plane.height : plane.width, lines = columns ? plane.width : plane.height;
	if (lineLength < 2 || lines < 1)
		return;
	const auto kernel = smearKernel(std::clamp(smearLength, 2.0f, 16.0f));
	if (buffers.factoredLength != lineLength || buffers.factoredSmear != smearLength) {
		factorSystem(kernel, lineLength, buffers.factor);
		buffers.factoredLength = lineLength;
		buffers.factoredSmear = smearLength;
	}
	buffers.line.resize(size_t(lineLength) * kLanes);
	const size_t step = columns ? size_t(plane.width) : 1, across = columns ? 1 : size_t(plane.width);
	for (int first = 0; first < lines; first += kLanes) {
		// The last group may be short: its spare lanes repeat its last line and are not written back.
		const int count = std::min(kLanes, lines - first);
		for (int lane = 0; lane < kLanes; ++lane) {
			const uint8_t* from = plane.pixels.data() + size_t(first + std::min(lane, count - 1)) * across;
			for (int i = 0; i < lineLength; ++i)
				buffers.line[size_t(i) * kLanes + size_t(lane)] = float(from[size_t(i) * step]);
		}
		solveLines(kernel, buffers.factor, lineLength, buffers.line, buffers.solution);
		for (int lane = 0; lane < count; ++lane) {
			uint8_t* to = plane.pixels.data() + size_t(first + lane) * across;
			for (int i = 0; i < lineLength; ++i) {
				// Rounded in sixteenths (a multiply and a truncation, no libm call per pixel).
				const int sixteenths = int(std::clamp(buffers.line[size_t(i) * kLanes + size_t(lane)], 0.0f, 255.0f) * 16.0f);
				to[size_t(i) * step] = uint8_t((sixteenths + 8) >> 4);
			}
		}
	}
}

float estimateSmearLength(const GreyPlane& plane, BlurShape along)
{
	const bool columns = along == BlurShape::Vertical;
	const int lineLength = columns ? plane.height : plane.width, lines = columns ? plane.width : plane.height;
	const size_t step = columns ? size_t(plane.width) : 1, across = columns ? 1 : size_t(plane.width);
	constexpr int kLags = kMaxSmearLength + 2;
	if (lineLength < 4 * kLags)
		return 0;
	int64_t correlation[kLags] = {};
	// A line's second differences first, then one dot product per lag: loops the compiler turns
	// into 32-bit SIMD multiply-adds. |difference| <= 1020, so a chunk of 1024 products stays
	// within 32 bits.
	std::vector<int, WipingAllocator<int>> difference(static_cast<size_t>(lineLength));
	const int count = lineLength - kLags - 2; // products per lag and line
	for (int l = 0; l < lines; l += 2) {
		const uint8_t* line = plane.pixels.data() + size_t(l) * across;
		for (int i = 1; i + 1 < lineLength; ++i)
			difference[size_t(i)] = int(line[size_t(i + 1) * step]) - 2 * int(line[size_t(i) * step]) + int(line[size_t(i - 1) * step]);
		const int* d = difference.data() + 1;
		for (int k = 1; k < kLags; ++k)
			for (int start = 0; start < count; start += 1024)
				correlation[k] += dotProduct(d + start, d + start + k, std::min(1024, count - start));
	}
	int best = 2;
	for (int k = 3; k <= kMaxSmearLength; ++k)
		if (correlation[k] < correlation[best])
			best = k;
	// The minimum of the parabola through the lowest lag and its neighbours.
	const double left = double(correlation[best - 1]), centre = double(correlation[best]), right = double(correlation[best + 1]);
	const double curvature = left - 2 * centre + right;
	const double offset = curvature > 0 ? std::clamp(0.5 * (left - right) / curvature, -0.5, 0.5) : 0.0;
	return float(best + offset);
}

} // namespace authcore::detail
