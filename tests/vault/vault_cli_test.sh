#!/usr/bin/env bash
# authcore vault create|list: output and exit codes, for the native binary or the wasm authcore.js
# (run under Node). Usage: vault_cli_test.sh CLI [SHARED_DATA_DIR]
set -uo pipefail
CLI=$1
SHARED=${2:-}
TESTS_DATA="$(cd "$(dirname "$0")/../data" && pwd)"
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

URIS='otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30
otpauth://hotp/R%C4%ABgas%20%C5%ABdens:anna?secret=MZXW6YQ&issuer=R%C4%ABgas%20%C5%ABdens&algorithm=SHA256&digits=8&counter=41
otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30'
printf 'Slepena parole ā\n' >"$WORK/pw"
printf 'Slepena parole ā' >"$WORK/pw-no-newline"
printf 'Slepena parole ā\r\n' >"$WORK/pw-crlf"
printf 'slepena parole ā\n' >"$WORK/wrong"
printf '\n' >"$WORK/empty"

# create, then list with the password file in each line-ending form
printf '%s\n\n' "$URIS" | run vault create "$WORK/v" --password-file "$WORK/pw" "${FAST[@]}" 2>"$WORK/err"; check "create" 0 $?
for pw in pw pw-no-newline pw-crlf; do
  out=$(run vault list "$WORK/v" --password-file "$WORK/$pw" 2>"$WORK/err"); check "list ($pw)" 0 $?
  same "list output ($pw)" "$URIS" "$out"
done

# default Argon2 parameters (what the page uses) work too
printf '%s\n' "$URIS" | run vault create "$WORK/default" --password-file "$WORK/pw" 2>"$WORK/err"; check "create with defaults" 0 $?
out=$(run vault list "$WORK/default" --password-file "$WORK/pw" 2>"$WORK/err"); check "list defaults" 0 $?
same "list defaults output" "$URIS" "$out"

# a vault with passkey slots (written by the page's module): the CLI opens it with the password,
# lists the accounts, names the passkeys on stderr, and leaves the file as it is
FIXTURE="$(cd "$(dirname "$0")/../data/vault" && pwd)/passkey-v1.vault"
printf 'Fixture pārole 1\n' >"$WORK/fixture-pw"
before=$(md5sum <"$FIXTURE")
out=$(run vault list "$FIXTURE" --password-file "$WORK/fixture-pw" 2>"$WORK/err"); check "list passkey vault" 0 $?
same "passkey vault accounts" 2 "$(grep -c '^otpauth://' <<<"$out")"
same "passkey vault names its passkeys" "authcore: 2 passkeys can also unlock this vault: Darba dators, Blue key" "$(cat "$WORK/err")"
same "passkey vault untouched" "$before" "$(md5sum <"$FIXTURE")"

# wrong password, damage, truncation, not a vault, missing file
run vault list "$WORK/v" --password-file "$WORK/wrong" >/dev/null 2>"$WORK/err"; check "wrong password" 3 $?
grep -q wrong_password "$WORK/err" || { echo "FAIL wrong password message"; failures=$((failures + 1)); }
size=$(stat -c %s "$WORK/v")
cp "$WORK/v" "$WORK/tampered"
printf '\x00' | dd of="$WORK/tampered" bs=1 seek=$((size - 20)) conv=notrunc 2>/dev/null
cmp -s "$WORK/v" "$WORK/tampered" && printf '\x01' | dd of="$WORK/tampered" bs=1 seek=$((size - 20)) conv=notrunc 2>/dev/null
run vault list "$WORK/tampered" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "tampered ciphertext" 3 $?
grep -q integrity_failure "$WORK/err" || { echo "FAIL tampered message"; failures=$((failures + 1)); }
cp "$WORK/v" "$WORK/header"
printf '\x07' | dd of="$WORK/header" bs=1 seek=20 conv=notrunc 2>/dev/null
run vault list "$WORK/header" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "damaged header" 3 $?
head -c $((size - 1)) "$WORK/v" >"$WORK/truncated"
run vault list "$WORK/truncated" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "truncated" 2 $?
grep -q malformed_file "$WORK/err" || { echo "FAIL truncated message"; failures=$((failures + 1)); }
cp "$WORK/v" "$WORK/v2"
printf '\x02' | dd of="$WORK/v2" bs=1 seek=9 conv=notrunc 2>/dev/null
run vault list "$WORK/v2" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "unsupported version" 2 $?
grep -q unsupported_version "$WORK/err" || { echo "FAIL version message"; failures=$((failures + 1)); }
printf '%s\n' "$URIS" >"$WORK/plain.txt"
run vault list "$WORK/plain.txt" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "not a vault" 2 $?
run vault list "$WORK/missing" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "missing file" 2 $?
run vault list "$WORK/v" --password-file "$WORK/missing" >/dev/null 2>"$WORK/err"; check "missing password file" 2 $?
run vault list "$WORK/v" --password-file "$WORK/empty" >/dev/null 2>"$WORK/err"; check "empty password" 2 $?

# create never overwrites, and writes nothing unless every line is a good, distinct account
before=$(md5sum <"$WORK/v")
printf '%s\n' "$URIS" | run vault create "$WORK/v" --password-file "$WORK/pw" "${FAST[@]}" 2>"$WORK/err"; check "no overwrite" 2 $?
same "file untouched" "$before" "$(md5sum <"$WORK/v")"
printf '%s\notpauth://totp/x?secret=ABC1\n' "$URIS" | run vault create "$WORK/bad" --password-file "$WORK/pw" "${FAST[@]}" 2>"$WORK/err"; check "bad uri" 2 $?
grep -q "line 4" "$WORK/err" || { echo "FAIL bad uri names its line: $(cat "$WORK/err")"; failures=$((failures + 1)); }
[[ -e $WORK/bad ]] && { echo "FAIL bad uri wrote a file"; failures=$((failures + 1)); }
printf '%s\n%s\n' "$URIS" "$(head -1 <<<"$URIS")" | run vault create "$WORK/dup" --password-file "$WORK/pw" "${FAST[@]}" 2>"$WORK/err"; check "duplicate" 2 $?
[[ -e $WORK/dup ]] && { echo "FAIL duplicate wrote a file"; failures=$((failures + 1)); }
printf '' | run vault create "$WORK/empty-vault" --password-file "$WORK/pw" "${FAST[@]}" 2>"$WORK/err"; check "empty vault" 0 $?
out=$(run vault list "$WORK/empty-vault" --password-file "$WORK/pw" 2>"$WORK/err"); check "list empty vault" 0 $?
same "empty vault lists nothing" "" "$out"

# usage: no password on the command line, weak parameters refused, unknown actions
run vault list "$WORK/v" --password "Slepena parole ā" >/dev/null 2>"$WORK/err"; check "--password refused" 2 $?
run vault list "$WORK/v" >/dev/null 2>"$WORK/err"; check "no password file" 2 $?
printf '' | run vault create "$WORK/weak" --password-file "$WORK/pw" --kdf-memory 4 2>"$WORK/err"; check "memory below Argon2 minimum" 2 $?
printf '' | run vault create "$WORK/weak" --password-file "$WORK/pw" --kdf-memory 64 --kdf-iterations 1 2>"$WORK/err"; check "below OWASP's floor" 2 $?
same "below the floor names it" "authcore: invalid_argument (kdf): Argon2id parameters below OWASP's minimum (19 MiB with 2 passes) are not allowed for a vault" "$(cat "$WORK/err")"
printf '' | run vault create "$WORK/weak" --password-file "$WORK/pw" --kdf-memory 1048576 2>"$WORK/err"; check "memory over the budget" 2 $?
[[ ! -e $WORK/weak ]]; check "nothing written when refused" 0 $?
# crafted vaults are refused before any key derivation, with their own error
run vault list "$TESTS_DATA/hostile/vault-16-slots-1gib.authvault" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "16 slots of 1 GiB" 2 $?
grep -q "^authcore: kdf_too_costly (slots): " "$WORK/err"; check "kdf_too_costly named" 0 $?
run vault list "$WORK/v" --password-file "$WORK/pw" --kdf-memory 64 >/dev/null 2>"$WORK/err"; check "--kdf-* with list" 2 $?
run vault open "$WORK/v" --password-file "$WORK/pw" >/dev/null 2>"$WORK/err"; check "unknown action" 2 $?

# the seven accounts of the shared importer data (skipped without ../shared/data)
if [[ -n $SHARED && -f $SHARED/importers/plain.txt ]]; then
  run vault create "$WORK/seven" --password-file "$WORK/pw" "${FAST[@]}" <"$SHARED/importers/plain.txt" 2>"$WORK/err"; check "create seven" 0 $?
  out=$(run vault list "$WORK/seven" --password-file "$WORK/pw" 2>"$WORK/err"); check "list seven" 0 $?
  same "seven accounts" 7 "$(grep -c '^otpauth://' <<<"$out")"
  # each listed account gives the same code as its original URI
  i=0
  while IFS= read -r original; do
    [[ -z $original ]] && continue
    i=$((i + 1)); listed=$(sed -n "${i}p" <<<"$out")
    same "code of account $i" "$(run code "$original" --time 1700000000)" "$(run code "$listed" --time 1700000000)"
  done <"$SHARED/importers/plain.txt"
else
  echo "note: $SHARED/importers/plain.txt absent, shared-data case skipped"
fi

echo "vault cli: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
