// Which build of the wasm module this engine runs. The main build uses WebAssembly SIMD (Argon2id
// about 1.6x faster, see docs/web-app.md); an engine without SIMD cannot even load a module that
// contains one SIMD instruction, so the app also ships authcore_wasm_baseline.mjs, built without
// it (CMake preset wasm-baseline). Every engine the app targets has SIMD (Chromium 91, Firefox 89,
// Safari 16.4); the baseline keeps older Safari (macOS 10.15 stops at 15.6) working.
import { createSplitModule } from './split-wasm.js';

// The smallest module whose one function uses SIMD: () -> v128 { i8x16.popcnt(i8x16.splat(0)) }.
// i8x16.popcnt came last into the SIMD proposal, so an engine that validates it has all of SIMD.
// The service worker gets the same bytes (tools/build-web.mjs writes them into its PRECACHE) and
// precaches only the build this check picks.
export const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: one type, () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x0a, 0x01, 0x08, 0x00, // code section: one body of 8 bytes, no locals
  0x41, 0x00, 0xfd, 0x0f, 0xfd, 0x62, 0x0b, // i32.const 0; i8x16.splat; i8x16.popcnt; end
]);

/// True when `validate` (WebAssembly.validate by default) accepts a SIMD instruction.
export function supportsWasmSimd(validate = (bytes) => WebAssembly.validate(bytes)) {
  try {
    return validate(SIMD_PROBE) === true;
  } catch {
    return false;
  }
}

// Each build is its Emscripten glue and the wasm module in two parts (split-wasm.js). Each import
// names its file literally, so the bundler keeps both glues as they are (tools/build-web.mjs,
// `external`); the parts are found beside them (this file is bundled into js/worker/).
const wasmUrl = (file) => new URL(`../../wasm/${file}`, import.meta.url).href;
const BUILDS = {
  simd: async () => createSplitModule((await import('../../wasm/authcore_wasm.mjs')).default,
    { firstUrl: wasmUrl('authcore_wasm.first.wasm'), restUrl: wasmUrl('authcore_wasm.rest.wasm') }),
  baseline: async () => createSplitModule((await import('../../wasm/authcore_wasm_baseline.mjs')).default,
    { firstUrl: wasmUrl('authcore_wasm_baseline.first.wasm'), restUrl: wasmUrl('authcore_wasm_baseline.rest.wasm') }),
};

/// The instantiated module ({module, loadRest, stats}, see createSplitModule), of the build this
/// engine validates. If that build cannot be loaded, the other one is tried: an engine that gained
/// SIMD with a browser update, offline, still has the baseline build its service worker cached
/// before (web/sw.js), and the baseline runs anywhere. Rejects with the first build's error when
/// neither loads.
export async function loadAuthcoreModule({ simd = supportsWasmSimd(), builds = BUILDS } = {}) {
  let firstError = null;
  for (const build of simd ? ['simd', 'baseline'] : ['baseline', 'simd']) {
    try {
      return await builds[build]();
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}
