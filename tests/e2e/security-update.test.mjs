// Security updates (issue 10): a release built with `--security-update` takes over at the next lock,
// or at once when the vault is locked, instead of waiting until every tab is closed or the user
// presses Reload. Self-contained: its own copy of the page, server and profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWeb } from '../../tools/build-web.mjs';
import { startServer } from '../../tools/serve.mjs';
import { projectRoot, requireBuild } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { unlock, addByUri } from './support/app.mjs';


const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-security-update-e2e-'));
const source = path.join(tmp, 'web-source');
const out = path.join(tmp, 'web');
const wasm = path.join(projectRoot, 'build', 'wasm', 'module');
let server;
let url;
let profile;
let page;
let errors;

async function controllerVersion() {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return page.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => resolve(data);
    navigator.serviceWorker.controller.postMessage({ type: 'version' }, [channel.port2]);
  }));
}

/// Publishes a new build (a changed stylesheet) and makes the page find it (waiting worker).
async function publish({ securityUpdate }) {
  // A rule, not a comment: the build minifies the style sheets, comments and all.
  appendFileSync(path.join(source, 'css', 'base.css'), `\n:root { --release: ${Date.now()}; }\n`);
  const built = buildWeb({ source, out, wasm, securityUpdate });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  return built;
}

before(async () => {
  requireBuild();
  cpSync(path.join(projectRoot, 'web'), source, { recursive: true });
  buildWeb({ source, out, wasm });
  ({ server, url } = await startServer({ dir: out, port: 0, host: '127.0.0.1' }));
  ({ profile, page, errors } = await openFreshApp(url, { withVault: true }));
  await addByUri(page, 'otpauth://totp/Fix:user?secret=JBSWY3DPEHPK3PXP&issuer=Fix');
  await controllerVersion();
});

after(async () => {
  await profile?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  rmSync(tmp, { recursive: true, force: true });
});

test('the build marks a security update in its service worker', async () => {
  const current = await controllerVersion();
  assert.equal(current.securityUpdate, false);
});

test('while unlocked a security update waits; locking lets it take over and reloads', async () => {
  await page.evaluate(() => { window.stillTheSamePage = true; });
  const next = await publish({ securityUpdate: true });
  assert.equal(next.securityUpdate, true);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    while (!registration.waiting) await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'no reload while the vault is open');
  assert.ok(await page.getByRole('heading', { name: 'Accounts', exact: true }).isVisible());
  assert.equal(await page.getByText('Update available').count(), 0, 'no banner: it is applied at the lock');

  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await page.waitForFunction(() => window.stillTheSamePage === undefined, null, { timeout: 15_000 });
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  const now = await controllerVersion();
  assert.equal(now.version, next.version);
  assert.equal(now.securityUpdate, true);
});

test('when the vault is already locked, a security update takes over at once', async () => {
  await page.evaluate(() => { window.stillTheSamePage = true; });
  const next = await publish({ securityUpdate: true });
  await page.waitForFunction(() => window.stillTheSamePage === undefined, null, { timeout: 15_000 });
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  assert.equal((await controllerVersion()).version, next.version);
  await unlock(page);
});

test('an ordinary update still waits for the user (banner), even at a lock', async () => {
  await page.evaluate(() => { window.stillTheSamePage = true; });
  await publish({ securityUpdate: false });
  await page.getByText('Update available').waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true);
});

test('no errors, no request outside the origin', () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(profile.foreign, []);
});
