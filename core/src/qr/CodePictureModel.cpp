#include "CodePictureModel.h"

#include "authcore/SecureWipe.h"

#include <algorithm>
#include <cmath>

namespace authcore::detail {

namespace {

constexpr int kSamplesPerModule = 2;
constexpr int kSampledQuietZone = 1; // modules of quiet zone sampled around the symbol
// Modules a sample reaches along one axis: the kernel at 3.5 modules is under 0.2 % of its peak
// for the blurs this reads (sigma up to ~1.1 module).
constexpr int kKernelTaps = 7;
constexpr double kKernelReach = kKernelTaps / 2.0;
constexpr double kMinContrast = 8; // grey levels between dark and light: less is no code
constexpr double kMaxGridStep = 4; // pixels a Lucas-Kanade round may move the grid: more is divergence
constexpr double kConvergedGridStep = 0.02; // pixels: a round that moves the grid less ends the alignment
constexpr int kGridParameters = 8;

} // namespace

// The tent-weighted mean of the Gaussian, by the midpoint rule (precomputed once per model).
double moduleKernel(double t, double sigma)
{
	constexpr int kSteps = 40;
	double sum = 0, weights = 0;
	for (int i = 0; i < kSteps; ++i) {
		const double x = -1 + (i + 0.5) * 2.0 / kSteps;
		const double tent = 1 - std::abs(x);
		sum += tent * std::exp(-(t - x) * (t - x) / (2 * sigma * sigma));
		weights += tent;
	}
	return sum / weights / (std::sqrt(2 * 3.14159265358979323846) * sigma);
}

namespace {

// Solves the n x n system `m` (row-major, with the right-hand side as column n) in place by
// Gaussian elimination with partial pivoting; false when singular.
bool solveLinear(std::array<std::array<double, kGridParameters + 1>, kGridParameters>& m, std::array<double, kGridParameters>& x)
{
	constexpr int n = kGridParameters;
	for (int i = 0; i < n; ++i) {
		int pivot = i;
		for (int k = i + 1; k < n; ++k)
			if (std::abs(m[size_t(k)][size_t(i)]) > std::abs(m[size_t(pivot)][size_t(i)]))
				pivot = k;
		std::swap(m[size_t(i)], m[size_t(pivot)]);
		if (std::abs(m[size_t(i)][size_t(i)]) < 1e-12)
			return false;
		for (int k = i + 1; k < n; ++k) {
			const double f = m[size_t(k)][size_t(i)] / m[size_t(i)][size_t(i)];
			for (int j = i; j <= n; ++j)
				m[size_t(k)][size_t(j)] -= f * m[size_t(i)][size_t(j)];
		}
	}
	for (int i = n - 1; i >= 0; --i) {
		double s = m[size_t(i)][size_t(n)];
		for (int j = i + 1; j < n; ++j)
			s -= m[size_t(i)][size_t(j)] * x[size_t(j)];
		x[size_t(i)] = s / m[size_t(i)][size_t(i)];
	}
	return true;
}

} // namespace

CodePictureModel::CodePictureModel(int size, double blurInModules)
	: _size(size), _samplesPerSide(kSamplesPerModule * (size + 2 * kSampledQuietZone)), _perPhase(_samplesPerSide / 2)
{
	static_assert(kSamplesPerModule == 2, "samples are split into two phases");
	_weights.resize(size_t{2} * kKernelTaps);
	for (int phase = 0; phase < 2; ++phase) {
		const double u = sampleCoordinate(phase);
		const int first = int(std::ceil(u - 0.5 - kKernelReach));
		_firstModule[size_t(phase)] = first;
		for (int k = 0; k < kKernelTaps; ++k)
			_weights[size_t(phase) * kKernelTaps + size_t(k)] = float(moduleKernel(u - (first + k + 0.5), blurInModules));
	}
	_padLeft = -std::min(_firstModule[0], _firstModule[1]);
	const int lastModule = std::max(_firstModule[0], _firstModule[1]) + _perPhase - 1 + kKernelTaps - 1;
	_paddedWidth = std::max(_padLeft + size, _padLeft + lastModule + 1);

	// The largest eigenvalue of the 1-D model's normal matrix, by power iteration; the 2-D one is
	// its square.
	const auto samples = size_t(_samplesPerSide);
	auto weight = [&](int sample, int module) {
		const int k = module - (_firstModule[size_t(sample & 1)] + sample / 2);
		return k >= 0 && k < kKernelTaps ? double(_weights[size_t(sample & 1) * kKernelTaps + size_t(k)]) : 0.0;
	};
	std::vector<double> v(size_t(size), 1), picture(samples), next(size_t(size), 0.0);
	double eigen = 1;
	for (int round = 0; round < 30; ++round) {
		std::fill(picture.begin(), picture.end(), 0);
		std::fill(next.begin(), next.end(), 0);
		for (int s = 0; s < _samplesPerSide; ++s)
			for (int m = 0; m < size; ++m)
				picture[size_t(s)] += weight(s, m) * v[size_t(m)];
		for (int s = 0; s < _samplesPerSide; ++s)
			for (int m = 0; m < size; ++m)
				next[size_t(m)] += weight(s, m) * picture[size_t(s)];
		double norm = 0, previous = 0;
		for (size_t i = 0; i < next.size(); ++i) {
			norm += next[i] * next[i];
			previous += v[i] * v[i];
		}
		eigen = std::sqrt(norm / previous);
		for (size_t i = 0; i < next.size(); ++i)
			v[i] = next[i] / std::sqrt(norm);
	}
	_stepScale = 1 / (2 * eigen * eigen * 1.05);

	const size_t modules = size_t(size) * size_t(size);
	_darkness.assign(modules, 0.5f);
	_isFixed.assign(modules, 0);
	for (int b = 0; b < size; ++b)
		for (int a = 0; a < size; ++a)
			if (const auto f = fixedModule(size, a, b); f != FixedModule::Data) {
				_darkness[index(a, b)] = f == FixedModule::Dark ? 1.0f : 0.0f;
				_isFixed[index(a, b)] = 1;
			}
	_momentum = _darkness;
	_padded.assign(size_t(size) * size_t(_paddedWidth), 0.0f);
}

CodePictureModel::~CodePictureModel()
{
	secureWipe(_darkness);
	secureWipe(_momentum);
	secureWipe(_samples);
	secureWipe(_padded);
	secureWipe(_rows[0]);
	secureWipe(_rows[1]);
	secureWipe(_model);
	secureWipe(_gradient);
	secureWipe(_previous);
}

// Where sample `sample` of a row (or column) is, in module coordinates.
double CodePictureModel::sampleCoordinate(int sample) const
{
	return -kSampledQuietZone + (sample + 0.5) / kSamplesPerModule;
}

// Calls f(t, b, w) for every sample row t and module row b that reaches it, with its weight w.
template <typename F>
void CodePictureModel::forEachColumnTap(F&& f) const
{
	for (int t = 0; t < _samplesPerSide; ++t)
		for (int k = 0; k < kKernelTaps; ++k) {
			const int b = _firstModule[size_t(t & 1)] + t / 2 + k;
			if (b >= 0 && b < _size)
				f(t, b, _weights[size_t(t & 1) * kKernelTaps + size_t(k)]);
		}
}

void CodePictureModel::forward(const std::vector<float>& modules, std::vector<float>& picture)
{
	const auto size = size_t(_size), perPhase = size_t(_perPhase), width = size_t(_paddedWidth);
	for (size_t b = 0; b < size; ++b)
		std::copy(modules.begin() + ptrdiff_t(b * size), modules.begin() + ptrdiff_t((b + 1) * size), _padded.begin() + ptrdiff_t(b * width + size_t(_padLeft)));
	// Along the module rows: per phase, sample j of row b = sum over k of w[k] * module (first + j + k).
	for (size_t phase = 0; phase < 2; ++phase) {
		auto& rows = _rows[phase];
		rows.assign(size * perPhase, 0.0f);
		for (size_t b = 0; b < size; ++b) {
			float* out = rows.data() + b * perPhase;
			for (int k = 0; k < kKernelTaps; ++k) {
				const float w = _weights[phase * kKernelTaps + size_t(k)];
				const float* in = _padded.data() + b * width + size_t(_padLeft + _firstModule[phase] + k);
				for (size_t j = 0; j < perPhase; ++j)
					out[j] += w * in[j];
			}
		}
	}
	// Down the columns: sample row t = sum over k of w[k] * module row (first + t / 2 + k).
	picture.assign(size_t(_samplesPerSide) * size_t(_samplesPerSide), 0.0f);
	forEachColumnTap([&](int t, int b, float w) {
		for (size_t phase = 0; phase < 2; ++phase) {
			const float* in = _rows[phase].data() + size_t(b) * perPhase;
			float* out = picture.data() + sampleIndex(t, int(phase));
			for (size_t j = 0; j < perPhase; ++j)
				out[j] += w * in[j];
		}
	});
}

void CodePictureModel::adjoint(const std::vector<float>& picture, std::vector<float>& modules)
{
	const auto size = size_t(_size), perPhase = size_t(_perPhase), width = size_t(_paddedWidth);
	for (auto& rows : _rows)
		rows.assign(size * perPhase, 0.0f);
	forEachColumnTap([&](int t, int b, float w) {
		for (size_t phase = 0; phase < 2; ++phase) {
			const float* in = picture.data() + sampleIndex(t, int(phase));
			float* out = _rows[phase].data() + size_t(b) * perPhase;
			for (size_t j = 0; j < perPhase; ++j)
				out[j] += w * in[j];
		}
	});
	std::fill(_padded.begin(), _padded.end(), 0.0f);
	for (size_t phase = 0; phase < 2; ++phase)
		for (size_t b = 0; b < size; ++b) {
			const float* in = _rows[phase].data() + b * perPhase;
			for (int k = 0; k < kKernelTaps; ++k) {
				const float w = _weights[phase * kKernelTaps + size_t(k)];
				float* out = _padded.data() + b * width + size_t(_padLeft + _firstModule[phase] + k);
				for (size_t j = 0; j < perPhase; ++j)
					out[j] += w * in[j];
			}
		}
	modules.resize(size * size);
	for (size_t b = 0; b < size; ++b)
		std::copy(_padded.begin() + ptrdiff_t(b * width + size_t(_padLeft)), _padded.begin() + ptrdiff_t(b * width + size_t(_padLeft) + size), modules.begin() + ptrdiff_t(b * size));
	std::fill(_padded.begin(), _padded.end(), 0.0f); // forward() needs the borders zero
}

bool CodePictureModel::fitLevels()
{
	forward(_darkness, _model);
	double sd = 0, sy = 0, sdd = 0, sdy = 0;
	const double n = double(_samples.size());
	for (size_t s = 0; s < _samples.size(); ++s) {
		const double d = _model[s], y = _samples[s];
		sd += d;
		sy += y;
		sdd += d * d;
		sdy += d * y;
	}
	const double spread = n * sdd - sd * sd;
	if (spread <= 0)
		return false;
	_contrast = -(n * sdy - sd * sy) / spread;
	_light = (sy + _contrast * sd) / n;
	return _contrast >= kMinContrast;
}

bool CodePictureModel::sample(const ZXing::ImageView& grey, const CodeGrid& grid)
{
	_samples.resize(size_t(_samplesPerSide) * size_t(_samplesPerSide));
	for (int t = 0; t < _samplesPerSide; ++t)
		for (int s = 0; s < _samplesPerSide; ++s) {
			const PicturePoint p = toPicture(grid, sampleCoordinate(s), sampleCoordinate(t));
			if (!(p.x >= 1 && p.y >= 1 && p.x <= grey.width() - 1 && p.y <= grey.height() - 1))
				return false;
			_samples[sampleIndex(t, s)] = float(sampleGrey(grey, p));
		}
	_momentum = _darkness; // a new picture: FISTA starts again from where it is
	_t = 1;
	return fitLevels();
}

void CodePictureModel::solve(int iterations)
{
	const auto step = float(_stepScale / (_contrast * _contrast) * 2 * _contrast);
	const auto light = float(_light), contrast = float(_contrast);
	for (int it = 0; it < iterations; ++it) {
		forward(_momentum, _model);
		for (size_t s = 0; s < _model.size(); ++s)
			_model[s] = _samples[s] - light + contrast * _model[s]; // the residual, picture minus model
		adjoint(_model, _gradient);
		_previous = _darkness;
		for (size_t i = 0; i < _darkness.size(); ++i)
			if (!_isFixed[i])
				_darkness[i] = std::clamp(_momentum[i] - step * _gradient[i], 0.0f, 1.0f);
		const double tNext = (1 + std::sqrt(1 + 4 * _t * _t)) / 2;
		const auto momentum = float((_t - 1) / tNext);
		for (size_t i = 0; i < _darkness.size(); ++i)
			_momentum[i] = _darkness[i] + momentum * (_darkness[i] - _previous[i]);
		_t = tNext;
	}
}

bool CodePictureModel::align(const ZXing::ImageView& grey, CodeGrid& grid, int rounds, bool fixedOnly)
{
	std::vector<float> darkness;
	forward(_darkness, darkness);
	std::vector<uint8_t> use(darkness.size(), 1);
	if (fixedOnly) {
		// A sample is the fixed modules' when under a tenth of its weight is on data modules.
		std::vector<float> data(_darkness.size()), onData;
		for (size_t i = 0; i < data.size(); ++i)
			data[i] = _isFixed[i] ? 0.0f : 1.0f;
		forward(data, onData);
		for (size_t i = 0; i < use.size(); ++i)
			use[i] = onData[i] < 0.1f;
	}
	bool aligned = true;
	for (int round = 0; round < rounds && aligned; ++round) {
		if (!sample(grey, grid)) {
			aligned = false;
			break;
		}
		std::array<std::array<double, kGridParameters + 1>, kGridParameters> normal{};
		for (int t = 0; t < _samplesPerSide; ++t)
			for (int s = 0; s < _samplesPerSide; ++s) {
				const size_t i = sampleIndex(t, s);
				if (!use[i])
					continue;
				const double u = sampleCoordinate(s), v = sampleCoordinate(t);
				const PicturePoint p = toPicture(grid, u, v);
				const double gx = sampleGrey(grey, {p.x + 0.5, p.y}) - sampleGrey(grey, {p.x - 0.5, p.y});
				const double gy = sampleGrey(grey, {p.x, p.y + 0.5}) - sampleGrey(grey, {p.x, p.y - 0.5});
				const double w = 1 + grid[6] * u + grid[7] * v;
				const double along = gx * p.x + gy * p.y;
				const std::array<double, kGridParameters> j = {gx / w, gx * u / w, gx * v / w, gy / w, gy * u / w, gy * v / w, -along * u / w, -along * v / w};
				const double residual = (_light - _contrast * darkness[i]) - _samples[i];
				for (size_t a = 0; a < kGridParameters; ++a) {
					normal[a][kGridParameters] += j[a] * residual;
					for (size_t b = 0; b < kGridParameters; ++b)
						normal[a][b] += j[a] * j[b];
				}
			}
		std::array<double, kGridParameters> step{};
		if (!solveLinear(normal, step)) {
			aligned = false;
			break;
		}
		const double shift = std::hypot(step[0], step[3]);
		if (!std::isfinite(shift) || shift > kMaxGridStep) {
			aligned = false;
			break;
		}
		for (size_t a = 0; a < kGridParameters; ++a)
			grid[a] += step[a];
		if (shift < kConvergedGridStep)
			break;
	}
	secureWipe(darkness);
	return aligned && sample(grey, grid);
}

} // namespace authcore::detail
