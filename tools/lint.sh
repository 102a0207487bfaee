#!/usr/bin/env bash
# clang-tidy (checks in .clang-tidy) over our own C++: core and the CLI with the compile database of
# the `fuzz` preset (clang-19), the bindings in wasm/ with the `wasm` preset's (em++ commands, read
# by clang-tidy with the flags `em++ --cflags` adds implicitly). Configures either preset if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
# The static analyzer (clang-analyzer-*) was ~85% of the run (Vault.cpp: 52 s of 58), most of it
# following calls deep into Botan's and nlohmann's inline code. CI runs it in the analyzer's own
# "shallow" mode (less inlining across calls: Vault.cpp 12 s); LINT_DEEP=1 runs the full analysis.
analyzer_args=()
[[ -n ${LINT_DEEP:-} ]] || analyzer_args=(-extra-arg=-Xclang -extra-arg=-analyzer-config -extra-arg=-Xclang -extra-arg=mode=shallow)
[[ -f build/fuzz/compile_commands.json ]] || cmake --preset fuzz >/dev/null
mapfile -t sources < <(git ls-files 'core/src/*.cpp' 'core/cli/*.cpp'; git ls-files --others --exclude-standard 'core/src/*.cpp' 'core/cli/*.cpp')
# run-clang-tidy takes its arguments as filters over the compile database: an empty list would lint
# every file in it, Botan and ZXing included, for an hour.
[[ ${#sources[@]} -gt 0 ]] || { echo "lint: git lists no core sources (not in the work tree?)"; exit 1; }
# A file the compile database does not know (added since the preset was configured) would be
# skipped without a word: configure the preset again, and refuse to go on if one is still missing.
in_database() { grep -q "\"file\": \"$PWD/$2\"" "$1" 2>/dev/null || grep -q "\"file\": \"$2\"" "$1" 2>/dev/null; }
require_in_database() { # PRESET FILE...
  local preset=$1 source
  shift
  for source in "$@"; do
    in_database "build/$preset/compile_commands.json" "$source" || { cmake --preset "$preset" >/dev/null; break; }
  done
  for source in "$@"; do
    in_database "build/$preset/compile_commands.json" "$source" || { echo "lint: $source is not in build/$preset/compile_commands.json"; exit 1; }
  done
}
require_in_database fuzz "${sources[@]}"
# Without the tool every file would come out "clean": a missing linter is a failure, not a pass.
command -v run-clang-tidy-19 >/dev/null || { echo "lint: run-clang-tidy-19 is not installed (tools/setup-debian.sh --test)"; exit 1; }
log=build/fuzz/clang-tidy.log
run-clang-tidy-19 -quiet -p build/fuzz -j "$(nproc)" "${analyzer_args[@]}" "${sources[@]}" >"$log" 2>&1 || true
# run-clang-tidy's exit code is unreliable across versions: decide from the diagnostics.


[[ -f build/wasm/compile_commands.json ]] || cmake --preset wasm >/dev/null
mapfile -t bindings < <(git ls-files 'wasm/*.cpp'; git ls-files --others --exclude-standard 'wasm/*.cpp')
emscripten_args=()
for flag in $(em++ --cflags); do
  case $flag in # code-generation options for the backend, meaningless to clang-tidy
    -mllvm|-combiner-global-alias-analysis=*|-enable-emscripten-sjlj|-disable-lsr|-fignore-exceptions) ;;
    *) emscripten_args+=(-extra-arg-before="$flag") ;;
  esac
done
[[ ${#bindings[@]} -gt 0 ]] || { echo "lint: git lists no binding sources"; exit 1; }
require_in_database wasm "${bindings[@]}"
wasm_log=build/wasm/clang-tidy.log
run-clang-tidy-19 -quiet -p build/wasm -j "$(nproc)" "${emscripten_args[@]}" "${analyzer_args[@]}" "${bindings[@]}" >"$wasm_log" 2>&1 || true

status=0
for file in "$log" "$wasm_log"; do
  if grep -qE '(error|warning): ' "$file"; then
    grep -E -A3 '(error|warning): ' "$file" | head -60
    echo "lint: clang-tidy found problems (full log: $file)"; status=1
  fi
done
[[ $status -eq 0 ]] && echo "lint: ${#sources[@]} core and CLI files, ${#bindings[@]} binding files clean"
exit $status
