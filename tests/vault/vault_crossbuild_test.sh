#!/usr/bin/env bash
# A vault written by one build opens in the other: native authcore writes and the wasm authcore.js
# (under Node) reads, and the reverse. Usage: vault_crossbuild_test.sh CLI OTHER_CLI[:OTHER_CLI...]
# OTHER_CLI may list candidates (the first that exists is used: CI builds the native CLI only in the
# sanitizer tree). Exits 77 (skipped) when the other build is missing.
set -uo pipefail
A=$1 B=
IFS=: read -ra candidates <<<"$2"
for candidate in "${candidates[@]}"; do [[ -f $candidate ]] && { B=$candidate; break; }; done
if [[ ! -f $A || -z $B ]]; then
  echo "skipped: need both $A and one of $2 (build the native and the wasm presets)"; exit 77
fi
run() { local cli=$1; shift; if [[ $cli == *.js ]]; then node "$cli" "$@"; else "$cli" "$@"; fi; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf 'Kopīga parole\n' >"$WORK/pw"
URIS='otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30
otpauth://hotp/R%C4%ABgas%20%C5%ABdens:anna?secret=MZXW6YQ&issuer=R%C4%ABgas%20%C5%ABdens&algorithm=SHA256&digits=8&counter=41
otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30'
failures=0
for pair in "$A $B" "$B $A"; do
  read -r writer reader <<<"$pair"
  rm -f "$WORK/v"
  # Default Argon2 parameters: the page's own files.
  if ! printf '%s\n' "$URIS" | run "$writer" vault create "$WORK/v" --password-file "$WORK/pw" 2>"$WORK/err"; then
    echo "FAIL $writer could not create: $(cat "$WORK/err")"; failures=$((failures + 1)); continue
  fi
  out=$(run "$reader" vault list "$WORK/v" --password-file "$WORK/pw" 2>"$WORK/err")
  if [[ $? -ne 0 || $out != "$URIS" ]]; then
    echo "FAIL $(basename "$writer") -> $(basename "$reader"): $(cat "$WORK/err")"; diff <(echo "$URIS") <(echo "$out")
    failures=$((failures + 1))
  else
    echo "ok   $(basename "$writer") writes, $(basename "$reader") reads"
  fi
done
[[ $failures -eq 0 ]]
