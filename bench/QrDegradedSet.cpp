// The degradation set of tests/support/DegradedStream.h, for bench/qr-degraded.mjs and by hand.
//
//   qr_degraded_set list
//       one line per condition name
//   qr_degraded_set write DIR CONDITION
//       writes the condition's streams as raw 8-bit grey frames, DIR/SCENE_FRAME.grey (1280 x 720),
//       and DIR/scenes.json: [{scene, text, pixelsPerModule}] (the JS benchmark feeds them to ours,
//       zxing-wasm and jsQR)
//   qr_degraded_set eval [CONDITION...]
//       reads every stream natively: ours (live, with recovery), ours without recovery (what the
//       live path did before it), and ZXing alone on every single frame (what zxing-wasm does);
//       prints scenes read per condition, split at 3 pixels per module, and per-call times.
//   qr_degraded_set modules [--fused] [CONDITION...]
//       per scene, the share of its code's modules each restoration gets wrong when read at their
//       true centres (bench/QrModuleErrors.h): what the restorations leave to be read.
// Builds natively and for Node (bench/CMakeLists.txt); not part of the default build.

#include "DegradedStream.h"
#include "QrBlurredSearch.h"
#include "QrJointSolve.h"
#include "QrModuleErrors.h"

#include "authcore/Error.h"
#include "authcore/qr/QrDecoder.h"

#include <ReadBarcode.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace authcore;

namespace {

int list()
{
	for (const auto& c : test::degradationConditions())
		std::printf("%s\n", c.name.c_str());
	return 0;
}

std::string jsonString(const std::string& text)
{
	std::string out = "\"";
	for (char c : text) {
		if (c == '"' || c == '\\')
			out += '\\';
		out += c;
	}
	return out + "\"";
}

int write(const std::string& dir, const std::string& name)
{
	const auto& condition = test::degradationCondition(name);
	std::ofstream manifest(dir + "/scenes.json");
	manifest << "[\n";
	for (int s = 0; s < test::kScenesPerCondition; ++s) {
		auto scene = test::degradedScene(condition, s);
		manifest << "  {\"scene\": " << s << ", \"text\": " << jsonString(scene.text) << ", \"pixelsPerModule\": " << scene.pixelsPerModule
				 << "}" << (s + 1 < test::kScenesPerCondition ? "," : "") << "\n";
		for (int f = 0; f < test::kFramesPerStream; ++f) {
			auto frame = test::renderDegradedGreyFrame(condition, scene, f);
			std::ofstream out(dir + "/" + std::to_string(s) + "_" + std::to_string(f) + ".grey", std::ios::binary);
			out.write(reinterpret_cast<const char*>(frame.data()), std::streamsize(frame.size()));
			if (!out)
				return 2;
		}
	}
	manifest << "]\n";
	return manifest ? 0 : 2;
}

struct Tally
{
	int big = 0, bigRead = 0, small = 0, smallRead = 0;
	void add(double ppm, bool read)
	{
		(ppm >= 3 ? big : small) += 1;
		(ppm >= 3 ? bigRead : smallRead) += read;
	}
};

bool zxingAlone(const std::vector<uint8_t>& rgba, const std::string& text)
{
	auto options = ZXing::ReaderOptions().formats(ZXing::BarcodeFormat::QRCode).tryHarder(true).tryInvert(true).textMode(ZXing::TextMode::Plain);
	auto barcode = ZXing::ReadBarcode({rgba.data(), 1280, 720, ZXing::ImageFormat::RGBA}, options);
	return barcode.isValid() && barcode.text() == text;
}

int eval(std::vector<std::string> names)
{
	if (names.empty())
		for (const auto& c : test::degradationConditions())
			names.push_back(c.name);
	std::vector<double> times;
	std::printf("condition      ours >=3px  <3px | before >=3px <3px | zxing/frame >=3px <3px\n");
	for (const auto& name : names) {
		const auto& condition = test::degradationCondition(name);
		Tally ours, before, zxing;
		std::string missed;
		for (int s = 0; s < test::kScenesPerCondition; ++s) {
			auto scene = test::degradedScene(condition, s);
			QrDecoder live, plain;
			auto plainOptions = QrScanOptions::live();
			plainOptions.recoveryAttempts = 0;
			bool readOurs = false, readBefore = false, readZxing = false;
			for (int f = 0; f < test::kFramesPerStream; ++f) {
				auto frame = test::renderDegradedRgbaFrame(condition, scene, f);
				ImageView view{frame, 1280, 720, PixelFormat::Rgba};
				if (!readOurs) {
					// CPU time, not wall time: the shared machine's load would swamp the latter.
					auto t0 = std::clock();
					try {
						readOurs = live.decode(view, ScanMode::Live).text == scene.text;
					} catch (const Error&) {
					}
					times.push_back(double(std::clock() - t0) * 1000.0 / CLOCKS_PER_SEC);
				}
				if (!readBefore) {
					try {
						readBefore = plain.decode(view, plainOptions).text == scene.text;
					} catch (const Error&) {
					}
				}
				readZxing = readZxing || zxingAlone(frame, scene.text);
			}
			ours.add(scene.pixelsPerModule, readOurs);
			before.add(scene.pixelsPerModule, readBefore);
			zxing.add(scene.pixelsPerModule, readZxing);
			if (!readOurs) {
				char note[32];
				std::snprintf(note, sizeof note, " %d(%.2g)", s, scene.pixelsPerModule);
				missed.append(note);
			}
		}
		std::printf("%-14s %5d/%-2d %3d/%-2d | %5d/%-2d %3d/%-2d | %5d/%-2d %3d/%-2d  missed:%s\n", name.c_str(), ours.bigRead, ours.big,
					ours.smallRead, ours.small, before.bigRead, before.big, before.smallRead, before.small, zxing.bigRead, zxing.big,
					zxing.smallRead, zxing.small, missed.c_str());
		std::fflush(stdout);
	}
	std::sort(times.begin(), times.end());
	if (!times.empty())
		std::printf("ours per call (CPU ms): median %.2f  p95 %.2f  max %.2f  (%zu calls)\n", times[times.size() / 2],
					times[times.size() * 95 / 100], times.back(), times.size());
	return 0;
}

} // namespace

int main(int argc, char** argv)
{
	std::vector<std::string> args(argv + 1, argv + argc);
	try {
		if (!args.empty() && args[0] == "list")
			return list();
		if (args.size() == 3 && args[0] == "write")
			return write(args[1], args[2]);
		if (!args.empty() && args[0] == "eval")
			return eval({args.begin() + 1, args.end()});
		if (!args.empty() && args[0] == "modules")
			return printModuleErrors({args.begin() + 1, args.end()});
		if (!args.empty() && args[0] == "joint")
			return printJointSolve({args.begin() + 1, args.end()});
		if (!args.empty() && args[0] == "blurred")
			return printBlurredSearch({args.begin() + 1, args.end()});
	} catch (const std::exception& e) {
		std::fprintf(stderr, "qr_degraded_set: %s\n", e.what());
		return 2;
	}
	std::fprintf(stderr, "usage: qr_degraded_set list | write DIR CONDITION | eval [CONDITION...] | modules [--fused] [CONDITION...] | joint CONDITION [--shift MODULES] [--sigma PX] [--iterations N] | blurred CONDITION [--sigma PX]\n");
	return 2;
}
