// The PWA (issue 5): Chromium reports the app installable, it works offline after one visit, and a
// new version is announced, never applied in the middle of an edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWeb } from '../../tools/build-web.mjs';
import { startServer } from '../../tools/serve.mjs';
import { projectRoot, requireBuild } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { FIXED_TIME, oathtool, unlock, addByUri, rowCode } from './support/app.mjs';


const SECRET = 'JBSWY3DPEHPK3PXP';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-pwa-e2e-'));
const source = path.join(tmp, 'web-source');
const out = path.join(tmp, 'web');
let server;
let url;
let profile;
let page;
let errors;

async function serve() {
  ({ server, url } = await startServer({ dir: out, port: server?.address()?.port ?? 0, host: '127.0.0.1' }));
}

async function controlled(target) {
  await target.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

before(async () => {
  requireBuild();
  // A private copy of the page, so this file can publish a "new version" without touching build/web.
  cpSync(path.join(projectRoot, 'web'), source, { recursive: true });
  buildWeb({ source, out, wasm: path.join(projectRoot, 'build', 'wasm', 'module') });
  await serve();
  ({ profile, page, errors } = await openFreshApp(url, { withVault: true }));
  await addByUri(page, `otpauth://totp/Offline:user?secret=${SECRET}&issuer=Offline`);
  await controlled(page);
});

after(async () => {
  await profile?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  rmSync(tmp, { recursive: true, force: true });
});

test('Chromium reports the app installable (Page.getInstallabilityErrors is empty)', async () => {
  const cdp = await profile.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, 'standalone');
  assert.ok(parsed.icons.some((icon) => icon.purpose === 'maskable' && icon.sizes === '512x512'));
});

test('a new version is announced, and not while an edit is open', async () => {
  await page.reload();
  await unlock(page);
  await controlled(page);
  const oldVersion = await page.evaluate(() => new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data.version), { once: true });
    navigator.serviceWorker.controller.postMessage({ type: 'version' });
  }));
  await page.getByRole('button', { name: 'Edit Offline user' }).click();
  // A rule, not a comment: the build minifies the style sheets, comments and all.
  appendFileSync(path.join(source, 'css', 'base.css'), '\n:root { --next-version: 1; }\n');
  const next = buildWeb({ source, out, wasm: path.join(projectRoot, 'build', 'wasm', 'module') });
  assert.notEqual(next.version, oldVersion);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    while (!registration.waiting) await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await page.waitForTimeout(500);
  assert.equal(await page.getByText('Update available').count(), 0, 'no banner during the edit');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Update available').waitFor();
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await controlled(page);
  const newVersion = await page.evaluate(() => new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data.version), { once: true });
    navigator.serviceWorker.controller.postMessage({ type: 'version' });
  }));
  assert.equal(newVersion, next.version);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, [`authenticator-${next.version}`], 'the old cache was deleted on activate');
  // Chromium has WebAssembly SIMD: its build is precached, the baseline one is not downloaded.
  const cachedWasm = await page.evaluate(async (name) => (await (await self.caches.open(name)).keys())
    .map((request) => new URL(request.url).pathname).filter((file) => file.includes('/wasm/')).sort(), caches[0]);
  assert.deepEqual(cachedWasm, ['/wasm/authcore_wasm.first.wasm', '/wasm/authcore_wasm.mjs', '/wasm/authcore_wasm.rest.wasm']);
});

test('a wasm build left out at install is kept once it is asked for (the engine changed since)', async () => {
  const cached = await page.evaluate(async () => {
    for (const file of ['wasm/authcore_wasm_baseline.mjs', 'wasm/authcore_wasm_baseline.first.wasm', 'wasm/authcore_wasm_baseline.rest.wasm']) await (await fetch(file)).arrayBuffer();
    const cache = await caches.open((await caches.keys())[0]);
    for (let wait = 0; wait < 50; wait++) { // the service worker stores it after answering
      const files = (await cache.keys()).map((request) => new URL(request.url).pathname).filter((file) => file.includes('/wasm/'));
      if (files.length === 6) return files.sort();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (await cache.keys()).map((request) => new URL(request.url).pathname).filter((file) => file.includes('/wasm/')).sort();
  });
  assert.deepEqual(cached, ['/wasm/authcore_wasm.first.wasm', '/wasm/authcore_wasm.mjs', '/wasm/authcore_wasm.rest.wasm',
    '/wasm/authcore_wasm_baseline.first.wasm', '/wasm/authcore_wasm_baseline.mjs', '/wasm/authcore_wasm_baseline.rest.wasm']);
});

test('after one online visit the app loads and shows codes with the network off; the first code waits only for its own files', async () => {
  await new Promise((resolve) => server.close(resolve)); // the server is gone...
  await profile.context.setOffline(true); // ...and the browser is offline
  // What the page and its workers ask for (through the service worker), in order, and when the
  // first code is on screen.
  const seen = [];
  await page.exposeBinding('firstCodeShown', () => seen.push('first code'));
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if ([...document.querySelectorAll('.account-code')].some((element) => /\d/.test(element.textContent))) {
        observer.disconnect();
        window.firstCodeShown();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  page.on('request', (request) => seen.push(new URL(request.url()).pathname));
  await page.reload();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await unlock(page);
  assert.equal(await rowCode(page, 'Offline'), oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`));
  // Afterwards, in the background: the rest of the wasm module and the later screens.
  const later = (file) => seen.some((entry) => entry.startsWith(file));
  for (let waited = 0; waited < 10_000 && !(later('/wasm/authcore_wasm.rest.wasm') && later('/js/chunks/later-screens-')); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const shown = seen.indexOf('first code');
  assert.ok(shown > 0, 'the first code was seen');
  const before = seen.slice(0, shown);
  const after = seen.slice(shown);
  assert.ok(before.includes('/wasm/authcore_wasm.first.wasm'), before.join(' '));
  assert.ok(before.some((file) => file.startsWith('/js/chunks/en-')), 'the English catalogue');
  for (const file of ['/wasm/authcore_wasm.rest.wasm', '/js/chunks/later-screens-', '/js/chunks/lv-', '/wasm/authcore_wasm_baseline']) {
    assert.ok(!before.some((entry) => entry.startsWith(file)), `${file} before the first code: ${before.join(' ')}`);
  }
  assert.ok(after.includes('/wasm/authcore_wasm.rest.wasm'), `the rest of the module is fetched after the first code: ${after.join(' ')}`);
  assert.ok(after.some((file) => file.startsWith('/js/chunks/later-screens-')), `the later screens too: ${after.join(' ')}`);
  await profile.context.setOffline(false);
  server = null;
});

test('no errors, no request outside the origin', () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(profile.foreign, []);
});
