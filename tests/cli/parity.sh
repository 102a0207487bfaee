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
echo "cli parity: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
