// TOTP codes per second, native vs wasm (the same C++ program, bench/otp_bench.cpp), plus the
// shipped module's size raw and gzipped. Run after building both presets:
//   node bench/otp.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot, recordResult } from './lib/results.mjs';

const nativeBench = path.join(projectRoot, 'build/native/bench/otp_bench');
const wasmBench = path.join(projectRoot, 'build/wasm/bench/otp_bench.js');
const moduleDir = path.join(projectRoot, 'build/wasm/module');

for (const file of [nativeBench, wasmBench]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: build the native and wasm presets first`);
    process.exit(2);
  }
}

const native = JSON.parse(execFileSync(nativeBench, { encoding: 'utf8' }));
const wasm = JSON.parse(execFileSync(process.execPath, [wasmBench], { encoding: 'utf8' }));

console.log('TOTP codes per second (HMAC key setup + code, one thread)');
console.log('algorithm   native        wasm (Node)   wasm/native');
for (const algorithm of ['sha1', 'sha256', 'sha512']) {
  const ratio = wasm[algorithm] / native[algorithm];
  console.log(`${algorithm.padEnd(11)} ${String(native[algorithm]).padStart(12)}  ${String(wasm[algorithm]).padStart(12)}  ${ratio.toFixed(2)}`);
}
recordResult('otp_codes_per_second', { native, wasm });

const sizes = {};
// The whole module, and the two parts the page loads (tools/split-wasm.mjs).
for (const name of ['authcore_wasm.wasm', 'authcore_wasm.mjs', 'authcore_wasm.first.wasm', 'authcore_wasm.rest.wasm']) {
  const file = path.join(moduleDir, name);
  sizes[name] = { raw_bytes: statSync(file).size, gzip_bytes: gzipSync(readFileSync(file), { level: 9 }).length };
}
console.log('\nmodule                     raw KiB   gzip KiB');
for (const [name, s] of Object.entries(sizes)) {
  console.log(`${name.padEnd(26)} ${(s.raw_bytes / 1024).toFixed(1).padStart(7)}  ${(s.gzip_bytes / 1024).toFixed(1).padStart(8)}`);
}
recordResult('wasm_size', sizes);
