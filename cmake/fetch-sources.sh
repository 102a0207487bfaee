#!/usr/bin/env bash
# Fetches the pinned third-party sources into DEST (default: build/_deps), verifies their SHA-256
# and unpacks them. Downloads are cached in DEST/downloads, so a rerun does nothing.
#
#   cmake/fetch-sources.sh [DEST]
#
# Botan comes from the crates registry's `botan-src` package, which carries Botan's upstream release
# tarball (vendor/Botan-VERSION.tar.xz) and, unlike a Debian revision, never leaves its registry:
# the crate and the upstream tarball inside it are both checked against pinned SHA-256s. ZXing-cpp
# comes from its self-contained PyPI sdist, pinned by version and SHA-256. Elsewhere, put trees
# with the same contents into DEST/src by hand (see README, "Other systems").
set -euo pipefail
DEST=${1:-"$(cd "$(dirname "$0")/.." && pwd)/build/_deps"}
mkdir -p "$DEST/downloads" "$DEST/src"
cd "$DEST/downloads"

# Botan 3.13.0: its Argon2 uses WebAssembly SIMD (SIMD_2x64 on simd128; 3.7.1 had SSSE3/AVX2 only).
BOTAN_CRATE="botan-src-0.31300.1.crate"
BOTAN_URL="https://static.crates.io/crates/botan-src/$BOTAN_CRATE"
BOTAN_SHA256="e19afa24979ebb37fd22894895219e5f6bb6ba3d98f87c4aa147e59f4860efb7"
BOTAN_TARBALL="Botan-3.13.0.tar.xz"   # upstream's release tarball, as the crate vendors it
BOTAN_TARBALL_SHA256="12f5a8358890bbee82edfe9d2e7769b0a610b6dd0e0698aea13d20a675d84620"
BOTAN_DIR="botan-3.13.0"

ZXING_SDIST="zxing_cpp-3.1.1.tar.gz"
ZXING_SHA256="1051a521b21a9fe206702ad4186aeb195154e3e1badcd99576d030723f36382b"
ZXING_DIR="zxing-cpp-3.1.1"

verify() { # file sha256
  echo "$2  $1" | sha256sum --check --status || {
    echo "fetch-sources: SHA-256 mismatch for $1 (expected $2)" >&2; rm -f "$1"; exit 1; }
}

if [[ ! -f $BOTAN_CRATE ]]; then
  curl -fsSL --retry 3 -o "$BOTAN_CRATE.part" "$BOTAN_URL" && mv "$BOTAN_CRATE.part" "$BOTAN_CRATE" || {
    echo "fetch-sources: download of $BOTAN_URL failed" >&2; rm -f "$BOTAN_CRATE.part"; exit 1; }
fi
verify "$BOTAN_CRATE" "$BOTAN_SHA256"
if [[ ! -f ../src/$BOTAN_DIR/configure.py ]]; then
  # The crate is a gzip tarball: botan-src-VERSION/vendor/ holds upstream's tarball.
  tar xzf "$BOTAN_CRATE" -O "${BOTAN_CRATE%.crate}/vendor/$BOTAN_TARBALL" > "$BOTAN_TARBALL"
  verify "$BOTAN_TARBALL" "$BOTAN_TARBALL_SHA256"
  rm -rf "../src/$BOTAN_DIR" && mkdir -p "../src/$BOTAN_DIR"
  tar xJf "$BOTAN_TARBALL" -C "../src/$BOTAN_DIR" --strip-components=1
  rm -f "$BOTAN_TARBALL"
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
