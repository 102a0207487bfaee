// Chooses the QR scan presets by measurement: detection on the shared sample images and on
// synthetic frames, and median time per 720p / 1080p frame, for each candidate set of options,
// plus ZXing converting RGBA itself against our conversion. Same source natively and under Node:
//   build/native/bench/qr_options_bench [REPEATS] [SHARED_QR_DIR]
//   node build/wasm/bench/qr_options_bench.js [REPEATS] [SHARED_QR_DIR]
// It prints; docs/qr-scanning.md keeps the figures that chose the presets.

#include "SyntheticFrame.h"

#include "authcore/Error.h"
#include "authcore/qr/ImageFile.h"
#include "authcore/qr/QrDecoder.h"
#include "authcore/qr/QrEncoder.h"

#include <ReadBarcode.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace authcore;
namespace fs = std::filesystem;

namespace {

struct Sample
{
	std::string folder;
	RgbaImage image;
	std::string expected;
};

struct Frame
{
	std::string name;
	int width, height;
	std::vector<uint8_t> rgba;
	std::string expected; // empty: no code in the frame
};

std::string readText(const fs::path& path)
{
	std::ifstream in(path, std::ios::binary);
	return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<Sample> loadSamples(const fs::path& root)
{
	std::vector<Sample> samples;
	if (!fs::is_directory(root))
		return samples;
	std::vector<fs::path> files;
	for (const auto& entry : fs::recursive_directory_iterator(root))
		if (entry.path().extension() == ".png" || entry.path().extension() == ".jpg")
			files.push_back(entry.path());
	std::sort(files.begin(), files.end());
	for (const auto& file : files) {
		auto txt = fs::path(file).replace_extension(".txt");
		samples.push_back({file.parent_path().filename().string(), readImageFile(file.string()), readText(txt)});
	}
	return samples;
}

std::vector<Frame> makeFrames(int width, int height)
{
	std::vector<Frame> frames;
	const std::string uri = "otpauth://totp/authentik%3Akristine.majore%40example.lv?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
							"&algorithm=SHA1&digits=6&period=30&issuer=authentik";
	auto code = encodeQr(uri, {.scale = 1, .margin = 4});
	int n = 0;
	// Module sizes of a code held up to a 720p webcam or shown in a screen capture, upright and
	// turned, tilted, blurred, low in contrast, noisy.
	for (double module : {2.5, 3.5, 5.0, 8.0})
		for (double angle : {0.0, 17.0, 45.0, 180.0})
			for (int variant = 0; variant < 3; ++variant) {
				test::FrameSpec spec;
				spec.width = width;
				spec.height = height;
				spec.centerX = width * (0.4 + 0.05 * (n % 5));
				spec.centerY = height * (0.45 + 0.03 * (n % 4));
				spec.pixelsPerModule = module;
				spec.angleDegrees = angle;
				spec.seed = uint32_t(100 + n);
				spec.noise = 6;
				if (variant == 1) {
					spec.tilt = 0.25;
					spec.blurRadius = 1;
				} else if (variant == 2) {
					spec.dark = 90;
					spec.light = 170;
					spec.blurRadius = 1;
				}
				if (code.width * module * 1.5 > height)
					continue; // would not fit when turned
				char name[64];
				std::snprintf(name, sizeof name, "m%.1f-a%d-v%d", module, int(angle), variant);
				frames.push_back({name, width, height, test::renderRgbaFrame(code, spec), uri});
				++n;
			}
	for (int i = 0; i < 6; ++i) {
		test::FrameSpec spec;
		spec.width = width;
		spec.height = height;
		spec.withCode = false;
		spec.noise = 6;
		spec.seed = uint32_t(900 + i);
		char name[32];
		std::snprintf(name, sizeof name, "nocode-%d", i);
		frames.push_back({name, width, height, test::renderRgbaFrame(code, spec), ""});
	}
	return frames;
}

double medianMs(std::vector<double> v)
{
	std::sort(v.begin(), v.end());
	return v.empty() ? 0 : v[v.size() / 2];
}

template <typename F>
double timeMs(F&& f, int repeats)
{
	std::vector<double> times;
	for (int i = 0; i < repeats; ++i) {
		auto t0 = std::chrono::steady_clock::now();
		f();
		times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
	}
	return medianMs(times);
}

bool decodes(QrDecoder& decoder, const ImageView& view, const QrScanOptions& options, const std::string& expected)
{
	try {
		return decoder.decode(view, options).text == expected;
	} catch (const Error&) {
		return false;
	}
}

struct Candidate
{
	std::string name;
	QrScanOptions options;
};

} // namespace

int main(int argc, char** argv)
{
	// Arguments: [REPEATS] [SHARED_QR_DIR]. AUTHCORE_QR_BENCH_VERBOSE=1 lists the frames each candidate
	// misses; AUTHCORE_QR_BENCH_DUMP=DIR also writes them there as PNG.
	int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
	fs::path sharedQr = argc > 2 ? fs::path(argv[2]) : fs::path(AUTHCORE_SHARED_DATA_DIR) / "qr";
	bool verbose = std::getenv("AUTHCORE_QR_BENCH_VERBOSE") != nullptr;
	const char* dumpDir = std::getenv("AUTHCORE_QR_BENCH_DUMP"); // a folder for PNGs of missed frames
	auto samples = loadSamples(sharedQr);
	auto frames720 = makeFrames(1280, 720);
	auto frames1080 = makeFrames(1920, 1080);
	std::printf("%zu sample images, %zu + %zu synthetic frames, %d timing repeats\n", samples.size(), frames720.size(),
				frames1080.size(), repeats);

	std::vector<Candidate> candidates;
	auto add = [&](std::string name, auto tweak) {
		QrScanOptions o = QrScanOptions::live();
		o.tryHarder = o.tryInvert = o.tryDownscale = false;
		o.downscale = 1;
		o.globalBinarizer = false;
		o.fullResolutionEvery = 0;
		o.downscaleFromSide = 0;
		tweak(o);
		candidates.push_back({std::move(name), o});
	};
	add("fast (no harder/invert/pyramid)", [](QrScanOptions&) {});
	add("fast + tryHarder", [](QrScanOptions& o) { o.tryHarder = true; });
	add("fast + tryInvert", [](QrScanOptions& o) { o.tryInvert = true; });
	add("fast + tryHarder + tryInvert", [](QrScanOptions& o) { o.tryHarder = o.tryInvert = true; });
	add("fast + pyramid", [](QrScanOptions& o) { o.tryDownscale = true; });
	add("fast + ZXing global binarizer", [](QrScanOptions& o) { o.globalBinarizer = true; });
	add("our 2x2 average", [](QrScanOptions& o) { o.downscale = 2; });
	add("our 2x2 average + tryInvert", [](QrScanOptions& o) { o.downscale = 2; o.tryInvert = true; });
	add("our 3x3 average", [](QrScanOptions& o) { o.downscale = 3; });
	add("ZXing defaults (harder+invert+pyramid)", [](QrScanOptions& o) { o.tryHarder = o.tryInvert = o.tryDownscale = true; });
	candidates.push_back({"preset live", QrScanOptions::live()});
	candidates.push_back({"preset still", QrScanOptions::still()});

	QrDecoder decoder;
	// Detection: samples per folder (still images) and synthetic frames.
	std::printf("\n%-40s %-27s | %-9s %-9s\n", "options", "samples, folders 1..5", "720p", "1080p");
	for (const auto& c : candidates) {
		std::map<std::string, int> perFolder;
		for (const auto& s : samples)
			perFolder[s.folder] += decodes(decoder, s.image.view(), c.options, s.expected);
		std::string folders;
		for (const auto& [folder, count] : perFolder)
			folders += std::to_string(count) + " ";

		auto detect = [&](const std::vector<Frame>& frames) {
			int found = 0, total = 0;
			for (const auto& f : frames) {
				if (f.expected.empty())
					continue;
				++total;
				// A decoder that reads some calls at full resolution only: read within one cycle of calls.
				QrDecoder fresh;
				bool ok = false;
				for (int call = 0; call < std::max(1, c.options.fullResolutionEvery) && !ok; ++call)
					ok = decodes(fresh, {f.rgba, f.width, f.height, PixelFormat::Rgba}, c.options, f.expected);
				found += ok;
				if (!ok && verbose)
					std::printf("  %s misses %dx%d %s\n", c.name.c_str(), f.width, f.height, f.name.c_str());
				if (!ok && dumpDir) { // the missed frame as a grey PNG, to look at
					GreyImage grey{f.width, f.height, {}};
					for (size_t i = 0; i < f.rgba.size(); i += 4)
						grey.pixels.push_back(f.rgba[i + 1]);
					writeImageFile(std::string(dumpDir) + "/" + std::to_string(f.width) + "-" + f.name + ".png", grey);
				}
			}
			return std::to_string(found) + "/" + std::to_string(total);
		};
		std::printf("%-40s %-27s | %-9s %-9s\n", c.name.c_str(), folders.c_str(), detect(frames720).c_str(), detect(frames1080).c_str());
		std::fflush(stdout);
	}

	// Time: the candidates take turns call by call on each frame, so that load from other work on
	// the machine hits them alike; per candidate the fastest of the repeats on each frame (other
	// processes can only ever add time), then the median over frames. A candidate with a cycle of
	// calls (fullResolutionEvery) is timed over one whole cycle, divided by its length: the mean
	// cost per frame of a stream.
	// One more contender: the RGBA handed straight to ZXing with the live options (ZXing then
	// converts to grey itself, into a fresh buffer per call).
	auto live = QrScanOptions::live();
	auto zxingOptions = ZXing::ReaderOptions()
							.formats(ZXing::BarcodeFormat::QRCodeModel1 | ZXing::BarcodeFormat::QRCodeModel2)
							.tryHarder(live.tryHarder)
							.tryInvert(live.tryInvert)
							.tryDownscale(live.tryDownscale)
							.tryRotate(false)
							.binarizer(ZXing::Binarizer::LocalAverage)
							.textMode(ZXing::TextMode::Plain)
							.maxNumberOfSymbols(1);
	const size_t contenders = candidates.size() + 1;
	std::vector<QrDecoder> decoders(contenders);
	auto timeSet = [&](const std::vector<Frame>& frames, bool withCode) {
		std::vector<std::vector<double>> perFrame(contenders);
		for (const auto& f : frames) {
			if (f.expected.empty() == withCode)
				continue;
			ImageView view{f.rgba, f.width, f.height, PixelFormat::Rgba};
			std::vector<std::vector<double>> times(contenders);
			for (int r = 0; r < repeats; ++r)
				for (size_t i = 0; i < contenders; ++i)
				{
					int cycle = i < candidates.size() ? std::max(1, candidates[i].options.fullResolutionEvery) : 1;
					times[i].push_back(timeMs([&] {
						for (int call = 0; call < cycle; ++call)
							if (i < candidates.size())
								decodes(decoders[i], view, candidates[i].options, f.expected);
							else
								(void)ZXing::ReadBarcode(ZXing::ImageView(f.rgba.data(), f.width, f.height, ZXing::ImageFormat::RGBA), zxingOptions);
					}, 1) / cycle);
				}
			for (size_t i = 0; i < contenders; ++i)
				perFrame[i].push_back(*std::min_element(times[i].begin(), times[i].end()));
		}
		std::vector<double> result;
		for (auto& v : perFrame)
			result.push_back(medianMs(v));
		return result;
	};
	auto t720 = timeSet(frames720, true), t720no = timeSet(frames720, false);
	auto t1080 = timeSet(frames1080, true), t1080no = timeSet(frames1080, false);
	std::printf("\nms per frame (fastest of %d, median over frames) %-9s %-9s %-9s %-9s\n", repeats, "720p", "720p no", "1080p", "1080p no");
	for (size_t i = 0; i < contenders; ++i)
		std::printf("%-40s %-9.2f %-9.2f %-9.2f %-9.2f\n", i < candidates.size() ? candidates[i].name.c_str() : "RGBA straight into ZXing (live options)",
					t720[i], t720no[i], t1080[i], t1080no[i]);

	// The conversion alone, into a reused buffer, as QrDecoder does it.
	const auto& f = frames720.front();
	std::vector<uint8_t> grey(size_t(f.width) * f.height);
	double convert = timeMs([&] {
		const uint8_t* p = f.rgba.data();
		for (size_t i = 0; i < grey.size(); ++i, p += 4)
			grey[i] = uint8_t((306 * p[0] + 601 * p[1] + 117 * p[2] + 512) >> 10);
	}, repeats * 4);
	std::printf("RGBA -> grey of one 720p frame alone: %.3f ms median of %d (checksum %d)\n", convert, repeats * 4, int(grey[grey.size() / 2]));
	return 0;
}
