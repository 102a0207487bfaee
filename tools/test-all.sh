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
run "build wasm baseline (the module without SIMD)" configure_and_build wasm-baseline
run "ctest wasm (Node)" ctest --preset wasm
run "node binding tests" node --test tests/wasm/
run "web module tests" node --test tests/web/
run "cli parity native vs wasm" bash tests/cli/parity.sh build/fuzz/authcore build/wasm/authcore.js
if [[ -f tools/build-web.mjs ]]; then
  run "build web" node tools/build-web.mjs
  # End to end in two lanes side by side, Chromium's own files in one and the scenarios in Firefox,
  # WebKit and Chromium in the other: a browser test mostly waits (timers, the network, the other
  # process), so two lanes on two cores take minutes off CI without making either lane busier than
  # one core. Each line is printed as it comes, tagged with its step, so a CI log cut off by its
  # time limit still shows where each lane was; each step is also kept whole in build/e2e-logs and
  # its closing counts are repeated after both lanes end. Every step has a time limit
  # (E2E_STEP_MINUTES, default 12; a full step takes 1-7 min here), and each of Chromium's files 10 min: a browser that stops answering
  # fails its step instead of holding CI until its own limit. E2E_LANES=1 runs them one after the other.
  # The same scenarios (tests/e2e/scenarios/) run in each engine; each prints "e2e ENGINE: N run, ...".
  e2e_steps=(
    "end-to-end (Chromium)|chromium-files|node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/"
    "end-to-end scenarios (chromium)|chromium|node --test --test-concurrency=1 tests/e2e/engines/chromium.mjs"
    "end-to-end scenarios (firefox)|firefox|node --test --test-concurrency=1 tests/e2e/engines/firefox.mjs"
    "end-to-end scenarios (webkit)|webkit|node --test --test-concurrency=1 tests/e2e/engines/webkit.mjs"
  )
  logs=build/e2e-logs
  rm -rf "$logs" && mkdir -p "$logs"
  step_limit=$(( ${E2E_STEP_MINUTES:-12} * 60 ))
  lane() { # indexes into e2e_steps, run in order; each leaves INDEX.log and INDEX.status
    local index
    for index in "$@"; do
      local rest=${e2e_steps[$index]#*|}
      local tag=${rest%%|*} command=${rest#*|}
      echo "[$tag] ($(date -u +%H:%M:%S) start) $command"
      : >"$logs/$index.log" # there before tail opens it
      # timeout runs the step in a process group of its own and ends the whole group at the limit.
      timeout --kill-after=30 "$step_limit" bash -c "$command" </dev/null >"$logs/$index.log" 2>&1 &
      local step_pid=$!
      tail --pid="$step_pid" -n +1 -f "$logs/$index.log" 2>/dev/null | sed -u "s/^/[$tag] /" &
      local tail_pid=$!
      wait "$step_pid"
      local status=$?
      wait "$tail_pid"
      [[ $status == 124 || $status == 137 ]] && echo "stopped at the ${E2E_STEP_MINUTES:-12}-minute step limit" | tee -a "$logs/$index.log" | sed "s/^/[$tag] /"
      echo "$status" >"$logs/$index.status"
      echo "[$tag] ($(date -u +%H:%M:%S) end, exit $status)"
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
    # The whole log streamed above; here its failures and closing counts.
    grep -E '^not ok|^# (tests|pass|fail|cancelled|skipped) |^# e2e |step limit' "$logs/$index.log"
    if [[ $(cat "$logs/$index.status" 2>/dev/null) == 0 ]]; then
      echo "--- $name: ok"; passed=$((passed + 1))
    else
      # The first failure's own report (its error and stack), here at the end where a log cut
      # to its last lines still shows why; the steps after it often fail only because it did.
      awk '/^not ok/ { shown = 1 } shown { print; if (++lines == 30) exit }' "$logs/$index.log"
      echo "--- $name: FAILED (whole log: $logs/$index.log)"; failed+=("$name")
    fi
  done
fi

step "summary"
[[ ${#failed[@]} -gt 0 ]] && printf 'failed steps: %s\n' "${failed[*]}"
echo "steps: $passed passed, ${#failed[@]} failed"
[[ ${#failed[@]} -eq 0 ]]
