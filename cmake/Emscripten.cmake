# Flags shared by every WebAssembly link. BigInt keeps 64-bit integers exact between JS and wasm,
# and lets binaryen 120 (npm) skip wasm-emscripten-finalize, which its package lacks.
# -sWASM_BIGINT and -fexceptions are also in the wasm preset (CMAKE_EXE_LINKER_FLAGS) so that
# CMake's own try-compile links work.
#
# C++ exceptions are Emscripten's JavaScript-based ones (-fexceptions), not native wasm exceptions
# (-fwasm-exceptions): C++ errors must be catchable (Emscripten's default would turn every
# authcore::Error into an abort), and native wasm exceptions are mishandled by JavaScriptCore's
# in-place wasm interpreter (IPInt, its first tier in WebKitGTK 2.50; Safari 26 users report the
# same breakage, emscripten-core/emscripten#25365): an exception
# skipped the handler of an inner frame (a wrong Aegis password came back as "corrupt file") or ran
# the cleanup of an object not yet constructed (a trap, "Out of bounds memory access"), and the live
# camera scan never produced a card. The same module passes with JSC_useWasmIPInt=false, and in
# Chromium and Firefox; translating it to the newer exnref instructions did not help. Measured
# cost of the JavaScript-based exceptions (bench/qr.mjs, bench/argon2.mjs, same machine, 2026-11-28):
# a 720p frame with a code 4.7 -> 5.3 ms, Argon2id unlock ~10% slower, +36 KiB gzip of wasm.
set(AUTHCORE_WASM_LINK_FLAGS -sWASM_BIGINT -sALLOW_MEMORY_GROWTH=1 -sSTACK_SIZE=1MB)

# Node programs (the CLI and the unit tests) get the real file system.
set(AUTHCORE_WASM_NODE_FLAGS ${AUTHCORE_WASM_LINK_FLAGS} -sNODERAWFS=1 -sENVIRONMENT=node -sEXIT_RUNTIME=1)

set(CMAKE_CROSSCOMPILING_EMULATOR "node;--stack-size=8192")

# Unit-test programs link at -O1: the objects are already -O3, and the -O3 link (binaryen's full
# wasm-opt pipeline) took ~30 s per test program against ~1.5 s at -O1 for a module within 0.01% of
# the size. Twenty-odd test programs made that the slowest part of CI. The shipped module and the
# benchmarks keep the -O3 link, so what is measured is what ships.
set(AUTHCORE_WASM_TEST_LINK_FLAGS -O1)
