#!/usr/bin/env bash
# The native CLI and the wasm CLI under Node must print the same bytes and exit with the same code
# for the same arguments.
set -uo pipefail
NATIVE=$1 WASM=$2
RFC=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
cases=(
  "code|otpauth://totp/authentik%3Akristine.majore?secret=$RFC&algorithm=SHA1&digits=6&period=30&issuer=authentik|--time|1700000000"
  "code|otpauth://totp/x?secret=$RFC&digits=10&period=1&algorithm=SHA512|--time|4102444800"
  "code|otpauth://hotp/x?secret=$RFC&counter=18446744073709551615&digits=8"
  "code|otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI|--time|1700000000"
  "parse|otpauth://totp/R%C4%ABgas%20%C5%A0kola:J%C4%81nis?secret=jbswy3dpehpk3pxp&issuer=R%C4%ABgas%20%C5%A0kola"
  "parse|otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP"
  "code|otpauth://totp/a?secret=JBSWY3DPEHPK3PX1"
  "nonsense"
)
passed=0 failures=0
for c in "${cases[@]}"; do
  IFS='|' read -r -a args <<<"$c"
  n_out=$("$NATIVE" "${args[@]}" 2>&1); n_rc=$?
  w_out=$(node "$WASM" "${args[@]}" 2>&1); w_rc=$?
  if [[ $n_out == "$w_out" && $n_rc == "$w_rc" ]]; then
    passed=$((passed + 1))
  else
    failures=$((failures + 1))
    echo "DIFFER for ${args[*]}: native($n_rc) '$n_out' vs wasm($w_rc) '$w_out'"
  fi
done
# vault merge: both builds merge the same two vaults (written by the native CLI) with the same
# summary and exit code, and each reads the other's output.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf 'parity pw\n' >"$WORK/pw"; printf 'other pw\n' >"$WORK/wrong"
# OWASP's Argon2id minimum: the cheapest vault the CLI may create.
FAST=(--kdf-memory 19456 --kdf-iterations 2 --kdf-parallelism 1)
printf 'otpauth://totp/A:a?secret=%s\notpauth://hotp/S:s?secret=JBSWY3DPEHPK3PXP&counter=5\n' "$RFC" | "$NATIVE" vault create "$WORK/a" --password-file "$WORK/pw" "${FAST[@]}" 2>/dev/null
printf 'otpauth://hotp/S:s?secret=JBSWY3DPEHPK3PXP&counter=5\notpauth://totp/B:b?secret=MFRGGZDFMZTWQ2LK\n' | "$NATIVE" vault create "$WORK/b" --password-file "$WORK/pw" "${FAST[@]}" 2>/dev/null
merge_cases=("$WORK/pw|native-out|wasm-out" "$WORK/wrong|native-bad|wasm-bad")
for c in "${merge_cases[@]}"; do
  IFS='|' read -r pw n_file w_file <<<"$c"
  n_out=$("$NATIVE" vault merge "$WORK/a" "$WORK/b" --password-file "$pw" --out "$WORK/$n_file" 2>&1); n_rc=$?
  w_out=$(node "$WASM" vault merge "$WORK/a" "$WORK/b" --password-file "$pw" --out "$WORK/$w_file" 2>&1); w_rc=$?
  if [[ $n_out == "$w_out" && $n_rc == "$w_rc" ]]; then
    passed=$((passed + 1))
  else
    failures=$((failures + 1))
    echo "DIFFER for vault merge ($pw): native($n_rc) '$n_out' vs wasm($w_rc) '$w_out'"
  fi
done
n_list=$("$NATIVE" vault list "$WORK/wasm-out" --password-file "$WORK/pw" 2>&1 | sort)
w_list=$(node "$WASM" vault list "$WORK/native-out" --password-file "$WORK/pw" 2>&1 | sort)
if [[ $n_list == "$w_list" && $(grep -c '^otpauth://' <<<"$n_list") -eq 3 ]]; then
  passed=$((passed + 1))
else
  failures=$((failures + 1))
  echo "DIFFER for the merged vaults: native reads '$n_list', wasm reads '$w_list'"
fi

echo "cli parity: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
