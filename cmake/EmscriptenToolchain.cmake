# Finds Emscripten's own toolchain file wherever Emscripten is installed, so the `wasm` preset names
# no machine path: EMSCRIPTEN_ROOT from the environment when set (emsdk: $EMSDK/upstream/emscripten),
# otherwise the folder of the `emcc` on PATH (Debian's /usr/bin/emcc links to
# /usr/share/emscripten/emcc).
if(DEFINED ENV{EMSCRIPTEN_ROOT})
  set(authcore_emscripten_root "$ENV{EMSCRIPTEN_ROOT}")
else()
  find_program(authcore_emcc emcc REQUIRED)
  file(REAL_PATH "${authcore_emcc}" authcore_emcc_real)
  cmake_path(GET authcore_emcc_real PARENT_PATH authcore_emscripten_root)
endif()
set(authcore_emscripten_toolchain "${authcore_emscripten_root}/cmake/Modules/Platform/Emscripten.cmake")
if(NOT EXISTS "${authcore_emscripten_toolchain}")
  message(FATAL_ERROR "No Emscripten toolchain at ${authcore_emscripten_toolchain}: set EMSCRIPTEN_ROOT or put emcc on PATH (tools/setup-debian.sh)")
endif()
include("${authcore_emscripten_toolchain}")
