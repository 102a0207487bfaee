#pragma once
// `qr_degraded_set modules [--fused] [CONDITION...]`: per scene of the degradation set, the share of the
// code's modules each restoration of the recovery gets wrong when read at their true centres
// (tests/support/ModuleErrors.h), on frame 0 of the scene's stream.

#include <string>
#include <vector>

int printModuleErrors(const std::vector<std::string>& arguments);
