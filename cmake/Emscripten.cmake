# Flags shared by every WebAssembly link. BigInt keeps 64-bit integers exact between JS and wasm,
# and lets binaryen 120 (npm) skip wasm-emscripten-finalize, which its package lacks.
# -sWASM_BIGINT and -fwasm-exceptions are also in the wasm preset (CMAKE_EXE_LINKER_FLAGS) so that
# CMake's own try-compile links work. Native wasm exceptions: C++ errors must be catchable, and
# Emscripten's default (no catching) would turn every authcore::Error into an abort.
set(AUTHCORE_WASM_LINK_FLAGS -sWASM_BIGINT -sALLOW_MEMORY_GROWTH=1 -sSTACK_SIZE=1MB)

# Node programs (the CLI and the unit tests) get the real file system.
set(AUTHCORE_WASM_NODE_FLAGS ${AUTHCORE_WASM_LINK_FLAGS} -sNODERAWFS=1 -sENVIRONMENT=node -sEXIT_RUNTIME=1)

set(CMAKE_CROSSCOMPILING_EMULATOR "node;--stack-size=8192")

# Unit-test programs link at -O1: the objects are already -O3, and the -O3 link (binaryen's full
# wasm-opt pipeline) took ~30 s per test program against ~1.5 s at -O1 for a module within 0.01% of
# the size. Twenty-odd test programs made that the slowest part of CI. The shipped module and the
# benchmarks keep the -O3 link, so what is measured is what ships.
set(AUTHCORE_WASM_TEST_LINK_FLAGS -O1)
