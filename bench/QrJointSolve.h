#pragma once
// `qr_degraded_set joint CONDITION [--shift MODULES] [--sigma PX] [--iterations N]`: an oracle
// measurement, not a reader. Per smaller code (under 3 px per module) of the condition, frame 0:
// the modules solved for jointly, given the scene's true grid and the condition's true defocus
// blur, and how many come out wrong.
//
// The frame's pixels over the code are an exact linear function of the modules (the renderer
// samples the 1 px per module code bilinearly, then blurs with a Gaussian), so the solve is a
// least-squares fit of that model with every module held between dark and light (projected
// gradient with Nesterov's momentum), then rounded. A reader that decides each module by a threshold, however
// well restored the picture, gets 11-14 % of the 2.5 px codes under defocus 2.2 wrong
// (`qr_degraded_set modules`); this says what a reader that solves for the modules could reach,
// and how exactly it would have to know the grid (`--shift`: the grid moved by that many modules)
// and the blur (`--sigma`: the blur assumed).

#include <string>
#include <vector>

int printJointSolve(const std::vector<std::string>& arguments);
