#pragma once
// The degradation set of docs/qr-scanning.md ("Degraded webcam frames"): streams of synthetic
// 1280x720 webcam frames of authentik enrollment QR codes, each condition a way a laptop camera
// fails (defocus, motion blur, sensor noise, glare, low contrast, perspective, small codes, moiré,
// JPEG, and a mild mix of them all). Generated from fixed seeds, so the same frames come out
// natively and in wasm (the tests, bench/QrDegradedSet.cpp and bench/qr-degraded.mjs use it) and
// no frame is ever committed.
//
// A scene is one code held in front of the camera: its text, size in pixels per module, position,
// angle and tilt, and the background around it. A stream is kFramesPerStream frames of one scene
// as a 30 fps camera gives them: the hand moves the code by a pixel or two between frames, and
// every frame has fresh sensor noise.

#include "SyntheticFrame.h"

#include <cstdint>
#include <string>
#include <vector>

namespace authcore::test {

inline constexpr int kFramesPerStream = 8;
inline constexpr int kScenesPerCondition = 15;

/// What degrades every frame of a condition. Steps are applied in the order of the fields.
struct Degradation
{
	uint8_t dark = 35;            // the black modules as the camera sees a phone screen
	uint8_t light = 215;          // the white modules and the quiet zone
	double maxTilt = 0.1;         // perspective: |tilt| up to this (see FrameSpec::tilt)
	double haze = 0;              // glare: peak share of white light over the code, falling off outwards
	double defocusSigma = 0;      // Gaussian defocus, standard deviation in pixels
	double motionLength = 0;      // horizontal motion blur: length of the smear in pixels
	double moireAmplitude = 0;    // moiré of a filmed screen: depth of a beat pattern (0..1)
	double moirePeriod = 0;       //   and its period in pixels
	double noiseSigma = 3;        // Gaussian sensor noise, grey levels, fresh in every frame
	int jpegQuality = 0;          // 0: no JPEG; else the frame is JPEG-compressed at this quality
	bool smallCodes = false;      // modules of 2-3 px instead of 2-5 px
};

struct DegradationCondition
{
	std::string name;
	Degradation degradation;
};

/// Every condition of the set, in a fixed order.
const std::vector<DegradationCondition>& degradationConditions();

/// The condition called `name`; throws std::out_of_range for an unknown name.
const DegradationCondition& degradationCondition(const std::string& name);

struct DegradedScene
{
	std::string text;           // the otpauth URI in the code
	double pixelsPerModule = 4;
	FrameSpec spec;             // position, angle, tilt, contrast and background of the first frame
	uint32_t seed = 0;
};

/// Scene `index` (0..kScenesPerCondition-1) of `condition`: deterministic.
DegradedScene degradedScene(const DegradationCondition& condition, int index);

/// Frame `frame` (0..kFramesPerStream-1) of a scene's stream, 8-bit grey, 1280 x 720.
std::vector<uint8_t> renderDegradedGreyFrame(const DegradationCondition& condition, const DegradedScene& scene, int frame);

/// The same frame as RGBA with a faint colour cast, as getImageData gives a camera frame.
std::vector<uint8_t> renderDegradedRgbaFrame(const DegradationCondition& condition, const DegradedScene& scene, int frame);

} // namespace authcore::test
