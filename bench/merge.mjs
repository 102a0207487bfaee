// Merging two devices' 1,000-account vaults, native vs wasm (the same C++ program,
// bench/vault_merge_bench.cpp). Run after building vault_merge_bench in both presets:
//   node bench/merge.mjs
// No peer: no other authenticator merges vaults to compare with.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, recordResult } from './lib/results.mjs';

const nativeBench = path.join(projectRoot, 'build/native/bench/vault_merge_bench');
const wasmBench = path.join(projectRoot, 'build/wasm/bench/vault_merge_bench.js');
for (const file of [nativeBench, wasmBench]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: build the target vault_merge_bench in the native and wasm presets first`);
    process.exit(2);
  }
}

const native = JSON.parse(execFileSync(nativeBench, { encoding: 'utf8' }));
const wasm = JSON.parse(execFileSync(process.execPath, [wasmBench], { encoding: 'utf8' }));

console.log(`Merging two ${native.accounts}-account vaults (B: 100 renamed, 50 deleted, 50 added), median ms`);
console.log('                      native     wasm (Node)   wasm/native');
for (const [label, key] of [['merge only', 'merge_ms'], ['merge + save', 'merge_save_ms']]) {
  console.log(`${label.padEnd(20)} ${native[key].toFixed(2).padStart(8)}  ${wasm[key].toFixed(2).padStart(12)}  ${(wasm[key] / native[key]).toFixed(2).padStart(10)}`);
}
recordResult('vault_merge', { accounts: native.accounts, native, wasm });
