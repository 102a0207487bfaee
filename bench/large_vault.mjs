// A large vault at rest (issue 15): vaults of 20, 200 and 1,000 accounts made by the wasm CLI are
// restored in headless Debian Chromium, then the codes screen is watched while it sits idle.
//   node bench/large_vault.mjs [SIZES...]     (after node tools/build-web.mjs and the wasm build)
// Per size:
//   restore_ms  - "Restore" pressed to the first code on screen, the password typed over TYPING_MS
//                 after the file was chosen (Argon2id with the default
//                 parameters, decrypt, the list, the first codes), median of RESTORE_RUNS fresh
//                 profiles, the sizes taken in turn (20, 200, 1000, 20, ...) so that the machine's
//                 load drifting during the run weighs on every size alike
//                 profiles (one run alone varied by 400 ms between two runs of the same size)
//   unlock_ms   - the same from the unlock screen after a lock, median of UNLOCK_RUNS
//   idle        - DevTools Performance metrics over IDLE_SECONDS of the codes screen doing nothing
//                 (the real clock runs: codes, rings and seconds change as a user sees them):
//                 main-thread busy (TaskDuration), of which script, style recalculation and layout,
//                 in ms per second. Measured twice: `idle` in the main thread's CPU time (timeDomain
//                 threadTicks), what the page costs whatever else the machine runs, and `idle_wall`
//                 in wall time (timeTicks, DevTools' default), which on a loaded machine also counts
//                 the time the thread waited for a core. The targets are judged on `idle`.
//   search_ms   - each keystroke of "Service 999" typed into search, keydown to the list updated
//                 (the frame after the list's DOM changed, style and layout included), 3 rounds:
//                 median and worst in wall time, and cpu_median/cpu_worst: the main thread's CPU time
//                 for the keystroke (from before the key to the frame after the list was updated;
//                 until session 7 it ran on to a 50 ms poll, which also counted the next second's
//                 code tick and whatever else fell in those 50 ms)
//   heap_mb     - the page's JS heap after a forced garbage collection (main thread; the vault
//                 itself lives in the worker's wasm memory)
// Targets (issue 15): idle <= 20 ms/s at 20 accounts and <= 40 ms/s at 1,000; restore or unlock to
// first code at 1,000 <= the 20-account time + 150 ms; search at 1,000 <= 30 ms per keystroke.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, recordResult } from './lib/results.mjs';
import { launchProfile, serveWeb } from '../tests/e2e/support/browser.mjs';
import { PASSWORD } from '../tests/e2e/support/app.mjs';
import { createLargeVault } from '../tools/lib/large-vault.mjs';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
if (!SIZES.length) SIZES.push(20, 200, 1000);
const IDLE_SECONDS = 5;
const SETTLE_MS = 2000;
const UNLOCK_RUNS = 5;
// A person types the password in about this long (bench/cold_start.mjs types over the same time).
// Until 2026-11-29 the password was filled at once and the button pressed at once.
const TYPING_MS = 1500;
const RESTORE_RUNS = 5;
const SEARCH_ROUNDS = 3;
const QUERY = 'Service 999';

// Page-time marks: the form submitted (restore or unlock) -> the first code with digits on screen.
// The observer is disconnected once the code is there, so it does not weigh on the idle figures.
function installMarks() {
  window.__startMarks = () => {
    window.__marks = {};
    const observer = new MutationObserver(() => {
      if ([...document.querySelectorAll('.account-code')].some((element) => /\d/.test(element.textContent))) {
        window.__marks.code = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  };
  window.__startMarks();
  document.addEventListener('submit', () => {
    window.__marks.submit ??= performance.now();
  }, true);
}

async function firstCodeMs(page) {
  await page.waitForFunction(() => window.__marks.code, null, { timeout: 60_000 });
  const marks = await page.evaluate(() => window.__marks);
  return marks.code - marks.submit;
}

async function idleMetrics(cdp, page, timeDomain) {
  await cdp.send('Performance.disable');
  await cdp.send('Performance.enable', { timeDomain });
  await page.waitForTimeout(SETTLE_MS);
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await read();
  await page.waitForTimeout(IDLE_SECONDS * 1000);
  const after = await read();
  const seconds = after.Timestamp - before.Timestamp;
  const perSecond = (name) => +(((after[name] - before[name]) * 1000) / seconds).toFixed(1);
  return {
    busy_ms_per_s: perSecond('TaskDuration'),
    script_ms_per_s: perSecond('ScriptDuration'),
    style_ms_per_s: perSecond('RecalcStyleDuration'),
    layout_ms_per_s: perSecond('LayoutDuration'),
    style_recalcs_per_s: +((after.RecalcStyleCount - before.RecalcStyleCount) / seconds).toFixed(1),
    seconds: +seconds.toFixed(2),
  };
}

// Keydown (event time) to the first frame after the list's DOM changed, with style and layout done.
function watchSearch() {
  window.__search = [];
  let pending = null;
  const input = document.querySelector('input[type="search"]');
  // Only a key the loop below armed starts a measurement: search.fill('') also sends a keydown, which
  // changes nothing, and a countdown's tick a moment later would have ended its "measurement"
  // (until 2026-11-29 that made the first keystroke of a run read 30-350 ms).
  input.addEventListener('keydown', (event) => {
    if (!window.__searchArmed) return;
    window.__searchArmed = false;
    pending = event.timeStamp;
  }, true);
  new MutationObserver(() => {
    if (pending === null) return;
    const start = pending;
    pending = null;
    requestAnimationFrame(() => {
      document.documentElement.getBoundingClientRect();
      void document.body.offsetHeight;
      window.__search.push(performance.now() - start);
    });
  }).observe(input.closest('section'), { childList: true, subtree: true, characterData: true, attributes: true });
}

// Per keystroke also the main thread's CPU time (threadTicks TaskDuration from just before the key
// to just after the list was updated): what the keystroke costs, whatever else the machine runs.
async function searchTimes(page, cdp) {
  await page.evaluate(watchSearch);
  await cdp.send('Performance.disable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const search = page.getByRole('searchbox');
  const cpu = [];
  const keys = [];
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    await search.fill('');
    await page.waitForTimeout(300);
    await search.click();
    for (const key of QUERY) {
      const measured = await page.evaluate(() => {
        window.__searchArmed = true;
        return window.__search.length;
      });
      const before = await busy();
      await page.keyboard.type(key);
      await page.waitForFunction((n) => window.__search.length > n, measured, { polling: 'raf' });
      cpu.push((await busy()) - before);
      keys.push(`${round}:${QUERY.slice(0, keys.length % QUERY.length + 1)}`);
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(300);
  }
  const times = await page.evaluate(() => window.__search);
  await search.fill('');
  return {
    median: +median(times).toFixed(1), worst: +Math.max(...times).toFixed(1), keystrokes: times.length,
    cpu_median: +median(cpu).toFixed(1), cpu_worst: +Math.max(...cpu).toFixed(1),
    // each keystroke: round:query so far, wall ms, CPU ms (which one was the worst, and why)
    per_keystroke: keys.map((key, index) => [key, +times[index].toFixed(1), +cpu[index].toFixed(1)]),
  };
}

// A fresh profile restores `file`; answers the page (codes screen showing) and the restore time.
async function restoreInFreshProfile(profile, url, file) {
  const page = await profile.context.newPage();
  page.setDefaultTimeout(180_000); // the unchanged app with 1,000 accounts keeps the main thread busy
  await page.addInitScript(installMarks);
  await page.goto(`${url}/`);
  await page.getByRole('button', { name: 'Restore from a backup file' }).click();
  await page.getByLabel('Backup file').setInputFiles(file);
  // Typed key by key over TYPING_MS, as a person types after choosing the file (and as
  // bench/cold_start.mjs types): what the page prepares meanwhile (reading the file, the worker's
  // rehearsal and warm-up) then runs while the password is typed, not after the press.
  await page.getByLabel('Password of the backup').pressSequentially(PASSWORD, { delay: TYPING_MS / PASSWORD.length });
  await page.getByRole('button', { name: 'Restore' }).click();
  const restoreMs = await firstCodeMs(page);
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  return { page, restoreMs };
}

// Restore -> first code, RESTORE_RUNS - 1 times per size in fresh profiles, sizes in turn; the last
// run of each size is the profile measureSize goes on to use.
async function restoreRunsBySize(url, files) {
  const runs = Object.fromEntries(Object.keys(files).map((count) => [count, []]));
  for (let run = 1; run < RESTORE_RUNS; run++) {
    for (const [count, file] of Object.entries(files)) {
      const extra = await launchProfile({ origin: url });
      try {
        runs[count].push((await restoreInFreshProfile(extra, url, file)).restoreMs);
      } finally {
        await extra.close();
      }
    }
  }
  return runs;
}

async function measureSize(url, count, file, restoreRuns) {
  const profile = await launchProfile({ origin: url });
  try {
    const { page, restoreMs } = await restoreInFreshProfile(profile, url, file);
    restoreRuns.push(restoreMs);

    const cdp = await profile.context.newCDPSession(page);
    const idle = await idleMetrics(cdp, page, 'threadTicks');
    const idleWall = await idleMetrics(cdp, page, 'timeTicks');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const search = await searchTimes(page, cdp);

    const unlockRuns = [];
    for (let i = 0; i < UNLOCK_RUNS; i++) {
      await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
      const field = page.getByLabel('Password', { exact: true });
      await field.pressSequentially(PASSWORD, { delay: TYPING_MS / PASSWORD.length }); // as in a restore
      await page.evaluate(() => window.__startMarks());
      await field.press('Enter');
      unlockRuns.push(await firstCodeMs(page));
      await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
    }
    return {
      accounts: count,
      restore_ms: Math.round(median(restoreRuns)),
      restore_runs_ms: restoreRuns.map(Math.round),
      unlock_ms: Math.round(median(unlockRuns)),
      idle,
      idle_wall: idleWall,
      search_ms: search,
      heap_mb: +(heap.usedSize / 2 ** 20).toFixed(1),
    };
  } finally {
    await profile.close();
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-bench-large-'));
const web = await serveWeb();
const sizes = {};
try {
  const files = {};
  for (const count of SIZES) {
    files[count] = path.join(tmp, `vault-${count}.authvault`);
    createLargeVault(files[count], count, PASSWORD);
  }
  const restoreRuns = await restoreRunsBySize(web.url, files);
  for (const count of SIZES) {
    sizes[count] = await measureSize(web.url, count, files[count], restoreRuns[count]);
    console.log(`measured ${count} accounts`);
  }
} finally {
  await web.close();
  rmSync(tmp, { recursive: true, force: true });
}

console.log('\n| accounts | restore -> first code (ms) | unlock -> first code (ms, median) | idle busy, CPU (ms/s) | of which script / style / layout (ms/s) | idle busy, wall (ms/s) | search keystroke, wall (ms, median / worst) | search keystroke, CPU (ms, median / worst) | JS heap (MiB) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const s of Object.values(sizes)) {
  console.log(`| ${s.accounts} | ${s.restore_ms} | ${s.unlock_ms} | ${s.idle.busy_ms_per_s} | ${s.idle.script_ms_per_s} / ${s.idle.style_ms_per_s} / ${s.idle.layout_ms_per_s} | ${s.idle_wall.busy_ms_per_s} | ${s.search_ms.median} / ${s.search_ms.worst} | ${s.search_ms.cpu_median} / ${s.search_ms.cpu_worst} | ${s.heap_mb} |`);
}
console.log(`(load average during the run: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores)`);

const small = sizes[20];
const large = sizes[1000];
const targets = {};
if (small) targets.idle_20_le_20_ms_per_s = small.idle.busy_ms_per_s <= 20;
if (large) {
  targets.idle_1000_le_40_ms_per_s = large.idle.busy_ms_per_s <= 40;
  targets.search_1000_le_30_ms = large.search_ms.worst <= 30;
  targets.search_1000_cpu_le_30_ms = large.search_ms.cpu_worst <= 30;
}
if (small && large) {
  targets.restore_1000_le_20_plus_150_ms = large.restore_ms <= small.restore_ms + 150;
  targets.unlock_1000_le_20_plus_150_ms = large.unlock_ms <= small.unlock_ms + 150;
}
console.log('\ntargets:', Object.entries(targets).map(([key, ok]) => `${key} ${ok ? 'met' : 'MISSED'}`).join(', ') || 'n/a (not every size measured)');
recordResult('large_vault', { sizes, targets, load_average: os.loadavg(), idle_seconds: IDLE_SECONDS, unlock_runs: UNLOCK_RUNS, query: QUERY, browser: 'Debian chromium, headless' });
