// Cold start and Argon2id unlock in each engine the end-to-end suite drives (Chromium, Firefox ESR,
// WebKitGTK), through the same driver layer (tests/e2e/support/): after one visit (service worker
// installed), the page is reloaded; how long until the unlock screen's password field is there
// (shell), and from submitting the password to the first code (unlock: Argon2id in wasm, decrypt,
// first codes)? Times are taken inside the page (performance.now()) by a classic script the test
// server puts first in the page. Median of RUNS after one warm-up reload.
//   node bench/engines.mjs [chromium firefox webkit]
// Records "engines" in build/bench/results.json: {chromium: {version, shell_ms, unlock_ms, ms}, ...}.
import { median, recordResult } from './lib/results.mjs';
import { startE2eServer } from '../tests/e2e/support/e2e-server.mjs';
import { E2ePage } from '../tests/e2e/support/driver.mjs';
import { PASSWORD, createVault, addByUri, heading, button } from '../tests/e2e/support/flows.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox', 'webkit'];

// In page time: the password field appears, the password is submitted, a code appears.
const MARKS = `(() => {
  window.__marks = {};
  const observer = new MutationObserver(() => {
    const marks = window.__marks;
    if (!marks.field && document.querySelector('input[autocomplete="current-password"]')) marks.field = performance.now();
    if (!marks.code && [...document.querySelectorAll('.account-code')].some((el) => /\\d/.test(el.textContent))) {
      marks.code = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('submit', () => { window.__marks.submit ??= performance.now(); }, true);
})();\n`;

const results = {};
for (const name of engines) {
  const web = await startE2eServer({ extraScripts: { 'e2e-marks.js': MARKS } });
  const { launch } = await import(`../tests/e2e/support/engines/${name}.mjs`);
  const engine = await launch({ proxy: web.proxy });
  try {
    const profile = await engine.newProfile();
    const page = new E2ePage(await profile.newPage(), { engine: name, web });
    await page.goto('/');
    await createVault(page);
    await page.click(button('Add your first account'));
    await addByUri(page, 'otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=authentik');
    await page.waitUntil(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const runs = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await page.reload();
      await page.waitFor(heading('Unlock your vault'), { timeout: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a person types meanwhile; the wasm loads
      await page.fill('Password', PASSWORD);
      await page.click(button('Unlock'));
      const m = await page.waitUntil(() => window.__marks.code && window.__marks, null, { timeout: 60_000 });
      if (i > 0) runs.push({ shell: m.field, unlock: m.code - m.submit });
    }
    await profile.close();
    results[name] = {
      version: engine.version,
      shell_ms: Math.round(median(runs.map((run) => run.shell))),
      unlock_ms: Math.round(median(runs.map((run) => run.unlock))),
      ms: Math.round(median(runs.map((run) => run.shell + run.unlock))),
      runs: RUNS,
    };
    console.log(`${name.padEnd(9)} ${engine.version}: shell ${results[name].shell_ms} ms, unlock (Argon2id + first codes) ${results[name].unlock_ms} ms, total ${results[name].ms} ms`);
  } finally {
    await engine.close();
    await web.close();
  }
}
recordResult('engines', results);
