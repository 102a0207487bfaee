// KdfBudget's estimates (core/src/kdf/KdfBudget.cpp) against key derivations measured natively and
// as wasm under Node in the same run. The budget is calibrated for wasm, the slower target: a ratio
// measured/predicted at or below 1 there means it refuses a costly file no later than it should.
//   node bench/kdf_cost.mjs   (after building kdf_cost_bench in the native and wasm presets)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, recordResult } from './lib/results.mjs';

const nativeBench = path.join(projectRoot, 'build/native/bench/kdf_cost_bench');
const wasmBench = path.join(projectRoot, 'build/wasm/bench/kdf_cost_bench.js');
for (const file of [nativeBench, wasmBench]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: build kdf_cost_bench in the native and wasm presets first`);
    process.exit(2);
  }
}
const native = JSON.parse(execFileSync(nativeBench, { encoding: 'utf8' }));
const wasm = JSON.parse(execFileSync(process.execPath, [wasmBench], { encoding: 'utf8' }));

console.log('KDF            predicted us   native us  (ratio)   wasm us  (ratio)');
for (const name of Object.keys(native)) {
  const p = native[name].predicted_us;
  const n = native[name].measured_us, w = wasm[name].measured_us;
  console.log(`${name.padEnd(20)} ${String(p).padStart(9)} ${String(n).padStart(10)} (${(n / p).toFixed(2)}) ${String(w).padStart(9)} (${(w / p).toFixed(2)})`);
}
recordResult('kdf_cost', { native, wasm });
