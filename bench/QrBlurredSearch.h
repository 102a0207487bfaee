#pragma once
// `qr_degraded_set blurred CONDITION [--sigma PX]`: the blurred search (core/src/qr/BlurredCodeReader.h)
// on every frame of the condition's smaller codes (under 3 px per module), one frame at a time, on
// a 256 px square of the frame around the code, off its centre (about where the recovery's busiest
// square puts it). Per frame: read or not, the steps taken, and the time (CPU, one search per
// frame). The blur assumed is the condition's own unless --sigma says otherwise.

#include <string>
#include <vector>

int printBlurredSearch(const std::vector<std::string>& arguments);
