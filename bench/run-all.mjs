// Runs every benchmark of the project in one run (bench/*.mjs, each printing its own table and
// merging its figures into build/bench/results.json), then writes build/bench/REPORT.md.
//   node bench/run-all.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchDir, projectRoot, resultsPath } from './lib/results.mjs';

const here = path.join(projectRoot, 'bench');
const scripts = readdirSync(here).filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs').sort();

// The benchmark programs are not part of the default build (bench/CMakeLists.txt): build them, and
// bring the module and the page up to date, in both presets.
for (const preset of ['native', 'wasm']) {
  execFileSync('cmake', ['--preset', preset], { stdio: 'ignore', cwd: projectRoot });
  execFileSync('cmake', ['--build', '--preset', preset, '--target', 'all', 'otp_bench', 'qr_options_bench', 'qr_degraded_set', 'kdf_cost_bench', 'vault_merge_bench'], { stdio: 'inherit', cwd: projectRoot });
}
// The module without SIMD, which the page ships beside the main one (and argon2.mjs measures).
execFileSync('cmake', ['--preset', 'wasm-baseline'], { stdio: 'ignore', cwd: projectRoot });
execFileSync('cmake', ['--build', '--preset', 'wasm-baseline'], { stdio: 'inherit', cwd: projectRoot });
execFileSync(process.execPath, [path.join(projectRoot, 'tools/build-web.mjs')], { stdio: 'inherit', cwd: projectRoot });

rmSync(resultsPath, { force: true });
const failures = [];
for (const script of scripts) {
  console.log(`\n### ${script}`);
  try {
    execFileSync(process.execPath, [path.join(here, script)], { stdio: 'inherit', cwd: projectRoot });
  } catch (e) {
    failures.push(script);
    console.error(`${script} failed: ${e.message}`);
  }
}

const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
const fmt = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : String(x ?? 'n/a'));
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a / b).toFixed(2) : 'n/a');

const rows = [];
const q = results.qr_frame_720p;
if (q) {
  rows.push(['QR 720p frame with code (ms, median)', fmt(q.ours_ms), `zxing-wasm ${fmt(q.zxing_wasm_ms)}`, ratio(q.ours_ms, q.zxing_wasm_ms)]);
  rows.push(['QR 720p frame vs jsQR (ms, median)', fmt(q.ours_ms), `jsQR ${fmt(q.jsqr_ms)}`, ratio(q.ours_ms, q.jsqr_ms)]);
}
const g = results.qr_degraded;
if (g) {
  const rows3 = Object.values(g.conditions);
  const sum = (key) => rows3.reduce((n, r) => n + (r[key] ?? 0), 0);
  rows.push([`QR degraded streams read (of ${sum('scenes')}, ${rows3.length} conditions)`, sum('ours'), `zxing-wasm ${sum('zxing_wasm')}`, ratio(sum('ours'), sum('zxing_wasm'))]);
  rows.push(['QR degraded, ours per live call (ms, median / p95)', `${fmt(g.ours_frame_ms.median)} / ${fmt(g.ours_frame_ms.p95)}`, 'target 6 / 12', ratio(g.ours_frame_ms.median, 6)]);
}
const d = results.qr_detection;
if (d) {
  const sum = (key) => Object.values(d.folders).reduce((n, c) => n + c[key], 0);
  const images = sum('images');
  rows.push([`QR samples read, still mode (of ${images})`, sum('ours_still'), `zxing-wasm ${sum('zxing_wasm')}`, ratio(sum('ours_still'), sum('zxing_wasm'))]);
  rows.push([`QR samples read, live mode (of ${images})`, sum('ours_live'), `jsQR ${sum('jsqr')}`, ratio(sum('ours_live'), sum('jsqr'))]);
}
const a = results.argon2id_unlock;
if (a) {
  const kdf = `Argon2id unlock ${a.memory_kib / 1024} MiB t=${a.iterations} p=${a.parallelism}`;
  const runRatios = a.chromium_runs ? `; runs ${a.chromium_runs.map((r) => fmt(r.ratio)).join(', ')}, median ${fmt(a.chromium_ratio_median)}` : '';
  if (a.chromium_ours_ms) rows.push([`${kdf}, Chromium (ms)`, fmt(a.chromium_ours_ms, 0), `hash-wasm ${fmt(a.chromium_hash_wasm_ms, 0)}${runRatios}; target 0.5`, ratio(a.chromium_ours_ms, a.chromium_hash_wasm_ms)]);
  if (a.chromium_baseline_ours_ms) rows.push([`${kdf}, Chromium, build without SIMD (ms)`, fmt(a.chromium_baseline_ours_ms, 0), `hash-wasm ${fmt(a.chromium_baseline_hash_wasm_ms, 0)}`, ratio(a.chromium_baseline_ours_ms, a.chromium_baseline_hash_wasm_ms)]);
  rows.push([`${kdf}, Node (ms)`, fmt(a.ours_ms, 0), `hash-wasm ${fmt(a.hash_wasm_ms, 0)}`, ratio(a.ours_ms, a.hash_wasm_ms)]);
}
const o = results.otp_codes_per_second;
if (o) rows.push(['TOTP SHA1 codes per second', `wasm ${fmt(o.wasm.sha1, 0)}`, `native ${fmt(o.native.sha1, 0)}`, ratio(o.wasm.sha1, o.native.sha1)]);
const vm = results.vault_merge;
if (vm) {
  rows.push([`Merge two ${vm.accounts}-account vaults (ms)`, `wasm ${fmt(vm.wasm.merge_ms)}`, `native ${fmt(vm.native.merge_ms)}`, ratio(vm.wasm.merge_ms, vm.native.merge_ms)]);
  rows.push([`Merge + save, ${vm.accounts} accounts (ms)`, `wasm ${fmt(vm.wasm.merge_save_ms)}`, `native ${fmt(vm.native.merge_save_ms)}`, ratio(vm.wasm.merge_save_ms, vm.native.merge_save_ms)]);
}
const c = results.cold_start;
if (c) rows.push(['Cold start, offline reload to first code (ms)', fmt(c.ms, 0), 'target 300', ratio(c.ms, 300)]);
const u = results.unlock_overhead;
if (u) rows.push(['Password submit to first code (ms)', fmt(u.ms, 0), `Argon2id alone ${fmt(u.argon2_ms, 0)} + 50`, ratio(u.ms, u.argon2_ms + 50)]);
if (c) rows.push(['Offline reload to the unlock screen (ms)', fmt(c.shell_ms, 0), 'target 100', ratio(c.shell_ms, 100)]);
const pk = results.passkey_unlock;
if (pk) rows.push(['Passkey press to first code, virtual authenticator (ms)', fmt(pk.ms, 0), 'target 150', ratio(pk.ms, 150)]);
for (const [engine, e] of Object.entries(results.engines ?? {})) {
  rows.push([`Cold start, SW reload to first code, ${engine} ${e.version} (ms)`, fmt(e.ms, 0), `shell ${fmt(e.shell_ms, 0)}`, '']);
  rows.push([`Argon2id unlock to first code, ${engine} (ms)`, fmt(e.unlock_ms, 0), '', '']);
}
const cp = results.critical_path_gzip_kb;
if (cp) rows.push(['Before the first code: HTML, CSS, JS, wasm, gzip (KiB)', fmt(cp.kb, 1), `target 250; ${cp.files.length} files`, ratio(cp.kb, 250)]);
const s = results.shipped_gzip_kb;
if (s) rows.push(['Everything shipped to an engine with SIMD, gzip (KiB)', fmt(s.kb, 1), `target 450; both wasm builds ${fmt(s.all_builds_kb ?? s.kb, 1)}`, ratio(s.kb, 450)]);
const w = results.wasm_size;
if (w) rows.push(['authcore_wasm.wasm raw / gzip (KiB)', `${fmt(w['authcore_wasm.wasm'].raw_bytes / 1024, 1)} / ${fmt(w['authcore_wasm.wasm'].gzip_bytes / 1024, 1)}`, '', '']);
for (const part of ['first', 'rest']) {
  const file = w?.[`authcore_wasm.${part}.wasm`];
  if (file) rows.push([`authcore_wasm.${part}.wasm raw / gzip (KiB)`, `${fmt(file.raw_bytes / 1024, 1)} / ${fmt(file.gzip_bytes / 1024, 1)}`, '', '']);
}

const l = results.large_vault;
if (l) {
  for (const size of Object.values(l.sizes)) {
    rows.push([`Codes screen idle, ${size.accounts} accounts, main thread (ms/s)`, fmt(size.idle.busy_ms_per_s, 1), `target ${size.accounts >= 1000 ? 40 : 20}`, ratio(size.idle.busy_ms_per_s, size.accounts >= 1000 ? 40 : 20)]);
  }
  const small = l.sizes[20];
  const large = l.sizes[1000];
  if (small && large) {
    rows.push(['Restore to first code, 1,000 accounts (ms)', fmt(large.restore_ms, 0), `20 accounts ${fmt(small.restore_ms, 0)} (+150 allowed)`, ratio(large.restore_ms, small.restore_ms)]);
    rows.push(['Unlock to first code, 1,000 accounts (ms)', fmt(large.unlock_ms, 0), `20 accounts ${fmt(small.unlock_ms, 0)} (+150 allowed)`, ratio(large.unlock_ms, small.unlock_ms)]);
  }
  if (large) {
    rows.push(['Search keystroke to list updated, 1,000 accounts (ms, worst)', fmt(large.search_ms.worst, 1), 'target 30', ratio(large.search_ms.worst, 30)]);
    rows.push(['Page JS heap, 1,000 accounts (MiB)', fmt(large.heap_mb, 1), '', '']);
  }
}

const m = results.machine;
const report = [
  '# Benchmark report',
  '',
  `Run on ${new Date().toISOString().slice(0, 10)}: ${m.cpu}, ${m.cores} cores, ${m.memory_gib} GiB, Node ${m.node}, ${m.platform}.`,
  '',
  '| measure | ours | peer | ratio ours/peer |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  failures.length ? `Benchmarks that failed: ${failures.join(', ')}.` : 'Every benchmark ran.',
  '',
  'Raw figures: `build/bench/results.json`.',
  '',
].join('\n');
writeFileSync(path.join(benchDir, 'REPORT.md'), report);
console.log(`\n${report}`);
process.exit(failures.length ? 1 : 0);
