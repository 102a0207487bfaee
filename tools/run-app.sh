#!/usr/bin/env bash
# The one app command: installs the build prerequisites (Debian 12), builds the wasm module and the
# static page into build/web/, and serves it on http://localhost:8080 (PORT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target authcore_wasm
cmake --preset wasm-baseline >/dev/null   # the same module without SIMD, for older engines
cmake --build --preset wasm-baseline
node tools/build-web.mjs
exec node tools/serve.mjs --port "${PORT:-8080}" build/web
