#include "QrJointSolve.h"

#include "DegradedStream.h"
#include "SyntheticFrame.h"

#include "authcore/qr/QrEncoder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

using namespace authcore;

namespace {

constexpr int kQuietZone = 4; // the set's codes: encodeQr(..., margin 4)

struct Options
{
	std::string condition;
	double shiftModules = 0;
	double sigma = -1; // -1: the condition's own
	int iterations = 1500;
};

// One module's share of each frame pixel it reaches (bilinear sampling, then the blur), as
// (pixel index in the window, weight).
using Response = std::vector<std::pair<size_t, float>>;

struct Model
{
	int left = 0, top = 0, width = 0, height = 0; // the window of the frame around the code
	int side = 0;                                  // modules across, quiet zone included
	std::vector<Response> responses;               // per module, row by row
	std::vector<uint8_t> fitted;                   // window pixels whose blur reaches only the code
};

std::vector<double> gaussian(double sigma, int radius)
{
	std::vector<double> kernel(size_t(2 * radius + 1));
	double total = 0;
	for (int k = -radius; k <= radius; ++k)
		total += kernel[size_t(k + radius)] = std::exp(-k * k / (2 * sigma * sigma));
	for (auto& v : kernel)
		v /= total;
	return kernel;
}

Model buildModel(const GreyImage& code, const test::FrameSpec& spec, double sigma)
{
	Model model;
	model.side = code.width;
	const auto corners = test::codeCorners(code, spec);
	const auto toUnit = test::detail::inverse(test::detail::squareToQuad(corners));
	double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
	for (const auto& c : corners) {
		x0 = std::min(x0, c.x);
		y0 = std::min(y0, c.y);
		x1 = std::max(x1, c.x);
		y1 = std::max(y1, c.y);
	}
	const int radius = int(std::ceil(3 * sigma));
	model.left = std::max(0, int(x0) - radius);
	model.top = std::max(0, int(y0) - radius);
	model.width = std::min(spec.width - 1, int(x1) + radius) - model.left + 1;
	model.height = std::min(spec.height - 1, int(y1) + radius) - model.top + 1;
	const int w = model.width, h = model.height;
	const size_t pixels = size_t(w) * size_t(h);

	// The renderer's sampling (SyntheticFrame.h): each pixel blends the 4 nearest code pixels.
	std::vector<Response> sampled(size_t(model.side) * size_t(model.side));
	std::vector<uint8_t> inCode(pixels, 0);
	for (int y = 0; y < h; ++y)
		for (int x = 0; x < w; ++x) {
			const double px = model.left + x + 0.5, py = model.top + y + 0.5;
			const double d = toUnit[6] * px + toUnit[7] * py + toUnit[8];
			const double u = (toUnit[0] * px + toUnit[1] * py + toUnit[2]) / d;
			const double v = (toUnit[3] * px + toUnit[4] * py + toUnit[5]) / d;
			if (u < 0 || u >= 1 || v < 0 || v >= 1)
				continue;
			const size_t p = size_t(y) * size_t(w) + size_t(x);
			inCode[p] = 1;
			const double cx = u * model.side - 0.5, cy = v * model.side - 0.5;
			const int mx = int(std::floor(cx)), my = int(std::floor(cy));
			const double fx = cx - mx, fy = cy - my;
			const double weights[4] = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
			for (int k = 0; k < 4; ++k) {
				const int a = std::clamp(mx + k % 2, 0, model.side - 1), b = std::clamp(my + k / 2, 0, model.side - 1);
				sampled[size_t(b) * size_t(model.side) + size_t(a)].push_back({p, float(weights[k])});
			}
		}

	// Each module's sampled weights blurred, over its bounding box grown by the blur's reach.
	const auto kernel = gaussian(sigma, radius);
	std::vector<double> plane(pixels, 0), rows(pixels, 0);
	model.responses.resize(sampled.size());
	for (size_t m = 0; m < sampled.size(); ++m) {
		if (sampled[m].empty())
			continue;
		int bx0 = w, by0 = h, bx1 = -1, by1 = -1;
		for (auto [p, weight] : sampled[m]) {
			const int x = int(p % size_t(w)), y = int(p / size_t(w));
			plane[p] += weight;
			bx0 = std::min(bx0, x);
			bx1 = std::max(bx1, x);
			by0 = std::min(by0, y);
			by1 = std::max(by1, y);
		}
		const int ax0 = std::max(0, bx0 - radius), ax1 = std::min(w - 1, bx1 + radius);
		const int ay0 = std::max(0, by0 - radius), ay1 = std::min(h - 1, by1 + radius);
		for (int y = by0; y <= by1; ++y)
			for (int x = ax0; x <= ax1; ++x) {
				double sum = 0;
				for (int k = std::max(-radius, -x); k <= std::min(radius, w - 1 - x); ++k)
					sum += kernel[size_t(k + radius)] * plane[size_t(y) * size_t(w) + size_t(x + k)];
				rows[size_t(y) * size_t(w) + size_t(x)] = sum;
			}
		for (int y = ay0; y <= ay1; ++y)
			for (int x = ax0; x <= ax1; ++x) {
				double sum = 0;
				for (int k = std::max(-radius, by0 - y); k <= std::min(radius, by1 - y); ++k)
					sum += kernel[size_t(k + radius)] * rows[size_t(y + k) * size_t(w) + size_t(x)];
				if (sum > 1e-4)
					model.responses[m].push_back({size_t(y) * size_t(w) + size_t(x), float(sum)});
			}
		for (auto [p, weight] : sampled[m])
			plane[p] = 0;
		for (int y = by0; y <= by1; ++y)
			std::fill(rows.begin() + ptrdiff_t(size_t(y) * size_t(w) + size_t(ax0)), rows.begin() + ptrdiff_t(size_t(y) * size_t(w) + size_t(ax1) + 1), 0.0);
	}

	// Only pixels whose blur reaches no background (the quiet zone is 4 modules, wider than it).
	model.fitted.assign(pixels, 0);
	for (int y = radius; y < h - radius; ++y)
		for (int x = radius; x < w - radius; ++x) {
			auto in = [&](int xx, int yy) { return inCode[size_t(yy) * size_t(w) + size_t(xx)] != 0; };
			model.fitted[size_t(y) * size_t(w) + size_t(x)] = in(x - radius, y - radius) && in(x + radius, y - radius) && in(x - radius, y + radius) && in(x + radius, y + radius);
		}
	return model;
}

struct Solved
{
	int wrong = 0;
	int modules = 0;
	double residual = 0; // RMS of frame minus model over the fitted pixels, grey levels
};

Solved solve(const Model& model, const std::vector<uint8_t>& frame, const GreyImage& code, double dark, double light, int iterations)
{
	const size_t pixels = size_t(model.width) * size_t(model.height);
	const double contrast = light - dark;
	std::vector<size_t> unknown; // the symbol's modules (the quiet zone is light)
	for (int b = kQuietZone; b < model.side - kQuietZone; ++b)
		for (int a = kQuietZone; a < model.side - kQuietZone; ++a)
			unknown.push_back(size_t(b) * size_t(model.side) + size_t(a));

	// Darkness of each unknown module, 0..1; the residual e = frame - model = frame - light + contrast * sum x r.
	auto residualOf = [&](const std::vector<double>& x, std::vector<double>& e) {
		for (size_t p = 0; p < pixels; ++p)
			e[p] = model.fitted[p] ? double(frame[size_t(model.top + int(p / size_t(model.width))) * 1280 + size_t(model.left) + p % size_t(model.width)]) - light : 0;
		for (size_t i = 0; i < unknown.size(); ++i)
			if (x[i] != 0)
				for (auto [p, weight] : model.responses[unknown[i]])
					if (model.fitted[p])
						e[p] += contrast * x[i] * weight;
	};
	auto gradientOf = [&](const std::vector<double>& e, std::vector<double>& g) {
		for (size_t i = 0; i < unknown.size(); ++i) {
			double sum = 0;
			for (auto [p, weight] : model.responses[unknown[i]])
				if (model.fitted[p])
					sum += e[p] * weight;
			g[i] = 2 * contrast * sum;
		}
	};

	// The step: 1 / the gradient's Lipschitz constant, 2 contrast^2 times the largest eigenvalue
	// of R^T R, by power iteration.
	std::vector<double> v(unknown.size(), 1), image(pixels), next(unknown.size());
	double eigen = 1;
	for (int round = 0; round < 30; ++round) {
		std::fill(image.begin(), image.end(), 0);
		for (size_t i = 0; i < unknown.size(); ++i)
			for (auto [p, weight] : model.responses[unknown[i]])
				if (model.fitted[p])
					image[p] += v[i] * weight;
		double norm = 0;
		for (size_t i = 0; i < unknown.size(); ++i) {
			double sum = 0;
			for (auto [p, weight] : model.responses[unknown[i]])
				if (model.fitted[p])
					sum += image[p] * weight;
			next[i] = sum;
			norm += sum * sum;
		}
		norm = std::sqrt(norm);
		double vNorm = 0;
		for (double value : v)
			vNorm += value * value;
		eigen = norm / std::sqrt(vNorm);
		for (size_t i = 0; i < unknown.size(); ++i)
			v[i] = next[i] / norm;
	}
	const double step = 1 / (2 * contrast * contrast * eigen * 1.05);

	// Projected gradient with Nesterov's momentum (FISTA) on the box 0..1.
	std::vector<double> x(unknown.size(), 0.5), y = x, previous = x, e(pixels), g(unknown.size());
	double t = 1;
	for (int it = 0; it < iterations; ++it) {
		residualOf(y, e);
		gradientOf(e, g);
		previous = x;
		for (size_t i = 0; i < unknown.size(); ++i)
			x[i] = std::clamp(y[i] - step * g[i], 0.0, 1.0);
		const double tNext = (1 + std::sqrt(1 + 4 * t * t)) / 2;
		for (size_t i = 0; i < unknown.size(); ++i)
			y[i] = x[i] + (t - 1) / tNext * (x[i] - previous[i]);
		t = tNext;
	}

	Solved result;
	for (size_t i = 0; i < unknown.size(); ++i) {
		x[i] = x[i] > 0.5 ? 1 : 0;
		const size_t m = unknown[i];
		const bool isDark = code.pixels[m] < 128; // the code is 1 px per module
		result.wrong += (x[i] == 1) != isDark;
	}
	result.modules = int(unknown.size());
	residualOf(x, e);
	double sum = 0;
	size_t count = 0;
	for (size_t p = 0; p < pixels; ++p)
		if (model.fitted[p]) {
			sum += e[p] * e[p];
			++count;
		}
	result.residual = count ? std::sqrt(sum / double(count)) : 0;
	return result;
}

Options parse(const std::vector<std::string>& arguments)
{
	Options options;
	for (size_t i = 0; i < arguments.size(); ++i) {
		auto value = [&]() {
			if (i + 1 >= arguments.size())
				throw std::invalid_argument(arguments[i] + " needs a value");
			return std::stod(arguments[++i]);
		};
		if (arguments[i] == "--shift")
			options.shiftModules = value();
		else if (arguments[i] == "--sigma")
			options.sigma = value();
		else if (arguments[i] == "--iterations")
			options.iterations = int(value());
		else
			options.condition = arguments[i];
	}
	if (options.condition.empty())
		throw std::invalid_argument("joint needs a condition");
	return options;
}

} // namespace

int printJointSolve(const std::vector<std::string>& arguments)
{
	const Options options = parse(arguments);
	const auto& condition = test::degradationCondition(options.condition);
	const auto& d = condition.degradation;
	if (d.defocusSigma <= 0 || d.motionLength > 1 || d.haze > 0 || d.moireAmplitude > 0 || d.jpegQuality > 0)
		throw std::invalid_argument("joint models defocus and noise only");
	const double sigma = options.sigma > 0 ? options.sigma : d.defocusSigma;
	std::printf("%s, frame 0, true grid moved %.2f modules, blur assumed sigma %.2f px, %d iterations\n", condition.name.c_str(),
				options.shiftModules, sigma, options.iterations);
	for (int index = 0; index < test::kScenesPerCondition; ++index) {
		const auto scene = test::degradedScene(condition, index);
		if (scene.pixelsPerModule >= 3)
			continue;
		const auto frame = test::renderDegradedGreyFrame(condition, scene, 0);
		const GreyImage code = encodeQr(scene.text, {.scale = 1, .margin = kQuietZone});
		auto spec = scene.spec;
		spec.centerX += options.shiftModules * scene.pixelsPerModule;
		const Model model = buildModel(code, spec, sigma);
		const Solved solved = solve(model, frame, code, d.dark, d.light, options.iterations);
		std::printf("  scene %2d  %.2f px/module: %4d of %d modules wrong (%.2f %%), residual %.2f grey levels (noise %.1f)\n", index,
					scene.pixelsPerModule, solved.wrong, solved.modules, 100.0 * solved.wrong / solved.modules, solved.residual, d.noiseSigma);
	}
	return 0;
}
