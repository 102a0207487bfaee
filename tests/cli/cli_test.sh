#!/usr/bin/env bash
# Checks the authcore CLI's output and exit codes. Takes the native binary or the wasm authcore.js
# (run under Node), so the same expectations hold for both.
set -uo pipefail
CLI=$1
run() { if [[ $CLI == *.js ]]; then node "$CLI" "$@"; else "$CLI" "$@"; fi; }

failures=0; passed=0
expect() { # name expected_exit expected_stdout -- args...
  local name=$1 want_exit=$2 want_out=$3; shift 4
  local out rc
  out=$(run "$@" 2>/tmp/authcore_cli_stderr.$$); rc=$?
  if [[ $rc -ne $want_exit || ( -n $want_out && $out != "$want_out" ) ]]; then
    echo "FAIL $name: exit $rc (want $want_exit), stdout '$out' (want '$want_out'), stderr: $(cat /tmp/authcore_cli_stderr.$$)"
    failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
  if [[ $want_exit -eq 2 && $(wc -l </tmp/authcore_cli_stderr.$$) -ne 1 ]]; then
    echo "FAIL $name: invalid input must give exactly one line on stderr"; failures=$((failures + 1))
  fi
  rm -f /tmp/authcore_cli_stderr.$$
}

RFC=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
AUTHENTIK="otpauth://totp/authentik%3Akristine.majore?secret=$RFC&algorithm=SHA1&digits=6&period=30&issuer=authentik"

expect "totp rfc6238"  0 "07081804" -- code "otpauth://totp/x?secret=$RFC&digits=8" --time 1111111109
expect "totp authentik" 0 "081804" -- code "$AUTHENTIK" --time 1111111109
expect "hotp counter from uri" 0 "254676" -- code "otpauth://hotp/x?secret=$RFC&counter=5"
expect "hotp --counter" 0 "520489" -- code "otpauth://hotp/x?secret=$RFC&counter=5" --counter 9
expect "parse authentik" 0 '{"type":"totp","issuer":"authentik","account":"kristine.majore","secret":"'$RFC'","algorithm":"SHA1","digits":6,"period":30}' -- parse "$AUTHENTIK"
expect "parse hotp" 0 '{"type":"hotp","issuer":"","account":"a b","secret":"MZXW6YQ","algorithm":"SHA512","digits":8,"counter":42}' -- parse "otpauth://hotp/a+b?secret=mzxw6yq&counter=42&algorithm=SHA512&digits=8"
expect "code now has 6 digits" 0 "" -- code "$AUTHENTIK"
expect "bad secret" 2 "" -- code "otpauth://totp/x?secret=ABC1"
expect "not otpauth" 2 "" -- parse "https://example.com"
expect "hotp without counter" 2 "" -- parse "otpauth://hotp/x?secret=$RFC"
expect "bad --time" 2 "" -- code "$AUTHENTIK" --time yesterday
expect "unknown command" 2 "" -- frobnicate
expect "missing uri" 2 "" -- code

echo "cli: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
