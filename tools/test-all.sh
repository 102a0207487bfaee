#!/usr/bin/env bash
# The one test command: installs what the tests need (Debian 12), builds every target and runs every
# test. Idempotent; a rerun reuses downloads and build trees. `.ci/run` runs exactly this.
#
#   tools/test-all.sh            everything
#   SKIP_ASAN=1 tools/test-all.sh    without the clang sanitizer tree: no ASan/UBSan run, fuzzing or clang-tidy (faster local loop)
#   FUZZ_SECONDS=600 tools/test-all.sh   a long fuzz run (default 20 s per target)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

step() { printf '\n=== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
failed=()
passed=0
run() { # name command...
  local name=$1; shift
  step "$name"
  if "$@"; then echo "--- $name: ok"; passed=$((passed + 1)); else echo "--- $name: FAILED"; failed+=("$name"); fi
}

step "setup"
bash tools/setup-debian.sh --test || { echo "setup failed"; exit 1; }

configure_and_build() { # preset
  cmake --preset "$1" >/dev/null && cmake --build --preset "$1"
}

run "build native" configure_and_build native
run "ctest native" ctest --preset native
# One clang-19 tree with ASan+UBSan (preset `fuzz`) serves the sanitizer run of the unit tests, the
# fuzz targets and clang-tidy's compile database: Botan and ZXing are compiled once for all three.
# (The gcc `native-asan` preset is the same check with the other compiler, for local use.)
if [[ -z ${SKIP_ASAN:-} ]]; then
  run "build clang ASan+UBSan (unit tests + fuzzers)" configure_and_build fuzz
  run "ctest under ASan+UBSan" ctest --preset fuzz
  run "fuzz ${FUZZ_SECONDS:-20}s per target" bash tests/fuzz/run.sh "${FUZZ_SECONDS:-20}"
  run "clang-tidy" bash tools/lint.sh
fi
run "build wasm" configure_and_build wasm
run "ctest wasm (Node)" ctest --preset wasm
run "node binding tests" node --test tests/wasm/
run "web module tests" node --test tests/web/
run "cli parity native vs wasm" bash tests/cli/parity.sh build/native/authcore build/wasm/authcore.js
if [[ -f tools/build-web.mjs ]]; then
  run "build web" node tools/build-web.mjs
  if compgen -G "tests/e2e/*.test.mjs" >/dev/null; then
    run "end-to-end (Chromium)" node --test --test-concurrency=1 tests/e2e/
  fi
fi

step "summary"
[[ ${#failed[@]} -gt 0 ]] && printf 'failed steps: %s\n' "${failed[*]}"
echo "steps: $passed passed, ${#failed[@]} failed"
[[ ${#failed[@]} -eq 0 ]]
