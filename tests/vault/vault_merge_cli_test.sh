#!/usr/bin/env bash
# authcore vault merge: output, exit codes and what it writes, for the native binary or the wasm
# authcore.js (run under Node). Usage: vault_merge_cli_test.sh CLI TEST_DATA_DIR
set -uo pipefail
CLI=$1
DATA=$2
run() { if [[ $CLI == *.js ]]; then node "$CLI" "$@"; else "$CLI" "$@"; fi; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0; passed=0
check() { # name expected_exit actual_exit
  if [[ $3 -ne $2 ]]; then
    echo "FAIL $1: exit $3 (want $2); stderr: $(cat "$WORK/err" 2>/dev/null)"; failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}
same() { # name want got
  if [[ "$2" != "$3" ]]; then
    echo "FAIL $1:"; diff <(echo "$2") <(echo "$3"); failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}
# OWASP's Argon2id minimum: the cheapest vault the CLI may create.
FAST=(--kdf-memory 19456 --kdf-iterations 2 --kdf-parallelism 1)

ONE='otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30'
TWO='otpauth://hotp/R%C4%ABgas%20%C5%ABdens:anna?secret=MZXW6YQ&issuer=R%C4%ABgas%20%C5%ABdens&algorithm=SHA256&digits=8&counter=41'
THREE='otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30'
printf 'Pirmā parole\n' >"$WORK/pw-a"
printf 'Otrā parole\n' >"$WORK/pw-b"

printf '%s\n%s\n' "$ONE" "$TWO" | run vault create "$WORK/a" --password-file "$WORK/pw-a" "${FAST[@]}" 2>"$WORK/err"; check "create A" 0 $?
printf '%s\n%s\n' "$TWO" "$THREE" | run vault create "$WORK/b" --password-file "$WORK/pw-b" "${FAST[@]}" 2>"$WORK/err"; check "create B" 0 $?
printf '%s\n' "$THREE" | run vault create "$WORK/b-same-pw" --password-file "$WORK/pw-a" "${FAST[@]}" 2>"$WORK/err"; check "create B with A's password" 0 $?
cp "$WORK/a" "$WORK/a-before"

# B's two accounts, one of them also in A (same secret and parameters: one account)
out=$(run vault merge "$WORK/a" "$WORK/b" --password-file "$WORK/pw-a" --password-file-b "$WORK/pw-b" --out "$WORK/m" 2>"$WORK/err"); check "merge" 0 $?
same "merge summary" "added 1, updated 0, deleted 0, unchanged 2" "$out"
out=$(run vault list "$WORK/m" --password-file "$WORK/pw-a" 2>"$WORK/err"); check "list merged with A's password" 0 $?
same "merged accounts" "$(printf '%s\n%s\n%s' "$ONE" "$TWO" "$THREE" | sort)" "$(sort <<<"$out")"
run vault list "$WORK/m" --password-file "$WORK/pw-b" >/dev/null 2>"$WORK/err"; check "B's password does not open the result" 3 $?
cmp -s "$WORK/a" "$WORK/a-before"; check "A untouched" 0 $?

# merging again changes nothing; one password file serves both when --password-file-b is absent
out=$(run vault merge "$WORK/m" "$WORK/b" --password-file "$WORK/pw-a" --password-file-b "$WORK/pw-b" --out "$WORK/m2" 2>"$WORK/err"); check "merge again" 0 $?
same "merge again summary" "added 0, updated 0, deleted 0, unchanged 3" "$out"
out=$(run vault merge "$WORK/a" "$WORK/b-same-pw" --password-file "$WORK/pw-a" --out "$WORK/a" 2>"$WORK/err"); check "merge into A itself" 0 $?
same "in place summary" "added 1, updated 0, deleted 0, unchanged 2" "$out"
same "A now lists three" 3 "$(run vault list "$WORK/a" --password-file "$WORK/pw-a" 2>/dev/null | grep -c '^otpauth://')"

# a vault written before merging existed (format 1 without stamps) merges too
if [[ -f $DATA/vault/fixture-v1.vault ]]; then
  printf 'Fixture pārole 1\n' >"$WORK/pw-fixture"
  out=$(run vault merge "$WORK/m" "$DATA/vault/fixture-v1.vault" --password-file "$WORK/pw-a" --password-file-b "$WORK/pw-fixture" --out "$WORK/with-old" 2>"$WORK/err"); check "merge an old vault" 0 $?
  want=$(sort -u <(printf '%s\n%s\n%s\n' "$ONE" "$TWO" "$THREE") "$DATA/vault/fixture-v1.txt" | grep -c '^otpauth://')
  same "old vault's accounts arrive" "$want" "$(run vault list "$WORK/with-old" --password-file "$WORK/pw-a" 2>/dev/null | grep -c '^otpauth://')"
else
  echo "FAIL $DATA/vault/fixture-v1.vault is missing"; failures=$((failures + 1))
fi

# failures write nothing
run vault merge "$WORK/a-before" "$WORK/b" --password-file "$WORK/pw-a" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "wrong password for B" 3 $?
grep -q "FILE_B" "$WORK/err" || { echo "FAIL wrong password names FILE_B: $(cat "$WORK/err")"; failures=$((failures + 1)); }
run vault merge "$WORK/a-before" "$WORK/b" --password-file "$WORK/pw-b" --password-file-b "$WORK/pw-b" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "wrong password for A" 3 $?
grep -q "FILE_A" "$WORK/err" || { echo "FAIL wrong password names FILE_A: $(cat "$WORK/err")"; failures=$((failures + 1)); }
size=$(stat -c %s "$WORK/b")
cp "$WORK/b" "$WORK/tampered"
printf '\x00' | dd of="$WORK/tampered" bs=1 seek=$((size - 20)) conv=notrunc 2>/dev/null
cmp -s "$WORK/b" "$WORK/tampered" && printf '\x01' | dd of="$WORK/tampered" bs=1 seek=$((size - 20)) conv=notrunc 2>/dev/null
run vault merge "$WORK/a-before" "$WORK/tampered" --password-file "$WORK/pw-a" --password-file-b "$WORK/pw-b" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "tampered B" 3 $?
grep -q integrity_failure "$WORK/err" || { echo "FAIL tampered message: $(cat "$WORK/err")"; failures=$((failures + 1)); }
printf '%s\n' "$ONE" >"$WORK/plain.txt"
run vault merge "$WORK/a-before" "$WORK/plain.txt" --password-file "$WORK/pw-a" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "B not a vault" 2 $?
run vault merge "$WORK/a-before" "$WORK/missing" --password-file "$WORK/pw-a" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "B missing" 2 $?
[[ -e $WORK/x ]] && { echo "FAIL a failed merge wrote its output"; failures=$((failures + 1)); }
before=$(md5sum <"$WORK/m2")
run vault merge "$WORK/a-before" "$WORK/b" --password-file "$WORK/pw-a" --password-file-b "$WORK/pw-b" --out "$WORK/m2" >/dev/null 2>"$WORK/err"; check "existing output refused" 2 $?
same "existing output untouched" "$before" "$(md5sum <"$WORK/m2")"

# usage
run vault merge "$WORK/a-before" "$WORK/b" --password-file "$WORK/pw-a" >/dev/null 2>"$WORK/err"; check "no --out" 2 $?
run vault merge "$WORK/a-before" --password-file "$WORK/pw-a" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "no FILE_B" 2 $?
run vault merge "$WORK/a-before" "$WORK/b" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "no password file" 2 $?
run vault merge "$WORK/a-before" "$WORK/b" "$WORK/c" --password-file "$WORK/pw-a" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "three files" 2 $?
run vault merge "$WORK/a-before" "$WORK/b" --password-file "$WORK/pw-a" --out "$WORK/x" --kdf-memory 64 >/dev/null 2>"$WORK/err"; check "--kdf-* with merge" 2 $?
run vault list "$WORK/a-before" --password-file "$WORK/pw-a" --out "$WORK/x" >/dev/null 2>"$WORK/err"; check "--out with list" 2 $?

echo "vault merge cli: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
