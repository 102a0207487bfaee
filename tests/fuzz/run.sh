#!/usr/bin/env bash
# Builds every libFuzzer target (preset `fuzz`: clang-19 with ASan+UBSan) and runs each for SECONDS.
# Exits non-zero on any crash, leak or sanitizer report; the reproducer is left in build/fuzz/crashes/.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]
#
# Seeds: tests/fuzz/seeds/<target>/, plus the project's and the shared test data where a target
# reads files (see seed_dirs_for). Corpora grow in build/fuzz/corpus/<target>/ and are kept between
# runs. Dictionaries: tests/fuzz/dict/<name>.dict by target (see dict_for).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift

cmake --preset fuzz >/dev/null && cmake --build --preset fuzz || exit 2

seed_dirs_for() { # target -> extra seed folders
  case $1 in
    import_fuzzer) echo "$ROOT/../shared/data/importers" ;;
    qr_decode_fuzzer) echo "$ROOT/tests/fuzz/seeds/qr_decode" ;;
    vault_fuzzer) echo "$ROOT/tests/data/vault" ;;
  esac
}
dict_for() {
  case $1 in
    otpauth_uri_fuzzer|migration_fuzzer) echo "$ROOT/tests/fuzz/dict/otpauth.dict" ;;
    import_fuzzer|import_decrypted_fuzzer|vault_payload_fuzzer) echo "$ROOT/tests/fuzz/dict/json.dict" ;;
  esac
}

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in build/fuzz/fuzzers/*_fuzzer; do targets+=("$(basename "$f")"); done
fi

mkdir -p build/fuzz/crashes
# Runs one target; leaves its verdict in build/fuzz/<name>.result for the summary below.
fuzz_one() {
  local target=$1 name=${1%_fuzzer}
  local corpus=build/fuzz/corpus/$name log=build/fuzz/$name.log result=build/fuzz/$name.result
  mkdir -p "$corpus"
  local seeds=()
  [[ -d tests/fuzz/seeds/$name ]] && seeds+=("tests/fuzz/seeds/$name")
  for d in $(seed_dirs_for "$target"); do [[ -d $d ]] && seeds+=("$d"); done
  local dict
  dict=$(dict_for "$target")
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
  build/fuzz/fuzzers/"$target" "$corpus" "${seeds[@]}" ${dict:+-dict="$dict"} \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/crashes/$name-" >"$log" 2>&1
  local rc=$?
  local execs
  execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  if [[ $rc -eq 0 ]]; then
    echo "ok ${execs:-?} executions, corpus $(ls "$corpus" | wc -l) inputs" >"$result"
  else
    { echo "FAILED (exit $rc), see $log:"; grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5; } >"$result"
  fi
}

# Targets run side by side, one per core (FUZZ_JOBS to override): each still gets SECONDS of its own.
jobs_max=${FUZZ_JOBS:-$(nproc)}
for target in "${targets[@]}"; do
  rm -f "build/fuzz/${target%_fuzzer}.result"
  while (( $(jobs -rp | wc -l) >= jobs_max )); do wait -n; done
  fuzz_one "$target" &
done
wait

passed=0 failed=0
for target in "${targets[@]}"; do
  result=build/fuzz/${target%_fuzzer}.result
  if [[ -f $result ]] && head -1 "$result" | grep -q '^ok '; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  echo "fuzz: $target $(cat "$result" 2>/dev/null || echo 'FAILED (no result)')"
done
echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
