#!/usr/bin/env bash
# Fetches the pinned third-party sources into DEST (default: build/_deps), verifies their SHA-256
# and unpacks them. Downloads are cached in DEST/downloads, so a rerun does nothing.
#
#   cmake/fetch-sources.sh [DEST]
#
# Botan comes from Debian's source package (the trixie deb-src entry that tools/setup-debian.sh
# adds); ZXing-cpp from its self-contained PyPI sdist. Elsewhere, put the upstream tarballs with
# the same contents into DEST/src by hand (see README, "Other systems").
set -euo pipefail
DEST=${1:-"$(cd "$(dirname "$0")/.." && pwd)/build/_deps"}
mkdir -p "$DEST/downloads" "$DEST/src"
cd "$DEST/downloads"

BOTAN_DEB_VERSION="3.7.1+dfsg-2"
BOTAN_ORIG="botan3_3.7.1+dfsg.orig.tar.xz"
BOTAN_SHA256="b164e8debd53d22e6b6dc6729388e798c935d1e4251c5d41e07397a57bbf2413"
BOTAN_DIR="botan-3.7.1"

ZXING_SDIST="zxing_cpp-3.1.1.tar.gz"
ZXING_SHA256="1051a521b21a9fe206702ad4186aeb195154e3e1badcd99576d030723f36382b"
ZXING_DIR="zxing-cpp-3.1.1"

verify() { # file sha256
  echo "$2  $1" | sha256sum --check --status || {
    echo "fetch-sources: SHA-256 mismatch for $1 (expected $2)" >&2; rm -f "$1"; exit 1; }
}

if [[ ! -f $BOTAN_ORIG ]]; then
  # --download-only needs no root and builds nothing; it also fetches .dsc and the Debian diff,
  # which we do not use.
  apt-get source --download-only "botan3=$BOTAN_DEB_VERSION" >/dev/null 2>&1 || {
    echo "fetch-sources: 'apt-get source botan3=$BOTAN_DEB_VERSION' failed; is the trixie deb-src entry there (tools/setup-debian.sh)?" >&2
    exit 1; }
fi
verify "$BOTAN_ORIG" "$BOTAN_SHA256"
if [[ ! -f ../src/$BOTAN_DIR/configure.py ]]; then
  rm -rf "../src/$BOTAN_DIR" && mkdir -p "../src/$BOTAN_DIR"
  tar xJf "$BOTAN_ORIG" -C "../src/$BOTAN_DIR" --strip-components=1
fi

if [[ ! -f $ZXING_SDIST ]]; then
  python3 -m pip download --quiet --no-deps --no-binary :all: "zxing-cpp==3.1.1" -d . || {
    echo "fetch-sources: pip download of zxing-cpp==3.1.1 failed" >&2; exit 1; }
fi
verify "$ZXING_SDIST" "$ZXING_SHA256"
if [[ ! -f ../src/$ZXING_DIR/core/CMakeLists.txt ]]; then
  rm -rf "../src/$ZXING_DIR" && mkdir -p "../src/$ZXING_DIR"
  tar xzf "$ZXING_SDIST" -C "../src/$ZXING_DIR" --strip-components=1
fi
