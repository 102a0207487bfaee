#!/usr/bin/env bash
# Installs everything the build and the tests need on Debian 12 (bookworm), idempotently.
# Rerun is fast: every step checks first and does nothing when it is already done.
#
#   tools/setup-debian.sh          build prerequisites (compilers, emscripten, node packages)
#   tools/setup-debian.sh --test   plus what the tests need (chromium, firefox-esr, WebKitGTK's
#                                  MiniBrowser + WebKitWebDriver, Xvfb, oathtool, zbar, qrencode)
#
# Why Debian 13's emscripten: Debian 12's emscripten 3.1.6 ships a libc++ too old for Botan 3.
# 3.1.69 installs on bookworm from a low-priority trixie source, asked for by version, so its
# dependencies (clang/lld/llvm 19) stay bookworm's own. Any Debian revision of 3.1.69 will do: the
# archive keeps only the newest revision, so pinning one (3.1.69+dfsg-3) would break this script the
# day Debian publishes the next.
set -euo pipefail
cd "$(dirname "$0")/.."

WANT_TEST=0
[[ "${1:-}" == "--test" ]] && WANT_TEST=1

SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"

EMSCRIPTEN_UPSTREAM="3.1.69"
BUILD_PACKAGES=(build-essential cmake ninja-build git python3 xz-utils ca-certificates
                googletest libstb-dev nlohmann-json3-dev libprotozero-dev curl binaryen)
# binaryen is bookworm's 108, for its wasm-split (tools/split-wasm.mjs); Emscripten links with the
# npm binaryen 120 (package.json), which has no wasm-split.
# clang-19 comes with emscripten; its fuzzer/sanitizer runtime and clang-tidy are for tests/fuzz and the lint step
# (clang-format for the layout in .clang-format).
# firefox-esr, webkit2gtk-driver (WebKitWebDriver; MiniBrowser comes with libwebkit2gtk-4.1-0) and xvfb
# are the end-to-end suite's other two engines (tests/e2e/engines/).
TEST_PACKAGES=(chromium oathtool qrencode zbar-tools libclang-rt-19-dev clang-tidy-19 clang-format-19 firefox-esr webkit2gtk-driver xvfb xauth python3-venv)

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

# dpkg without an fsync per file (a crash mid-install needs a reinstall, nothing worse): most of a
# fresh install's time is unpacking browsers and compilers. On a CI machine (CI set), man-db's index
# is not rebuilt after each install either; a developer's machine keeps its man pages current.
APT_INSTALL=(apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-unsafe-io)
if [[ -n ${CI:-} && -e /var/lib/man-db/auto-update ]]; then
  $SUDO rm -f /var/lib/man-db/auto-update
fi

APT_UPDATED=0
apt_update_once() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
}

# --- 1. the low-priority trixie source, derived from the machine's own bookworm entry ----------
TRIXIE_SOURCES=/etc/apt/sources.list.d/authcore-trixie.sources
TRIXIE_PIN=/etc/apt/preferences.d/authcore-trixie.pref
if [[ ! -f $TRIXIE_SOURCES ]]; then
  base=$(grep -l -E '^Suites:.*bookworm' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
  if [[ -n $base ]]; then
    # First stanza of the existing deb822 file (the main archive), suite changed to trixie.
    awk 'BEGIN{RS=""; ORS="\n\n"} NR==1' "$base" \
      | sed -E -e 's/^Suites:.*/Suites: trixie/' -e 's/^Types:.*/Types: deb/' \
      | $SUDO tee "$TRIXIE_SOURCES" >/dev/null
  else
    # One-line format (/etc/apt/sources.list): take the first bookworm main line.
    line=$(grep -h -E '^deb .* bookworm .*main' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1)
    [[ -n $line ]] || { echo "setup: no bookworm apt source found to derive trixie from" >&2; exit 1; }
    mirror=$(awk '{for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' <<<"$line")
    printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" | $SUDO tee "$TRIXIE_SOURCES" >/dev/null
  fi
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 1\n' | $SUDO tee "$TRIXIE_PIN" >/dev/null
  APT_UPDATED=0
fi

# --- 2. Debian packages -------------------------------------------------------------------------
want=("${BUILD_PACKAGES[@]}")
# Node.js may come from elsewhere (nodesource bundles npm and conflicts with Debian's npm).
command -v node >/dev/null || want+=(nodejs)
command -v npm >/dev/null || want+=(npm)
[[ $WANT_TEST -eq 1 ]] && want+=("${TEST_PACKAGES[@]}")
todo=$(missing_packages "${want[@]}")
if [[ -n $todo ]]; then
  apt_update_once
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO "${APT_INSTALL[@]}" $todo
fi

# Debian versions of emscripten look like 3.1.69+dfsg-3: any revision of the upstream version.
emscripten_revision() { [[ $1 == "$EMSCRIPTEN_UPSTREAM"+dfsg-* || $1 == "$EMSCRIPTEN_UPSTREAM"-* ]]; }
if ! emscripten_revision "$(dpkg-query -W -f='${Version}' emscripten 2>/dev/null || true)"; then
  apt_update_once
  # The first listed revision of the upstream version, chosen in awk, which reads every line: a
  # filter that stopped early or ended on a non-matching line would fail the pipeline under
  # pipefail, as a `while ... && echo` loop did when madison listed bookworm's 3.1.6 last.
  version=$(apt-cache madison emscripten | awk -F'|' -v want="$EMSCRIPTEN_UPSTREAM" '
    { gsub(/ /, "", $2) }
    !found && (index($2, want "+dfsg-") == 1 || index($2, want "-") == 1) { print $2; found = 1 }')
  [[ -n $version ]] || { echo "setup: no emscripten $EMSCRIPTEN_UPSTREAM in the apt sources (apt-cache madison emscripten)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive $SUDO "${APT_INSTALL[@]}" "emscripten=$version"
fi

# emscripten's JS optimizer does `import 'acorn'`; Debian ships acorn outside node's search path.
if [[ ! -e /usr/share/emscripten/node_modules/acorn ]]; then
  [[ -d /usr/share/nodejs/acorn ]] || { apt_update_once; $SUDO "${APT_INSTALL[@]}" node-acorn; }
  $SUDO mkdir -p /usr/share/emscripten/node_modules
  $SUDO ln -s /usr/share/nodejs/acorn /usr/share/emscripten/node_modules/acorn
fi

# --- 3. Node packages (binaryen 120 for emscripten, test and benchmark tools) -------------------
# package-lock.json pins every version; `npm ci` only runs when the lock changed.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- 4. WsgiDAV: the real WebDAV server the sync tests start (versions and SHA-256 pinned) -------
if [[ $WANT_TEST -eq 1 ]]; then
  venv=build/tools/webdav-venv
  requirements=tests/e2e/webdav/requirements.txt
  if [[ ! -x $venv/bin/wsgidav || $requirements -nt $venv/bin/wsgidav ]]; then
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check --require-hashes --only-binary=:all: -r "$requirements"
    touch "$venv/bin/wsgidav"
  fi
fi

echo "setup: ok"
