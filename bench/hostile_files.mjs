// What each crafted file of tests/data/hostile/ costs before it is refused: wall time and peak memory
// (GNU time's maximum resident set), through the native CLI and the wasm CLI under Node. Issue 10's
// bar: every one refused with its own error within 5 s and 600 MB.
//   node bench/hostile_files.mjs   (after building the native and wasm presets)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, recordResult } from './lib/results.mjs';

const data = path.join(projectRoot, 'tests/data/hostile');
const clis = {
  // AUTHCORE_NATIVE_CLI: another native build (e.g. build/fuzz/authcore, with the sanitizers' overhead).
  native: [process.env.AUTHCORE_NATIVE_CLI ?? path.join(projectRoot, 'build/native/authcore')],
  wasm: [process.execPath, path.join(projectRoot, 'build/wasm/authcore.js')],
};
for (const [name, command] of Object.entries(clis)) {
  if (!existsSync(command.at(-1))) {
    console.error(`${command.at(-1)} is missing: build the ${name} preset first`);
    process.exit(2);
  }
}
if (!existsSync('/usr/bin/time')) {
  console.error('/usr/bin/time (Debian package "time") is needed for peak memory');
  process.exit(2);
}
const passwordFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'hostile-')), 'pw');
writeFileSync(passwordFile, 'any password\n');

const files = {
  'aegis-scrypt-4gib.json': ['import'],
  'aegis-scrypt-p16.json': ['import'],
  'aegis-five-slots.json': ['import'],
  'andotp-ten-million-iterations.bin': ['import'],
  'google-migration-batch-size-max.txt': ['import'],
  'vault-16-slots-1gib.authvault': ['vault', 'list'],
  'vault-five-slots.authvault': ['vault', 'list'],
};

const results = {};
console.log('file                                  build   exit  error             seconds  peak MiB');
for (const [file, verb] of Object.entries(files)) {
  results[file] = {};
  for (const [build, command] of Object.entries(clis)) {
    const args = [...command.slice(1), ...verb, path.join(data, file), '--password-file', passwordFile];
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', command[0], ...args], { encoding: 'utf8', timeout: 120_000 });
    const lines = run.stderr.trim().split('\n');
    const [seconds, kib] = lines.at(-1).split(' ').map(Number);
    const kind = (lines.find((l) => l.startsWith('authcore: ')) ?? '').split(' ')[1] ?? '';
    results[file][build] = { exit: run.status, error: kind, seconds, peak_mib: Math.round(kib / 1024) };
    console.log(`${file.padEnd(37)} ${build.padEnd(7)} ${String(run.status).padStart(4)}  ${kind.padEnd(17)} ${seconds.toFixed(2).padStart(7)}  ${String(Math.round(kib / 1024)).padStart(8)}`);
  }
}
recordResult('hostile_files', results);
