#!/usr/bin/env bash
# `authcore import` and `authcore export`: output and exit codes, natively or under Node (the .js).
# Usage: import_cli_test.sh CLI IMPORTERS_DIR
set -uo pipefail
CLI=$1
DATA=$2
run() { if [[ $CLI == *.js ]]; then node "$CLI" "$@"; else "$CLI" "$@"; fi; }

if [[ ! -f $DATA/plain.txt ]]; then
  echo "import cli: $DATA is absent, nothing to import (skipped)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'test\n' >"$work/pw"
printf 'wrong\n' >"$work/wrong"

failures=0; passed=0
check() { # name condition...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failures=$((failures + 1)); fi
}
# import_to NAME WANT_EXIT FILE [args...]: runs import, leaves stdout in $work/out, stderr in $work/err
import_to() {
  local name=$1 want=$2; shift 2
  run import "$@" >"$work/out" 2>"$work/err"; local rc=$?
  if [[ $rc -ne $want ]]; then
    echo "FAIL $name: exit $rc, want $want; stderr: $(cat "$work/err")"; failures=$((failures + 1)); return 1
  fi
  passed=$((passed + 1))
}

# The reference: plain.txt through our own parser and writer, sorted (formats differ in order).
import_to "plain.txt" 0 "$DATA/plain.txt" || exit 1
sort "$work/out" >"$work/seven"
check "plain.txt gives seven URIs" test "$(wc -l <"$work/seven")" -eq 7

same_as_seven() { # FILE [args]: imports and compares with the seven accounts
  local file=$1; shift
  import_to "$file" 0 "$DATA/$file" "$@" || return
  if ! diff <(sort "$work/out") "$work/seven" >"$work/diff"; then
    echo "FAIL $file: accounts differ:"; cat "$work/diff"; failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}
same_as_seven aegis_plain.json
same_as_seven aegis_encrypted.json --password-file "$work/pw"
same_as_seven andotp_plain.json
same_as_seven andotp_encrypted.bin --password-file "$work/pw"

same_as_seven ente_auth.txt
same_as_seven stratum_plain.json
same_as_seven stratum_encrypted.bin --password-file "$work/pw"

# Files with fewer entries: every line they give is one of the seven.
for file in 2fas_authenticator_plain_v3.2fas proton_authenticator.json freeotp_plus.json andotp_encrypted_old.bin; do
  import_to "$file" 0 "$DATA/$file" --password-file "$work/pw" || continue
  check "$file lines are among the seven" bash -c "[[ -s '$work/out' ]] && ! grep -vxF -f '$work/seven' '$work/out'"
done
import_to "2fas v4 encrypted" 0 "$DATA/2fas_authenticator_encrypted_v4.2fas" --password-file "$work/pw"
check "2fas v4 encrypted has 5 accounts" test "$(wc -l <"$work/out")" -eq 5
check "stderr names the format" grep -q "2fas" "$work/err"

# Passwords: missing or wrong is exit 3, with one message and no accounts.
import_to "no password" 3 "$DATA/aegis_encrypted.json"
check "no password: nothing on stdout" test ! -s "$work/out"
check "no password: says so" grep -q "password_required" "$work/err"
import_to "wrong password" 3 "$DATA/andotp_encrypted.bin" --password-file "$work/wrong"
check "wrong password: nothing on stdout" test ! -s "$work/out"
check "wrong password: says so" grep -q "wrong_password" "$work/err"

# Unknown or malformed files: exit 2.
printf 'hello\n' >"$work/hello.txt"
import_to "unknown file" 2 "$work/hello.txt"
check "unknown file: unsupported_format" grep -q "unsupported_format" "$work/err"
head -c 300 "$DATA/aegis_plain.json" >"$work/cut.json"
import_to "truncated json" 2 "$work/cut.json"
check "truncated json: malformed_file" grep -q "malformed_file" "$work/err"
import_to "missing file" 2 "$work/nonexistent"
import_to "no arguments" 2
# A bad entry: the good ones print, the bad one is named, exit 2.
printf 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP\notpauth://totp/B?secret=1\n' >"$work/list.txt"
import_to "bad entry" 2 "$work/list.txt"
check "bad entry: good account printed" test "$(wc -l <"$work/out")" -eq 1
check "bad entry: problem named" grep -q "entry 2" "$work/err"

# Export round trips: each format re-imports to the same accounts.
for format in otpauth aegis; do
  run export --format "$format" <"$work/seven" >"$work/exported.$format" 2>"$work/err"
  check "export $format exits 0" test $? -eq 0
  import_to "reimport $format" 0 "$work/exported.$format"
  check "export $format round trip" diff -q <(sort "$work/out") "$work/seven"
done
run export --format google-migration <"$work/seven" >"$work/exported.gm" 2>"$work/err"
check "export google-migration exits 0" test $? -eq 0
check "google-migration: one batch URI" test "$(grep -c '^otpauth-migration://offline?data=' "$work/exported.gm")" -eq 1
check "google-migration: four skipped, named" test "$(grep -c 'skipped' "$work/err")" -eq 4
check "google-migration: Steam named" grep -q "Boeing (Sophia)" "$work/err"
import_to "reimport google-migration" 0 "$work/exported.gm"
check "google-migration round trip keeps the three it can carry" \
  diff -q <(sort "$work/out") <(grep -E '/(Deno|Issuu|WWE):' "$work/seven")
run export --format vault </dev/null >/dev/null 2>&1
check "unknown export format is exit 2" test $? -eq 2

echo "import cli: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
