#include "DegradedStream.h"

#include "authcore/qr/ImageFile.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>
#include <stdexcept>

// JPEG compression of the frames: stb_image_write, private to this file (the core's copy is
// static too); decoding goes through the core's decodeImageFile.
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

namespace authcore::test {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Pixels per module of the 15 scenes of a condition. The usual set spans what a laptop camera
// sees of a phone held 15-40 cm away; "small" is the far end only.
constexpr double kModuleSizes[kScenesPerCondition] = {2, 2, 2, 2.5, 2.5, 3, 3, 3, 3.5, 3.5, 4, 4, 4.5, 5, 5};
constexpr double kSmallModuleSizes[kScenesPerCondition] = {2, 2, 2, 2, 2.25, 2.25, 2.5, 2.5, 2.5, 2.75, 2.75, 3, 3, 3, 3};

const char* const kUsers[] = {"kristine.majore%40example.lv", "janis.berzins", "anna%40support.example.com",
							  "edgars.ozols%40example.lv", "admin", "liga.kalnina%40example.lv", "it-helpdesk"};

// Which scene order the module sizes come in: shuffled so that small and large codes are spread
// over the slices the CI test takes (every third scene).
constexpr int kSceneOrder[kScenesPerCondition] = {0, 5, 10, 3, 8, 13, 1, 6, 11, 4, 9, 14, 2, 7, 12};

uint32_t fnv1a(const std::string& text, uint32_t extra)
{
	uint32_t hash = 2166136261u;
	for (unsigned char c : text)
		hash = (hash ^ c) * 16777619u;
	for (int i = 0; i < 4; ++i)
		hash = (hash ^ ((extra >> (8 * i)) & 0xffu)) * 16777619u;
	return hash;
}

struct Random
{
	detail::Lcg lcg;
	double uniform() { return double(lcg.next() >> 8) / double(1u << 24); } // [0, 1)
	double between(double a, double b) { return a + (b - a) * uniform(); }
	double gaussian()
	{
		double u = std::max(uniform(), 1e-9), v = uniform();
		return std::sqrt(-2 * std::log(u)) * std::cos(2 * kPi * v);
	}
};

using Plane = std::vector<float>;

// One separable pass of `kernel` (odd length, centred) along rows or columns, edges clamped. The
// column pass walks whole rows (out row i += weight k * input row i+k), so it reads memory in
// order; each pixel still sums its taps in the same order as a per-pixel loop would.
void convolve(Plane& image, int w, int h, const std::vector<float>& kernel, bool horizontal)
{
	const int radius = int(kernel.size() / 2);
	Plane out(image.size(), 0.0f);
	if (horizontal) {
		for (int y = 0; y < h; ++y) {
			const float* in = &image[size_t(y) * size_t(w)];
			float* row = &out[size_t(y) * size_t(w)];
			for (int x = 0; x < w; ++x) {
				float sum = 0;
				for (int k = -radius; k <= radius; ++k)
					sum += kernel[size_t(k + radius)] * in[std::clamp(x + k, 0, w - 1)];
				row[x] = sum;
			}
		}
	} else {
		for (int y = 0; y < h; ++y) {
			float* row = &out[size_t(y) * size_t(w)];
			for (int k = -radius; k <= radius; ++k) {
				const float weight = kernel[size_t(k + radius)];
				const float* in = &image[size_t(std::clamp(y + k, 0, h - 1)) * size_t(w)];
				for (int x = 0; x < w; ++x)
					row[x] += weight * in[x];
			}
		}
	}
	image.swap(out);
}

std::vector<float> gaussianKernel(double sigma)
{
	const int radius = int(std::ceil(3 * sigma));
	std::vector<float> kernel(size_t(2 * radius + 1));
	double total = 0;
	for (int k = -radius; k <= radius; ++k)
		total += kernel[size_t(k + radius)] = float(std::exp(-k * k / (2 * sigma * sigma)));
	for (auto& v : kernel)
		v = float(v / total);
	return kernel;
}

// A smear of `length` pixels: full weight over its middle, the fractional remainder at both ends.
std::vector<float> motionKernel(double length)
{
	const int radius = int(std::ceil((length - 1) / 2));
	std::vector<float> kernel(size_t(2 * radius + 1));
	double total = 0;
	for (int k = -radius; k <= radius; ++k)
		total += kernel[size_t(k + radius)] = float(std::clamp((length + 1) / 2 - std::abs(k), 0.0, 1.0));
	for (auto& v : kernel)
		v = float(v / total);
	return kernel;
}

void appendBytes(void* context, void* data, int size)
{
	auto* out = static_cast<std::vector<uint8_t>*>(context);
	auto* bytes = static_cast<const uint8_t*>(data);
	out->insert(out->end(), bytes, bytes + size);
}

std::vector<uint8_t> jpegRoundTrip(const std::vector<uint8_t>& grey, int w, int h, int quality)
{
	std::vector<uint8_t> encoded;
	if (!stbi_write_jpg_to_func(appendBytes, &encoded, w, h, 1, grey.data(), quality))
		throw std::runtime_error("JPEG encoding of a synthetic frame failed");
	auto decoded = decodeImageFile(encoded);
	std::vector<uint8_t> out(grey.size());
	for (size_t i = 0; i < out.size(); ++i)
		out[i] = decoded.pixels[4 * i];
	return out;
}

double codeSide(const DegradedScene& scene, int modulesWithQuietZone) { return modulesWithQuietZone * scene.pixelsPerModule; }

} // namespace

const std::vector<DegradationCondition>& degradationConditions()
{
	static const std::vector<DegradationCondition> conditions = [] {
		std::vector<DegradationCondition> list;
		auto add = [&](const char* name, auto setup) {
			DegradationCondition c{name, {}};
			setup(c.degradation);
			list.push_back(c);
		};
		add("clean", [](Degradation&) {});
		add("defocus_1.0", [](Degradation& d) { d.defocusSigma = 1.0; });
		add("defocus_1.6", [](Degradation& d) { d.defocusSigma = 1.6; });
		add("defocus_2.2", [](Degradation& d) { d.defocusSigma = 2.2; });
		add("motion_5", [](Degradation& d) { d.motionLength = 5; });
		add("motion_8", [](Degradation& d) { d.motionLength = 8; });
		add("noise_16", [](Degradation& d) { d.noiseSigma = 16; });
		add("glare", [](Degradation& d) { d.haze = 0.7; });
		add("low_contrast", [](Degradation& d) { d.dark = 95; d.light = 150; });
		add("tilt", [](Degradation& d) { d.maxTilt = 0.6; });
		add("small", [](Degradation& d) { d.smallCodes = true; });
		add("moire", [](Degradation& d) { d.moireAmplitude = 0.35; d.moirePeriod = 7; });
		add("jpeg_25", [](Degradation& d) { d.jpegQuality = 25; });
		add("mix", [](Degradation& d) {
			d.haze = 0.3;
			d.maxTilt = 0.25;
			d.defocusSigma = 1.0;
			d.motionLength = 3;
			d.moireAmplitude = 0.12;
			d.moirePeriod = 9;
			d.noiseSigma = 6;
			d.jpegQuality = 60;
		});
		return list;
	}();
	return conditions;
}

const DegradationCondition& degradationCondition(const std::string& name)
{
	for (const auto& c : degradationConditions())
		if (c.name == name)
			return c;
	throw std::out_of_range("no degradation condition '" + name + "'");
}

DegradedScene degradedScene(const DegradationCondition& condition, int index)
{
	if (index < 0 || index >= kScenesPerCondition)
		throw std::out_of_range("scene index out of range");
	const Degradation& d = condition.degradation;
	DegradedScene scene;
	scene.seed = fnv1a(condition.name, uint32_t(index));
	Random random{{scene.seed}};

	std::string secret;
	for (int i = 0; i < 32; ++i)
		secret += "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[random.lcg.below(32)];
	const char* user = kUsers[random.lcg.below(int(std::size(kUsers)))];
	const int digits = random.lcg.below(3) == 0 ? 8 : 6;
	scene.text = std::string("otpauth://totp/authentik%3A") + user + "?secret=" + secret + "&algorithm=SHA1&digits="
				 + std::to_string(digits) + "&period=30&issuer=authentik";
	scene.pixelsPerModule = (d.smallCodes ? kSmallModuleSizes : kModuleSizes)[kSceneOrder[index]];

	const int side = encodeQr(scene.text, {.scale = 1, .margin = 4}).width;
	FrameSpec& spec = scene.spec;
	spec.pixelsPerModule = scene.pixelsPerModule;
	spec.angleDegrees = random.between(0, 360);
	spec.tilt = random.between(-d.maxTilt, d.maxTilt);
	// Keep the whole code, jitter included, inside the frame.
	const double reach = codeSide(scene, side) * 0.75 * (1 + std::abs(spec.tilt) / 2) + 8;
	spec.centerX = random.between(reach, spec.width - reach);
	spec.centerY = random.between(reach, spec.height - reach);
	spec.dark = d.dark;
	spec.light = d.light;
	spec.noise = 0;
	spec.blurRadius = 0;
	spec.seed = scene.seed;
	return scene;
}

std::vector<uint8_t> renderDegradedGreyFrame(const DegradationCondition& condition, const DegradedScene& scene, int frame)
{
	const Degradation& d = condition.degradation;
	const GreyImage code = encodeQr(scene.text, {.scale = 1, .margin = 4});
	Random random{{scene.seed * 2654435761u + uint32_t(frame) * 40503u + 1}};

	// The hand: a pixel or two of movement and a fraction of a degree of turn between frames.
	FrameSpec spec = scene.spec;
	if (frame > 0) {
		spec.centerX += random.between(-1.5, 1.5);
		spec.centerY += random.between(-1.5, 1.5);
		spec.angleDegrees += random.between(-0.4, 0.4);
	}
	const auto grey = renderGreyFrame(code, spec);
	const int w = spec.width, h = spec.height;
	Plane image(grey.begin(), grey.end());

	if (d.haze > 0) {
		// A reflection centred a little off the code, as wide as the code.
		const double radius = code.width * spec.pixelsPerModule * 0.8;
		const double gx = spec.centerX + radius * 0.3, gy = spec.centerY - radius * 0.2;
		for (int y = 0; y < h; ++y)
			for (int x = 0; x < w; ++x) {
				double r2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (radius * radius);
				float share = float(d.haze * std::exp(-r2 / 2));
				float& p = image[size_t(y) * size_t(w) + size_t(x)];
				p = p * (1 - share) + 255 * share;
			}
	}
	if (d.defocusSigma > 0) {
		auto kernel = gaussianKernel(d.defocusSigma);
		convolve(image, w, h, kernel, true);
		convolve(image, w, h, kernel, false);
	}
	if (d.motionLength > 1)
		convolve(image, w, h, motionKernel(d.motionLength), true);
	if (d.moireAmplitude > 0) {
		// The beat between the screen's pixel grid and the sensor's: fixed for the scene.
		Random sceneRandom{{scene.seed ^ 0x5bd1e995u}};
		const double theta = sceneRandom.between(0, kPi), fx = std::cos(theta) / d.moirePeriod, fy = std::sin(theta) / d.moirePeriod;
		for (int y = 0; y < h; ++y)
			for (int x = 0; x < w; ++x)
				image[size_t(y) * size_t(w) + size_t(x)] *= float(1 - d.moireAmplitude * (0.5 + 0.5 * std::cos(2 * kPi * (fx * x + fy * y))));
	}
	std::vector<uint8_t> out(image.size());
	for (size_t i = 0; i < image.size(); ++i)
		out[i] = uint8_t(std::clamp(std::lround(image[i] + d.noiseSigma * random.gaussian()), 0L, 255L));
	if (d.jpegQuality > 0)
		out = jpegRoundTrip(out, w, h, d.jpegQuality);
	return out;
}

std::vector<uint8_t> renderDegradedRgbaFrame(const DegradationCondition& condition, const DegradedScene& scene, int frame)
{
	auto grey = renderDegradedGreyFrame(condition, scene, frame);
	std::vector<uint8_t> rgba(grey.size() * 4);
	for (size_t i = 0; i < grey.size(); ++i) {
		int g = grey[i];
		rgba[4 * i] = uint8_t(std::min(255, g + 12));
		rgba[4 * i + 1] = uint8_t(g);
		rgba[4 * i + 2] = uint8_t(std::max(0, g - 20));
		rgba[4 * i + 3] = 255;
	}
	return rgba;
}

} // namespace authcore::test
