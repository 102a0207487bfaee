#!/usr/bin/env bash
# `authcore decode` and `authcore qr-encode`: output, exit codes and round trips. Takes the native
# binary or the wasm authcore.js (run under Node), so the same expectations hold for both.
#   qr_cli_test.sh CLI SHARED_QR_DIR SCRATCH_DIR
set -uo pipefail
CLI=$1 SHARED_QR=$2 DIR=$3
rm -rf "$DIR" && mkdir -p "$DIR"
run() { if [[ $CLI == *.js ]]; then node "$CLI" "$@"; else "$CLI" "$@"; fi; }

failures=0 passed=0 skipped=0
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
# expect NAME EXIT STDOUT -- ARGS...   (STDOUT "" = not checked); sets $out and $err
expect() {
  local name=$1 want_exit=$2 want_out=$3; shift 4
  local rc
  out=$(run "$@" 2>"$DIR/stderr"); rc=$?
  err=$(cat "$DIR/stderr")
  if [[ $rc -ne $want_exit || ( -n $want_out && $out != "$want_out" ) ]]; then
    fail "$name: exit $rc (want $want_exit), stdout '$out' (want '$want_out'), stderr: $err"
  else
    passed=$((passed + 1))
  fi
}

URI='otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30&issuer=authentik'
LATVIAN='Kristīne Bērziņa: ķēķis, ūdens, ļoti'

# A PNG without any code (a grey gradient), written with Python's zlib so no fixture is needed.
python3 - "$DIR/gradient.png" <<'PY'
import struct, sys, zlib
w, h = 64, 48
rows = b''.join(b'\0' + bytes((x * 4 + y) % 256 for x in range(w)) for y in range(h))
chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
                              + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
PY
printf 'not an image\n' > "$DIR/notes.png"

# --- qr-encode -> decode round trips -------------------------------------------------------------
expect "encode uri png" 0 "" -- qr-encode "$URI" --out "$DIR/uri.png"
expect "decode uri png" 0 "{\"file\":\"$DIR/uri.png\",\"text\":\"$URI\"}" -- decode "$DIR/uri.png"
expect "decode uri png live" 0 "{\"file\":\"$DIR/uri.png\",\"text\":\"$URI\"}" -- decode --live "$DIR/uri.png"
expect "encode uri jpeg" 0 "" -- qr-encode "$URI" --out "$DIR/uri.jpg" --scale 6 --margin 2 --ec H
expect "decode uri jpeg" 0 "{\"file\":\"$DIR/uri.jpg\",\"text\":\"$URI\"}" -- decode "$DIR/uri.jpg"
expect "encode utf-8" 0 "" -- qr-encode "$LATVIAN" --out "$DIR/latvian.png" --scale 3 --ec L
expect "decode utf-8" 0 "{\"file\":\"$DIR/latvian.png\",\"text\":\"$LATVIAN\"}" -- decode "$DIR/latvian.png"
[[ $(head -c 8 "$DIR/uri.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "uri.png is not a PNG"

# Another decoder reads what we write: Debian's zbarimg (ZBar), an independent implementation.
if command -v zbarimg >/dev/null; then
  for f in uri.png uri.jpg latvian.png; do
    want=$URI; [[ $f == latvian.png ]] && want=$LATVIAN
    got=$(zbarimg --quiet --raw "$DIR/$f" 2>/dev/null)
    if [[ $got == "$want" ]]; then passed=$((passed + 1)); else fail "zbarimg $f: got '$got'"; fi
  done
else
  echo "SKIP zbarimg checks: zbarimg not installed (Debian zbar-tools)"; skipped=$((skipped + 3))
fi

# --- decode exit codes -----------------------------------------------------------------------------
expect "no code" 1 "{\"file\":\"$DIR/gradient.png\",\"error\":\"no_code_found\"}" -- decode "$DIR/gradient.png"
[[ -z $err ]] || fail "no code: nothing belongs on stderr, got '$err'"
expect "missing file" 2 "{\"file\":\"$DIR/missing.png\",\"error\":\"invalid_argument\"}" -- decode "$DIR/missing.png"
[[ $(wc -l <<<"$err") -eq 1 && $err == *missing.png* ]] || fail "missing file: want one stderr line naming it, got '$err'"
expect "not an image" 2 "{\"file\":\"$DIR/notes.png\",\"error\":\"unsupported_format\"}" -- decode "$DIR/notes.png"
head -c 60 "$DIR/uri.png" > "$DIR/truncated.png"
expect "truncated png" 2 "{\"file\":\"$DIR/truncated.png\",\"error\":\"malformed_file\"}" -- decode "$DIR/truncated.png"
# Several images: one line each, in order; the exit code is the worst of them.
expect "code + no code" 1 "{\"file\":\"$DIR/uri.png\",\"text\":\"$URI\"}
{\"file\":\"$DIR/gradient.png\",\"error\":\"no_code_found\"}" -- decode "$DIR/uri.png" "$DIR/gradient.png"
expect "unreadable wins" 2 "" -- decode "$DIR/missing.png" "$DIR/uri.png" "$DIR/gradient.png"
[[ $(wc -l <<<"$out") -eq 3 && $(sed -n 2p <<<"$out") == *'"text"'* ]] || fail "unreadable wins: want 3 lines in order, got '$out'"
expect "all read" 0 "" -- decode "$DIR/uri.png" "$DIR/uri.jpg" "$DIR/latvian.png"
[[ $(wc -l <<<"$out") -eq 3 ]] || fail "all read: want 3 lines, got '$out'"

# --- usage errors ------------------------------------------------------------------------------------
expect "decode without files" 2 "" -- decode
expect "decode unknown option" 2 "" -- decode --fast "$DIR/uri.png"
expect "qr-encode without --out" 2 "" -- qr-encode "$URI"
expect "qr-encode without text" 2 "" -- qr-encode --out "$DIR/x.png"
expect "qr-encode bad scale" 2 "" -- qr-encode "$URI" --out "$DIR/x.png" --scale 0
expect "qr-encode bad ec" 2 "" -- qr-encode "$URI" --out "$DIR/x.png" --ec X
expect "qr-encode too long" 2 "" -- qr-encode "$(head -c 3000 /dev/zero | tr '\0' 'a')" --out "$DIR/x.png"
expect "qr-encode unwritable" 2 "" -- qr-encode "$URI" --out "$DIR/no/such/dir/x.png"
[[ ! -e $DIR/x.png ]] || fail "a failed qr-encode left $DIR/x.png behind"

# --- shared sample images (JSON compared after parsing, texts hold quotes and CRLF) -------------------
if [[ -d $SHARED_QR ]]; then
  for sample in qrcode-1/1.png qrcode-2/10.png qrcode-3/18.png qrcode-2/high-res-1.jpg; do
    expect "sample $sample" 0 "" -- decode "$SHARED_QR/$sample"
    if python3 -c 'import json,sys; sys.exit(json.loads(sys.argv[1])["text"] != open(sys.argv[2], encoding="utf-8", newline="").read())' \
         "$out" "$SHARED_QR/${sample%.*}.txt"; then passed=$((passed + 1)); else fail "sample $sample: text differs: $out"; fi
  done
else
  echo "SKIP shared samples: $SHARED_QR not found"; skipped=$((skipped + 8))
fi

echo "qr cli: $passed passed, $failures failed, $skipped skipped"
[[ $failures -eq 0 ]]
