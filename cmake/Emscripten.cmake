# Flags shared by every WebAssembly link. BigInt keeps 64-bit integers exact between JS and wasm,
# and lets binaryen 120 (npm) skip wasm-emscripten-finalize, which its package lacks.
# -sWASM_BIGINT and -fwasm-exceptions are also in the wasm preset (CMAKE_EXE_LINKER_FLAGS) so that
# CMake's own try-compile links work.
#
# C++ exceptions are native wasm exceptions (-fwasm-exceptions): C++ errors must be catchable
# (Emscripten's default would turn every authcore::Error into an abort), and against Emscripten's
# JavaScript-based ones (-fexceptions) they save 28 KiB gzip of wasm and 2 of glue, and time
# (measured 2026-11-28: a 720p frame with a code 5.3 -> 4.7 ms, Argon2id unlock ~10% faster).
# JavaScriptCore's in-place wasm interpreter (IPInt: the first tier of Safari 26.0 and WebKitGTK
# 2.50) mishandles them when a call is the last instruction of a try block (WebKit bug 299629):
# the exception skipped its handler, so a wrong Aegis password came back as "corrupt file" or the
# cleanup of an object not yet constructed trapped. tools/pad-catch.mjs, run on the shipped parts
# after binaryen's last pass (tools/split-wasm.mjs), puts a nop before each handler, which avoids
# it; the import scenario in WebKit (tests/e2e/scenarios/30-import.mjs) fails without it.
set(AUTHCORE_WASM_LINK_FLAGS -sWASM_BIGINT -sALLOW_MEMORY_GROWTH=1 -sSTACK_SIZE=1MB)

# Node programs (the CLI and the unit tests) get the real file system.
set(AUTHCORE_WASM_NODE_FLAGS ${AUTHCORE_WASM_LINK_FLAGS} -sNODERAWFS=1 -sENVIRONMENT=node -sEXIT_RUNTIME=1)

set(CMAKE_CROSSCOMPILING_EMULATOR "node;--stack-size=8192")

# Unit-test programs link at -O1: the objects are already -O3, and the -O3 link (binaryen's full
# wasm-opt pipeline) took ~30 s per test program against ~1.5 s at -O1 for a module within 0.01% of
# the size. Twenty-odd test programs made that the slowest part of CI. The shipped module and the
# benchmarks keep the -O3 link, so what is measured is what ships.
set(AUTHCORE_WASM_TEST_LINK_FLAGS -O1)
