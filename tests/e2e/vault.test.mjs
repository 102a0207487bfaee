// Vault storage in the browser (issue 4, web): reload locked, wrong password, a page closed in the
// middle of a save, two tabs, a full disk, and a backup restored in a fresh profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveWeb } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { PASSWORD, FIXED_TIME, oathtool, openApp, unlock, saveLink, addByUri, row, rowCode } from './support/app.mjs';


const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const uri = (issuer, name = 'user') => `otpauth://totp/${encodeURIComponent(`${issuer}:${name}`)}?secret=${SECRET}&issuer=${encodeURIComponent(issuer)}`;
let web;
let profile;
let page;
let errors;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-vault-e2e-'));

before(async () => {
  web = await serveWeb();
  ({ profile, page, errors } = await openFreshApp(web.url, { withVault: true }));
  await saveLink(page, uri('Alpha'));
  await row(page, 'Alpha').waitFor();
});

after(async () => {
  await profile?.close();
  await web?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function storedRevision(target) {
  return target.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('authenticator');
    open.onsuccess = () => {
      const get = open.result.transaction('vault').objectStore('vault').get('current');
      get.onsuccess = () => {
        resolve(get.result?.revision ?? null);
        open.result.close();
      };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  }));
}

test('a reload comes back locked, and the same password shows the same codes', async () => {
  const expected = oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`);
  await page.reload();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  assert.equal(await page.locator('.account').count(), 0);
  await unlock(page);
  assert.equal(await rowCode(page, 'Alpha'), expected);
});

test('IndexedDB holds only encrypted bytes: no label or secret in clear anywhere in storage', async () => {
  const dump = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('authenticator');
    open.onsuccess = () => {
      const all = open.result.transaction('vault').objectStore('vault').getAll();
      all.onsuccess = () => resolve(all.result.map((record) => Array.from(record.bytes)));
    };
  }));
  const text = dump.map((bytes) => Buffer.from(bytes).toString('latin1')).join('\n');
  assert.ok(dump.length >= 1);
  for (const needle of ['Alpha', SECRET, 'otpauth', '"issuer"']) assert.equal(text.includes(needle), false, needle);
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  for (const needle of ['Alpha', SECRET, PASSWORD]) assert.equal(local.includes(needle), false, `localStorage: ${needle}`);
  assert.equal(page.url().includes(SECRET), false);
});

test('a wrong password says so, and repeated failures add a short wait', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  const button = page.getByRole('button', { name: /^(Unlock|Checking…|Wait)/ });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByLabel('Password', { exact: true }).fill(`not the password ${attempt}`);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Wrong password.', { exact: false }).waitFor();
    if (attempt < 3) await page.getByRole('button', { name: 'Unlock' }).waitFor();
  }
  await page.getByText(/Try again in 2 seconds/).waitFor();
  assert.ok(await button.isDisabled(), 'the button waits after the third failure');
  await page.getByRole('button', { name: 'Unlock' }).waitFor({ timeout: 5000 });
  await unlock(page);
});

test('a page closed in the middle of a save leaves a vault that opens with the last saved accounts', async () => {
  for (const delay of [0, 5, 20, 60, 150]) {
    const tab = await profile.context.newPage();
    await openApp(tab, web.url, { time: FIXED_TIME });
    await unlock(tab);
    const before = await tab.locator('.account').count();
    await tab.getByRole('navigation').getByRole('button', { name: 'Add' }).click();
    await saveLink(tab, uri(`Crash${delay}`));
    await new Promise((resolve) => setTimeout(resolve, delay));
    const cdp = await profile.context.newCDPSession(tab);
    const crashed = tab.waitForEvent('crash');
    cdp.send('Page.crash').catch(() => {}); // the renderer dies mid-save; this call never answers
    await crashed;
    await tab.close().catch(() => {});

    const check = await profile.context.newPage();
    await openApp(check, web.url, { time: FIXED_TIME });
    await unlock(check);
    const after = await check.locator('.account').count();
    assert.ok(after === before || after === before + 1, `delay ${delay}: ${before} -> ${after}`);
    assert.equal(await rowCode(check, 'Alpha'), oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`));
    await check.close();
  }
  await page.reload();
  await unlock(page);
});

test('two tabs: a save in one locks the other, which then shows the newer data', async () => {
  const other = await profile.context.newPage();
  await openApp(other, web.url, { time: FIXED_TIME });
  await unlock(other);
  await addByUri(page, uri('FromTabA'));
  await other.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await other.getByText('The vault was changed in another tab or window.').waitFor();
  await unlock(other);
  await row(other, 'FromTabA').waitFor();
  await other.close();
});

test('two tabs: a stale tab that missed the news cannot overwrite newer data', async () => {
  const stale = await profile.context.newPage();
  await stale.addInitScript(() => {
    delete window.BroadcastChannel; // this tab never hears about the other tab's saves
  });
  await openApp(stale, web.url, { time: FIXED_TIME });
  await unlock(stale);
  await addByUri(page, uri('Newer'));
  const revision = await storedRevision(page);
  await stale.getByRole('button', { name: 'Edit Alpha user' }).click();
  await stale.getByRole('dialog').getByLabel('Issuer').fill('Overwritten');
  await stale.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await stale.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await stale.getByText('so your last change was not saved').waitFor();
  assert.equal(await storedRevision(page), revision, 'nothing was written by the stale tab');
  await unlock(stale);
  await row(stale, 'Newer').waitFor();
  assert.equal(await row(stale, 'Overwritten').count(), 0);
  await stale.close();
});

test('a full disk (quota exceeded) says so and half-writes nothing', async () => {
  // Chromium's CDP quota override does not stop IndexedDB writes (measured: usage above a 1-byte
  // quota still commits), so the page's put() throws the QuotaExceededError a full disk gives.
  const revision = await storedRevision(page);
  const count = await page.locator('.account').count();
  await page.evaluate(() => {
    window.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('simulated full disk', 'QuotaExceededError');
    };
  });
  await page.getByRole('navigation').getByRole('button', { name: 'Add' }).click();
  await saveLink(page, uri('TooMuch'));
  await page.getByText("The browser's storage is full, so nothing was saved.").waitFor();
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = window.__realPut;
  });
  assert.equal(await storedRevision(page), revision);
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  assert.equal(await page.locator('.account').count(), count, 'the unsaved account is not shown either');
  await addByUri(page, uri('AfterQuota'));
  assert.equal(await page.locator('.account').count(), count + 1, 'saving works again once there is room');
  await page.reload();
  await unlock(page);
  assert.equal(await page.locator('.account').count(), count + 1);
  assert.equal(await row(page, 'TooMuch').count(), 0);
});

test('backup download, then restore in a fresh profile with its password', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download encrypted backup' }).click()]);
  assert.match(download.suggestedFilename(), /^authenticator-backup-\d{4}-\d{2}-\d{2}\.authvault$/);
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert.equal(bytes.includes(Buffer.from('Alpha')), false, 'the backup is encrypted');
  await page.getByText(/Last backup:/).waitFor();

  const { profile: fresh, page: restorePage, errors: restoreErrors } = await openFreshApp(web.url);
  try {
    await restorePage.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await restorePage.getByRole('button', { name: 'Restore from a backup file' }).click();
    await restorePage.getByLabel('Backup file').setInputFiles(file);
    await restorePage.getByLabel('Password of the backup').fill('not it at all');
    await restorePage.getByRole('button', { name: 'Restore' }).click();
    await restorePage.getByText('Wrong password for this backup.').waitFor();
    await restorePage.getByLabel('Password of the backup').fill(PASSWORD);
    await restorePage.getByRole('button', { name: 'Restore' }).click();
    await restorePage.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
    assert.equal(await rowCode(restorePage, 'Alpha'), oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`));
    await row(restorePage, 'Newer').waitFor();
    await restorePage.reload();
    await unlock(restorePage);
    await row(restorePage, 'Alpha').waitFor();
    assert.deepEqual(restoreErrors, []);
    assert.deepEqual(fresh.foreign, []);
  } finally {
    await fresh.close();
  }
});

test('no errors, no request outside the origin', () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(profile.foreign, []);
});
