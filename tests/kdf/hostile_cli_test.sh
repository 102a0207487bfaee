#!/usr/bin/env bash
# Every crafted file of tests/data/hostile/ through the CLI (native, or the wasm authcore.js under
# Node): each is refused with exit 2 and its own error kind, never a trap, a signal or a hang.
# Usage: hostile_cli_test.sh CLI
set -uo pipefail
CLI=$1
DATA="$(cd "$(dirname "$0")/../data/hostile" && pwd)"
if [[ $CLI == *.js ]]; then cli=(node "$CLI"); else cli=("$CLI"); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'any password\n' >"$work/pw"
failures=0; passed=0

# expect NAME EXIT KIND ARGS...: the CLI's exit code and its "authcore: KIND" line on stderr; a
# hang would be cut at 60 s and fail.
expect() {
  local name=$1 want=$2 kind=$3; shift 3
  timeout 60 "${cli[@]}" "$@" >/dev/null 2>"$work/err"; local rc=$?
  if [[ $rc -ne $want ]] || ! grep -q "^authcore: $kind" "$work/err"; then
    echo "FAIL $name: exit $rc (want $want), stderr: $(head -c 400 "$work/err")"; failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}

for file in aegis-scrypt-4gib.json aegis-scrypt-p16.json aegis-five-slots.json andotp-ten-million-iterations.bin; do
  expect "import $file" 2 kdf_too_costly import "$DATA/$file" --password-file "$work/pw"
done
expect "import google-migration-batch-size-max.txt" 2 malformed_file import "$DATA/google-migration-batch-size-max.txt"
for file in vault-16-slots-1gib.authvault vault-five-slots.authvault; do
  expect "vault list $file" 2 kdf_too_costly vault list "$DATA/$file" --password-file "$work/pw"
done

echo "hostile cli: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
