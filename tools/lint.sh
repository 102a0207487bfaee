#!/usr/bin/env bash
# clang-tidy (checks in .clang-tidy) over our own C++: core, the CLI and the tests' support code.
# Uses the compile database of the `fuzz` preset (clang-19), configuring it if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f build/fuzz/compile_commands.json ]] || cmake --preset fuzz >/dev/null
mapfile -t sources < <(git ls-files 'core/src/*.cpp' 'core/cli/*.cpp'; git ls-files --others --exclude-standard 'core/src/*.cpp' 'core/cli/*.cpp')
log=build/fuzz/clang-tidy.log
run-clang-tidy-19 -quiet -p build/fuzz -j "$(nproc)" "${sources[@]}" >"$log" 2>&1 || true
# run-clang-tidy's exit code is unreliable across versions: decide from the diagnostics.
if grep -qE '(error|warning): ' "$log"; then
  grep -E -A3 '(error|warning): ' "$log" | head -60
  echo "lint: clang-tidy found problems (full log: $log)"; exit 1
fi
echo "lint: ${#sources[@]} files clean"
