// The two builds of the module the app ships (web/js/worker/wasm-flavour.js): the main one uses
// WebAssembly SIMD, the baseline one (preset wasm-baseline) must contain no SIMD instruction at all,
// or an engine without SIMD could not load it either. Both must open the same vault and give the
// same codes. Node cannot switch SIMD off, so "no SIMD" is checked by validating the binary with
// binaryen restricted to every feature but SIMD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import binaryen from 'binaryen';
import { modulePath, loadAuthcore } from './loadModule.mjs';
import { asThePage } from './asThePage.mjs';
import { supportsWasmSimd } from '../../web/js/worker/wasm-flavour.js';

const baselinePath = path.join(path.dirname(modulePath), '..', '..', 'wasm-baseline', 'module', 'authcore_wasm_baseline.mjs');
const wasmOf = (gluePath) => readFileSync(gluePath.replace(/\.mjs$/, '.wasm'));

/// Whether binaryen validates `bytes` with every feature but SIMD (and relaxed SIMD) enabled. Its
/// validator prints every offending instruction (thousands for the SIMD build): kept off the log.
function validatesWithoutSimd(bytes) {
  const module = binaryen.readBinary(new Uint8Array(bytes));
  const writes = [process.stdout.write, process.stderr.write];
  try {
    const { All, SIMD128, RelaxedSIMD } = binaryen.Features;
    module.setFeatures(All & ~SIMD128 & ~RelaxedSIMD);
    process.stdout.write = process.stderr.write = () => true;
    return Boolean(module.validate());
  } finally {
    [process.stdout.write, process.stderr.write] = writes;
    module.dispose();
  }
}

test('both builds are there (a missing build fails, it is not skipped)', () => {
  assert.ok(existsSync(modulePath), `${modulePath} is missing: cmake --build --preset wasm`);
  assert.ok(existsSync(baselinePath), `${baselinePath} is missing: cmake --preset wasm-baseline && cmake --build --preset wasm-baseline`);
});

test('the baseline build has no SIMD instruction; the main build has them', { timeout: 120_000 }, () => {
  assert.equal(validatesWithoutSimd(wasmOf(baselinePath)), true, 'the baseline module uses SIMD');
  assert.equal(validatesWithoutSimd(wasmOf(modulePath)), false, 'the main module should use SIMD (built with -msimd128)');
});

test('the engine check: SIMD where the probe validates, the baseline where it throws or refuses', () => {
  assert.equal(supportsWasmSimd(), true, 'Node (V8) has WebAssembly SIMD');
  assert.equal(supportsWasmSimd(() => false), false);
  assert.equal(supportsWasmSimd(() => { throw new Error('CompileError'); }), false);
  // The probe itself is a valid module only where SIMD is: it is refused once its SIMD type is gone.
  let probe;
  supportsWasmSimd((bytes) => { probe = bytes; return true; });
  assert.equal(WebAssembly.validate(probe), true);
  const broken = probe.slice();
  broken[broken.indexOf(0x7b)] = 0x7f; // the v128 result becomes i32: the function no longer checks
  assert.equal(WebAssembly.validate(broken), false);
});

test('both builds offer the same bindings (a stale baseline build would not)', async () => {
  const { default: createBaseline } = await import(baselinePath);
  const names = (m) => Object.keys(m).filter((name) => /^(vault|session|decode|encode|import|export|parse|code|qr)/.test(name) && typeof m[name] === 'function').sort();
  const simdNames = names(await loadAuthcore());
  assert.ok(simdNames.length > 40, `only ${simdNames.length} bindings found`);
  assert.deepEqual(names(await createBaseline()), simdNames);
});

test('a vault made by the SIMD build opens in the baseline build with the same codes, and back', { timeout: 120_000 }, async () => {
  const kdf = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
  const simd = asThePage(await loadAuthcore());
  const { default: createBaseline } = await import(baselinePath);
  const baseline = asThePage(await createBaseline());
  const unix = 1_700_000_000;

  assert.equal(simd.vaultCreate('pw one', kdf).error, undefined);
  const added = simd.vaultAddUri('otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME');
  assert.equal(added.error, undefined, JSON.stringify(added.error));
  const fromSimd = simd.vaultCodes(unix).codes;

  const opened = baseline.vaultUnlock(added.file, 'pw one');
  assert.equal(opened.error, undefined, JSON.stringify(opened.error));
  assert.deepEqual(baseline.vaultCodes(unix).codes, fromSimd);
  assert.equal(baseline.vaultUnlock(added.file, 'pw two').error.kind, 'wrong_password');

  assert.equal(baseline.vaultCreate('pw three', kdf).error, undefined);
  const other = baseline.vaultAddUri('otpauth://totp/Deno:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Deno&digits=8');
  assert.equal(other.error, undefined, JSON.stringify(other.error));
  const reopened = simd.vaultUnlock(other.file, 'pw three');
  assert.equal(reopened.error, undefined, JSON.stringify(reopened.error));
  assert.deepEqual(simd.vaultCodes(unix).codes, baseline.vaultCodes(unix).codes);
});
