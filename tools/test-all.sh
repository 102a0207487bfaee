#!/usr/bin/env bash
# The one test command: installs what the tests need (Debian 12), builds every target and runs every
# test. Idempotent; a rerun reuses downloads and build trees. `.ci/run` runs exactly this.
#
#   tools/test-all.sh            everything
#   SKIP_FUZZ=1 tools/test-all.sh    without the fuzz run and clang-tidy (faster local loop)
#   FUZZ_SECONDS=600 tools/test-all.sh   a long fuzz run (default 10 s per target: a smoke run that
#                                        replays the committed corpora; the campaign is tests/fuzz/run.sh 600)
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

# Native: one clang-19 tree with ASan+UBSan (preset `fuzz`) builds the unit tests, the CLI and the
# fuzz targets, and gives clang-tidy its compile database, so Botan and ZXing are compiled once for
# all of them. (The plain `native` and the gcc `native-asan` presets run the same tests; they are for
# local work and benchmarks, and would only repeat this run in CI.)
run "build native (clang, ASan+UBSan: unit tests, CLI, fuzzers)" configure_and_build fuzz
run "ctest native under ASan+UBSan" ctest --preset fuzz
if [[ -z ${SKIP_FUZZ:-} ]]; then
  run "fuzz ${FUZZ_SECONDS:-10}s per target" bash tests/fuzz/run.sh "${FUZZ_SECONDS:-10}"
  run "clang-tidy" bash tools/lint.sh
fi
run "build wasm" configure_and_build wasm
run "ctest wasm (Node)" ctest --preset wasm
run "node binding tests" node --test tests/wasm/
run "web module tests" node --test tests/web/
run "cli parity native vs wasm" bash tests/cli/parity.sh build/fuzz/authcore build/wasm/authcore.js
if [[ -f tools/build-web.mjs ]]; then
  run "build web" node tools/build-web.mjs
  # End to end in two lanes side by side, Chromium's own files (the longest, ~12 min) in one and the
  # scenarios in Firefox, WebKit and Chromium in the other (~7 min): a browser test mostly waits
  # (timers, the network, the other process), so two lanes on two cores take minutes off CI without
  # making either lane busier than one core. Each lane's output is
  # kept and printed whole when both are done. E2E_LANES=1 runs them one after the other.
  # The same scenarios (tests/e2e/scenarios/) run in each engine; each prints "e2e ENGINE: N run, ...".
  e2e_steps=(
    "end-to-end (Chromium)|node --test --test-concurrency=1 tests/e2e/"
    "end-to-end scenarios (chromium)|node --test --test-concurrency=1 tests/e2e/engines/chromium.mjs"
    "end-to-end scenarios (firefox)|node --test --test-concurrency=1 tests/e2e/engines/firefox.mjs"
    "end-to-end scenarios (webkit)|node --test --test-concurrency=1 tests/e2e/engines/webkit.mjs"
  )
  logs=build/e2e-logs
  rm -rf "$logs" && mkdir -p "$logs"
  lane() { # indexes into e2e_steps, run in order; each leaves INDEX.log and INDEX.status
    local index
    for index in "$@"; do
      local command=${e2e_steps[$index]#*|}
      { echo "($(date -u +%H:%M:%S) start)"; bash -c "$command"; } >"$logs/$index.log" 2>&1
      echo $? >"$logs/$index.status"
      echo "($(date -u +%H:%M:%S) end)" >>"$logs/$index.log"
    done
  }
  if [[ ${E2E_LANES:-2} == 1 ]]; then
    lane 0 1 2 3
  else
    lane 0 & lane 2 3 1 & wait
  fi
  for index in "${!e2e_steps[@]}"; do
    name=${e2e_steps[$index]%%|*}
    step "$name"
    cat "$logs/$index.log"
    if [[ $(cat "$logs/$index.status" 2>/dev/null) == 0 ]]; then
      echo "--- $name: ok"; passed=$((passed + 1))
    else
      echo "--- $name: FAILED"; failed+=("$name")
    fi
  done
fi

step "summary"
[[ ${#failed[@]} -gt 0 ]] && printf 'failed steps: %s\n' "${failed[*]}"
echo "steps: $passed passed, ${#failed[@]} failed"
[[ ${#failed[@]} -eq 0 ]]
