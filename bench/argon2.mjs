// Argon2id unlock time: our wasm (the SIMD build; in Chromium also the baseline build without
// SIMD) doing vaultUnlock of a real 20-account vault (Argon2id, unwrap, decrypt, JSON) against the npm package hash-wasm's argon2id with the same parameters, in the same run, in
// Node and, when /usr/bin/chromium is there, in headless Chromium (the page's target: under 1 s).
//
//   node bench/argon2.mjs                       the default parameters (vaultKdfDefaults)
//   node bench/argon2.mjs --memory 131072 --iterations 2 --parallelism 1
//   node bench/argon2.mjs --sweep               candidate parameters in Chromium, to choose defaults
//   node bench/argon2.mjs --no-chromium         Node only
//   node bench/argon2.mjs --chromium-runs 1     one Chromium run instead of 3
//
// Prints medians and the ratio ours / hash-wasm, and records them as "argon2id_unlock" in
// build/bench/results.json (the default parameters only).
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { argon2id } from 'hash-wasm';
import { median, projectRoot, recordResult } from './lib/results.mjs';

const modulePath = path.join(projectRoot, 'build', 'wasm', 'module', 'authcore_wasm.mjs');
const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'correct horse battery staple';
const SALT_BYTES = 16;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 7);

// The same measurement, as a function that runs unchanged in Node and in the page: `ours` and
// `hashWasm` are the two modules, params the Argon2id parameters.
async function measure(createAuthcore, argon2idFn, params, runs, password) {
  const m = await createAuthcore();
  const created = m.vaultCreate(password, params);
  if (created.error) throw new Error(JSON.stringify(created.error));
  const uris = [];
  for (let i = 0; i < 20; i++)
    uris.push(`otpauth://totp/Org%20${i}:user${i}@example.lv?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOPQRST'[i]}&issuer=Org%20${i}`);
  // Added as the page adds them (web/js/vault/vault-session.js): staged, committed, confirmed saved.
  const staged = m.sessionStageUris(uris);
  if (staged.error) throw new Error(JSON.stringify(staged.error));
  const committed = m.sessionCommit({ ids: staged.candidates.map((c) => c.id), allowDuplicates: false });
  if (committed.error) throw new Error(JSON.stringify(committed.error));
  const confirmed = m.sessionConfirmSaved(committed.revision);
  if (confirmed.error) throw new Error(JSON.stringify(confirmed.error));
  const { file } = committed;
  m.vaultLock();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = () => argon2idFn({
    password, salt, memorySize: params.memoryKiB, iterations: params.iterations, parallelism: params.parallelism,
    hashLength: 32, outputType: 'binary',
  });

  const ours = [];
  const theirs = [];
  // In Node, also the CPU time the process spent: on a machine shared with other work it estimates
  // what the wall-clock time would be on an idle one.
  const cpuNow = typeof process === 'undefined' ? null : () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const oursCpu = [];
  const theirsCpu = [];
  // One warm-up each (wasm compilation, memory growth), then alternate so that background load
  // from other processes hits both sides alike.
  m.vaultUnlock(file, password);
  m.vaultLock();
  await hash();
  for (let i = 0; i < runs; i++) {
    let c0 = cpuNow?.();
    let t0 = performance.now();
    const opened = m.vaultUnlock(file, password);
    ours.push(performance.now() - t0);
    if (cpuNow) oursCpu.push(cpuNow() - c0);
    if (opened.error || opened.entries.length !== 20) throw new Error(`unlock failed: ${JSON.stringify(opened.error)}`);
    m.vaultLock();
    c0 = cpuNow?.();
    t0 = performance.now();
    await hash();
    theirs.push(performance.now() - t0);
    if (cpuNow) theirsCpu.push(cpuNow() - c0);
  }
  return { ours, theirs, oursCpu, theirsCpu };
}

const round = (x) => Math.round(x * 10) / 10;

function summary(label, params, { ours, theirs, oursCpu = [], theirsCpu = [] }) {
  const oursMs = median(ours);
  const theirsMs = median(theirs);
  const range = (xs) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
  console.log(`${label.padEnd(9)} m=${params.memoryKiB} KiB t=${params.iterations} p=${params.parallelism}: ` +
    `ours ${oursMs.toFixed(1)} ms (${range(ours)}), hash-wasm ${theirsMs.toFixed(1)} ms (${range(theirs)}), ` +
    `ours/hash-wasm ${(oursMs / theirsMs).toFixed(2)}`);
  const result = { ours_ms: round(oursMs), hash_wasm_ms: round(theirsMs) };
  if (oursCpu.length) {
    console.log(`${''.padEnd(9)} CPU time: ours ${median(oursCpu).toFixed(1)} ms, hash-wasm ${median(theirsCpu).toFixed(1)} ms ` +
      `(ratio ${(median(oursCpu) / median(theirsCpu)).toFixed(2)})`);
    result.ours_cpu_ms = round(median(oursCpu));
    result.hash_wasm_cpu_ms = round(median(theirsCpu));
  }
  return result;
}

// --- Chromium ---------------------------------------------------------------------------------

const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

function serveProject() {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const file = path.join(projectRoot, path.normalize(decodeURIComponent(url.pathname)));
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>argon2 bench</title>');
      return;
    }
    if (!file.startsWith(projectRoot) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function withChromium(body) {
  const { chromium } = await import('playwright-core');
  const server = await serveProject();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'argon2-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
    return await body(page, version);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const MAIN_GLUE = '/build/wasm/module/authcore_wasm.mjs';
// The build without WebAssembly SIMD that engines lacking it get (web/js/worker/wasm-flavour.js).
const BASELINE_GLUE = '/build/wasm-baseline/module/authcore_wasm_baseline.mjs';

async function measureInPage(page, params, runs, glue = MAIN_GLUE) {
  return page.evaluate(async ({ params, runs, password, source, glue }) => {
    const { default: createAuthcore } = await import(glue);
    const { argon2id: hashWasm } = await import('/node_modules/hash-wasm/dist/index.esm.js');
    const fn = new Function(`return (${source})`)();
    return fn(createAuthcore, hashWasm, params, runs, password);
  }, { params, runs, password: PASSWORD, source: measure.toString(), glue });
}

// --- main ----------------------------------------------------------------------------------------

if (!existsSync(modulePath)) {
  console.error(`${modulePath} is missing: build the wasm preset first`);
  process.exit(2);
}
const { default: createAuthcore } = await import(modulePath);
const defaults = (await createAuthcore()).vaultKdfDefaults();
const params = {
  memoryKiB: option('--memory', defaults.memoryKiB),
  iterations: option('--iterations', defaults.iterations),
  parallelism: option('--parallelism', defaults.parallelism),
};
const isDefault = JSON.stringify(params) === JSON.stringify(defaults);
console.log(`machine: ${os.cpus()[0]?.model}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ` +
  `node ${process.version}; ${RUNS} runs each, medians (min-max)`);

if (args.includes('--sweep')) {
  const candidates = [
    { memoryKiB: 19456, iterations: 2, parallelism: 1 },
    { memoryKiB: 47104, iterations: 1, parallelism: 1 },
    { memoryKiB: 65536, iterations: 2, parallelism: 1 },
    { memoryKiB: 65536, iterations: 3, parallelism: 1 },
    { memoryKiB: 65536, iterations: 3, parallelism: 2 },
    { memoryKiB: 131072, iterations: 2, parallelism: 1 },
    { memoryKiB: 131072, iterations: 3, parallelism: 1 },
    { memoryKiB: 262144, iterations: 2, parallelism: 1 },
  ];
  await withChromium(async (page, version) => {
    console.log(`chromium ${version}`);
    for (const candidate of candidates) summary('chromium', candidate, await measureInPage(page, candidate, Math.min(RUNS, 5)));
  });
  process.exit(0);
}

const node = summary('node', params, await measure(createAuthcore, argon2id, params, RUNS, PASSWORD));
const result = { ...node, load_average_1min: round(os.loadavg()[0]), memory_kib: params.memoryKiB, iterations: params.iterations, parallelism: params.parallelism,
  runs: RUNS, vault_accounts: 20 };

// Chromium: CHROMIUM_RUNS runs, each in a fresh browser, the SIMD build then the baseline build;
// the figures kept are the medians over the runs, with each run's ratio (issue 12: median of 3).
const CHROMIUM_RUNS = option('--chromium-runs', 3);
if (!args.includes('--no-chromium') && existsSync(CHROMIUM)) {
  const runs = [];
  for (let run = 0; run < CHROMIUM_RUNS; run++) {
    await withChromium(async (page, version) => {
      const inPage = summary('chromium', params, await measureInPage(page, params, RUNS));
      const entry = { ours_ms: inPage.ours_ms, hash_wasm_ms: inPage.hash_wasm_ms, ratio: Math.round((inPage.ours_ms / inPage.hash_wasm_ms) * 100) / 100 };
      // The SIMD build is what ships first; the baseline is measured beside it to show the gain.
      if (existsSync(path.join(projectRoot, BASELINE_GLUE))) {
        const baseline = summary('baseline', params, await measureInPage(page, params, RUNS, BASELINE_GLUE));
        Object.assign(entry, { baseline_ours_ms: baseline.ours_ms, baseline_hash_wasm_ms: baseline.hash_wasm_ms,
          baseline_ratio: Math.round((baseline.ours_ms / baseline.hash_wasm_ms) * 100) / 100 });
      } else {
        console.log(`baseline: ${BASELINE_GLUE} not built (cmake --build --preset wasm-baseline)`);
      }
      result.chromium_version = version;
      runs.push(entry);
    });
  }
  const mid = (key) => (runs[0][key] === undefined ? undefined : round(median(runs.map((r) => r[key]))));
  result.chromium_ours_ms = mid('ours_ms');
  result.chromium_hash_wasm_ms = mid('hash_wasm_ms');
  result.chromium_ratio_median = median(runs.map((r) => r.ratio));
  result.chromium_baseline_ours_ms = mid('baseline_ours_ms');
  result.chromium_baseline_hash_wasm_ms = mid('baseline_hash_wasm_ms');
  result.chromium_baseline_ratio_median = runs[0].baseline_ratio === undefined ? undefined : median(runs.map((r) => r.baseline_ratio));
  result.chromium_runs = runs;
  console.log(`chromium, ${runs.length} runs: ratio ours/hash-wasm ${runs.map((r) => r.ratio).join(', ')} (median ${result.chromium_ratio_median}); ` +
    `baseline build ${runs.map((r) => r.baseline_ratio).join(', ')}`);
} else {
  console.log('chromium: skipped');
}

if (isDefault) {
  recordResult('argon2id_unlock', result);
  console.log('recorded argon2id_unlock in build/bench/results.json');
} else {
  console.log('not recorded: only the default parameters are');
}
