# Third-party code: fetched (pinned by SHA-256) into build/_deps by cmake/fetch-sources.sh,
# built here with our flags, never committed.
#
#   Botan::botan     minimized amalgamation, only the modules listed in AUTHCORE_BOTAN_MODULES
#   ZXing::ZXing     QR reader and the (old, zint-free) QR writer, every other format off
#   GTest::gtest     Debian's /usr/src/googletest, compiled for the current target
#   authcore_headers nlohmann/json, stb_image, protozero (header-only, Debian packages)

set(AUTHCORE_DEPS_DIR "${PROJECT_SOURCE_DIR}/build/_deps" CACHE PATH "Where third-party sources are cached")
set(AUTHCORE_BOTAN_SOURCE_DIR "${AUTHCORE_DEPS_DIR}/src/botan-3.13.0" CACHE PATH "Botan 3.13.0 source tree")
# A build tree configured before the move to 3.13.0 still caches the old default: follow the pin.
if(AUTHCORE_BOTAN_SOURCE_DIR STREQUAL "${AUTHCORE_DEPS_DIR}/src/botan-3.7.1")
  set(AUTHCORE_BOTAN_SOURCE_DIR "${AUTHCORE_DEPS_DIR}/src/botan-3.13.0" CACHE PATH "Botan 3.13.0 source tree" FORCE)
endif()
set(AUTHCORE_ZXING_SOURCE_DIR "${AUTHCORE_DEPS_DIR}/src/zxing-cpp-3.1.1" CACHE PATH "ZXing-cpp 3.1.1 source tree")
# GoogleTest's source (Debian's googletest package puts it in PREFIX/src) and the header-only
# libraries are looked up under the host's prefixes (CMAKE_PREFIX_PATH, then the standard ones:
# the wasm toolchain's own search sees only its sysroot); -D... overrides either.
set(authcore_host_prefixes $ENV{CMAKE_PREFIX_PATH} /usr/local /usr)
find_path(AUTHCORE_GTEST_SOURCE_DIR NAMES googletest/CMakeLists.txt PATHS ${authcore_host_prefixes}
          PATH_SUFFIXES src/googletest DOC "GoogleTest source tree" NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
find_path(AUTHCORE_SYSTEM_INCLUDE_DIR NAMES nlohmann/json.hpp PATHS ${authcore_host_prefixes}
          PATH_SUFFIXES include DOC "Where nlohmann/, stb/ and protozero/ headers live"
          NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)

if(NOT EXISTS "${AUTHCORE_BOTAN_SOURCE_DIR}/configure.py" OR NOT EXISTS "${AUTHCORE_ZXING_SOURCE_DIR}/core/CMakeLists.txt")
  execute_process(COMMAND bash "${PROJECT_SOURCE_DIR}/cmake/fetch-sources.sh" "${AUTHCORE_DEPS_DIR}"
                  RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "Fetching third-party sources failed (see above)")
  endif()
endif()

# --- Botan ----------------------------------------------------------------------------------------
# A tree named by hand (-DAUTHCORE_BOTAN_SOURCE_DIR) must be the pinned release: 3.7 lacks the wasm
# SIMD Argon2, and tests and docs are measured against 3.13.0.
file(STRINGS "${AUTHCORE_BOTAN_SOURCE_DIR}/src/build-data/version.txt" botan_version_lines REGEX "^release_(major|minor) = ")
if(NOT botan_version_lines MATCHES "release_major = 3;release_minor = 13")
  message(FATAL_ERROR "${AUTHCORE_BOTAN_SOURCE_DIR} is not Botan 3.13 (${botan_version_lines}): fetch it with cmake/fetch-sources.sh")
endif()
# Why each module: hmac+sha1/sha2 for OTP; argon2, aes+gcm for the vault, hkdf for its passkey slots; scrypt, pbkdf2, cbc for the
# encrypted files of other authenticators (Aegis, 2FAS, andOTP, Authenticator Pro), base64 for their
# text fields; system_rng for
# keys and nonces (/dev/urandom, which Emscripten maps to crypto.getRandomValues).
set(AUTHCORE_BOTAN_MODULES hmac hkdf sha1 sha2_32 sha2_64 argon2 aes gcm cbc scrypt pbkdf2 system_rng base64)
list(JOIN AUTHCORE_BOTAN_MODULES "," botan_modules_csv)
if(EMSCRIPTEN)
  # getrandom() in Emscripten is crypto.getRandomValues: no file system needed for randomness.
  set(botan_target --os=emscripten --cpu=wasm --cc=emcc --with-os-features=getrandom)
  if(AUTHCORE_WASM_SIMD)
    # configure.py enables Botan's simd128 code only when the flag is in its compile flags; then
    # Argon2 runs on SIMD_2x64 (argon2_simd64) and CPUID reports SIMD128 (decided at compile time).
    list(APPEND botan_target --extra-cxxflags=-msimd128)
    string(APPEND botan_modules_csv ",argon2_simd64")
  endif()
else()
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(botan_cc clang)
  else()
    set(botan_cc gcc)
  endif()
  set(botan_target --os=linux --cpu=${CMAKE_SYSTEM_PROCESSOR} --cc=${botan_cc})
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    # Hardware AES and SHA for the native CLI and tests; the wasm build has no equivalent.
    string(APPEND botan_modules_csv ",aes_ni,sha1_x86,sha2_32_x86")
  endif()
endif()
set(botan_build_dir "${CMAKE_BINARY_DIR}/_botan")
# The source tree is part of the key: a new Botan pin reconfigures an existing build tree.
string(MD5 botan_config_hash "${botan_modules_csv};${botan_target};${AUTHCORE_BOTAN_SOURCE_DIR}")
set(botan_stamp "${botan_build_dir}/configured-${botan_config_hash}")
if(NOT EXISTS "${botan_stamp}")
  file(REMOVE_RECURSE "${botan_build_dir}")
  file(MAKE_DIRECTORY "${botan_build_dir}")
  execute_process(
    COMMAND python3 "${AUTHCORE_BOTAN_SOURCE_DIR}/configure.py"
            --minimized-build "--enable-modules=${botan_modules_csv}" --amalgamation
            --disable-shared --without-documentation --disable-cc-tests ${botan_target}
            "--with-build-dir=${botan_build_dir}/tree"
    WORKING_DIRECTORY "${botan_build_dir}"
    RESULT_VARIABLE botan_result OUTPUT_QUIET)
  if(NOT botan_result EQUAL 0)
    message(FATAL_ERROR "Botan configure.py failed")
  endif()
  file(TOUCH "${botan_stamp}")
endif()
# The amalgamation is built from a copy in which std::ostringstream is Botan::Text_Builder
# (cmake/botan/text_builder.h says why). Each swap is counted: a Botan whose text differs stops
# here instead of linking iostreams again unnoticed. configure_file() rewrites the copy only when
# it changes, so a reconfigure does not rebuild Botan.
file(READ "${botan_build_dir}/botan_all.cpp" botan_amalgamation)
string(REGEX MATCHALL "std::ostringstream" botan_streams "${botan_amalgamation}")
list(LENGTH botan_streams botan_stream_count)
set(botan_imbue "   oss.imbue(std::locale::classic());\n")
string(FIND "${botan_amalgamation}" "${botan_imbue}" botan_imbue_at)
set(botan_first_include "#include \"botan_all.h\"\n")
string(FIND "${botan_amalgamation}" "${botan_first_include}" botan_include_at)
if(NOT botan_stream_count EQUAL 8 OR botan_imbue_at EQUAL -1 OR botan_include_at EQUAL -1)
  message(FATAL_ERROR "botan_all.cpp is not the text cmake/ThirdParty.cmake expects (${botan_stream_count} of 8 "
                      "std::ostringstream): check the swap for Botan::Text_Builder against this Botan release")
endif()
string(REPLACE "${botan_imbue}" "" botan_amalgamation "${botan_amalgamation}")
string(REPLACE "std::ostringstream" "Text_Builder" botan_amalgamation "${botan_amalgamation}")
string(REPLACE "${botan_first_include}" "${botan_first_include}#include \"text_builder.h\"\n" botan_amalgamation "${botan_amalgamation}")
file(WRITE "${botan_build_dir}/botan_all_text_builder.cpp.new" "${botan_amalgamation}")
configure_file("${botan_build_dir}/botan_all_text_builder.cpp.new" "${botan_build_dir}/botan_all_text_builder.cpp" COPYONLY)
add_library(botan STATIC "${botan_build_dir}/botan_all_text_builder.cpp")
target_include_directories(botan PRIVATE "${CMAKE_CURRENT_LIST_DIR}/botan")
# Our code includes <botan/...>; those public headers are generated beside the amalgamation.
target_include_directories(botan SYSTEM PUBLIC "${botan_build_dir}/tree/build/include/public")
target_include_directories(botan PRIVATE "${botan_build_dir}")
target_compile_features(botan PUBLIC cxx_std_20)
if(NOT EMSCRIPTEN AND CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  # The amalgamation marks ISA-specific functions with target attributes; the base flags stay generic.
  target_compile_options(botan PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Wno-psabi>)
endif()
if(AUTHCORE_FUZZ)
  # No fuzzer coverage inside Botan (ASan and UBSan stay): its edges guide no fuzzer towards
  # anything of ours, and the counters made each PBKDF2 iteration ~100x slower, so a fuzz input
  # behind a real key derivation took seconds and the unit tests' KDFs dominated ctest.
  target_compile_options(botan PRIVATE -fno-sanitize=fuzzer-no-link)
endif()
add_library(Botan::botan ALIAS botan)

# --- ZXing-cpp ------------------------------------------------------------------------------------
set(ZXING_READERS ON CACHE BOOL "" FORCE)
set(ZXING_WRITERS OLD CACHE STRING "" FORCE)   # the QR writer without libzint: smaller, enough for QR
set(ZXING_EXPERIMENTAL_API OFF CACHE BOOL "" FORCE)
foreach(format 1D AZTEC DATAMATRIX MAXICODE PDF417)
  set(ZXING_ENABLE_${format} OFF CACHE BOOL "" FORCE)
endforeach()
set(ZXING_ENABLE_QRCODE ON CACHE BOOL "" FORCE)
set(ZXING_USE_BUNDLED_ZINT OFF CACHE BOOL "" FORCE)
set(BUILD_SHARED_LIBS OFF)
add_subdirectory("${AUTHCORE_ZXING_SOURCE_DIR}/core" "${CMAKE_BINARY_DIR}/_zxing" EXCLUDE_FROM_ALL SYSTEM)
# libzueci's tables for Shift JIS, GB*, Big5 and KS X 1001 (254 KB, a fifth of the wasm module) serve
# character sets no otpauth URI uses: cmake/zxing/zueci_minimal.c replaces it (why and what it keeps:
# its opening comment).
get_target_property(authcore_zxing_sources ZXing SOURCES)
list(FILTER authcore_zxing_sources EXCLUDE REGEX "libzueci/zueci\\.c$")
list(APPEND authcore_zxing_sources "${CMAKE_CURRENT_LIST_DIR}/zxing/zueci_minimal.c")
# ZXing's precompiled header is C++; a C file must not get it (as ZXing marks its own zueci.c).
set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/zxing/zueci_minimal.c" TARGET_DIRECTORY ZXing PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
# ZXing's EscapeNonGraphical() builds its text with a std::wostringstream, which links libc++'s
# locale machinery: Utf.cpp is compiled with its own renamed out of the way (the linker then drops
# it), and cmake/zxing/escape_non_graphical.cpp is linked in its place. The renamed one must not
# see the precompiled header, where Utf.h is already read without the rename.
list(APPEND authcore_zxing_sources "${CMAKE_CURRENT_LIST_DIR}/zxing/escape_non_graphical.cpp")
set_source_files_properties("${AUTHCORE_ZXING_SOURCE_DIR}/core/src/Utf.cpp" TARGET_DIRECTORY ZXing PROPERTIES
  COMPILE_DEFINITIONS "EscapeNonGraphical=EscapeNonGraphical_with_iostreams_unused" SKIP_PRECOMPILE_HEADERS ON)
set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/zxing/escape_non_graphical.cpp" TARGET_DIRECTORY ZXing PROPERTIES
  SKIP_PRECOMPILE_HEADERS ON)
# ZXing's SampleQR can be handed a finder-pattern set with two patterns at one point and then
# divides 0 by 0 (undefined behaviour, found by our fuzzer): QRDetector.cpp is compiled with its own
# renamed, and cmake/zxing/sample_qr_guard.cpp, which refuses such sets, is linked in its place.
list(APPEND authcore_zxing_sources "${CMAKE_CURRENT_LIST_DIR}/zxing/sample_qr_guard.cpp")
set_source_files_properties("${AUTHCORE_ZXING_SOURCE_DIR}/core/src/qrcode/QRDetector.cpp" TARGET_DIRECTORY ZXing PROPERTIES
  COMPILE_DEFINITIONS "SampleQR=SampleQR_unguarded" SKIP_PRECOMPILE_HEADERS ON)
set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/zxing/sample_qr_guard.cpp" TARGET_DIRECTORY ZXing PROPERTIES
  SKIP_PRECOMPILE_HEADERS ON)
set_target_properties(ZXing PROPERTIES SOURCES "${authcore_zxing_sources}")

# --- GoogleTest -----------------------------------------------------------------------------------
if(AUTHCORE_BUILD_TESTS)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  set(gtest_disable_pthreads ${EMSCRIPTEN} CACHE BOOL "" FORCE)
  add_subdirectory("${AUTHCORE_GTEST_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/_gtest" EXCLUDE_FROM_ALL SYSTEM)
  # The test framework needs no optimisation (see authcore_add_test); it compiled for minutes at -O3.
  target_compile_options(gtest PRIVATE -O1)
  target_compile_options(gtest_main PRIVATE -O1)
endif()

# --- Header-only libraries from Debian ---------------------------------------------------------------
# Each is exposed through its own folder of symlinks so that the wasm build never sees the rest of
# the host's /usr/include.
set(header_dir "${CMAKE_BINARY_DIR}/_headers")
foreach(lib nlohmann stb protozero)
  if(NOT EXISTS "${AUTHCORE_SYSTEM_INCLUDE_DIR}/${lib}")
    message(FATAL_ERROR "${AUTHCORE_SYSTEM_INCLUDE_DIR}/${lib} is missing: run tools/setup-debian.sh")
  endif()
  file(MAKE_DIRECTORY "${header_dir}")
  file(CREATE_LINK "${AUTHCORE_SYSTEM_INCLUDE_DIR}/${lib}" "${header_dir}/${lib}" SYMBOLIC)
endforeach()
add_library(authcore_headers INTERFACE)
target_include_directories(authcore_headers SYSTEM INTERFACE "${header_dir}")
