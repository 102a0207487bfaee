// Issue 10, the page side, in Chromium: a copied code leaves the clipboard (after the chosen time
// and on lock), wrong passwords are throttled across reloads, a rolled-back vault is noticed,
// oversized files are refused before they are read, and no Trusted Types violation happens.
// Self-contained (own profile and server) so it runs beside the other end-to-end files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { PASSWORD, FIXED_TIME, createVault, addByUri, row, rowCode, unlock } from './support/app.mjs';
import { sharedDataDir } from './support/browser.mjs';
import { existsSync } from 'node:fs';
import path from 'node:path';


const AUTHENTIK = 'otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30&issuer=authentik';
let web;
let profile;
let page;
let errors;
const workers = [];

before(async () => {
  web = await serveWeb();
  ({ profile, page, errors } = await openFreshApp(web.url));
  // Every CSP violation (Trusted Types included) the page reports, from the first script on.
  await profile.context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`));
  });
  page.on('worker', (worker) => {
    workers.push({ url: worker.url(), closed: false });
    const record = workers.at(-1);
    worker.on('close', () => { record.closed = true; });
  });
  await page.reload();
  await createVault(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await addByUri(page, AUTHENTIK);
});

after(async () => {
  await profile?.close();
  await web?.close();
});

const clipboardText = () => page.evaluate(() => navigator.clipboard.readText());

/// Polls `condition` (async, in Node) every `every` ms until it holds; fails after `timeout` ms.
/// (page.waitForFunction does not await an async predicate: its promise counts as true.)
async function until(condition, { timeout = 10_000, every = 50, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    assert.ok(Date.now() < end, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

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
  await until(async () => (await clipboardText()) === '', { timeout: 3000, what: 'the clipboard to be cleared at the lock' });
  await unlock(page);
});

test('a copied code is cleared after the time chosen in Settings; a later copy of other text is kept', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const select = page.getByLabel('Clear a copied code from the clipboard after');
  assert.equal(await select.inputValue(), '30', 'the default is 30 seconds');
  await select.selectOption('15');
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  const code = await copyCode();
  await until(async () => (await clipboardText()) === code, { what: 'the code on the clipboard' });
  const copiedAt = Date.now();
  await page.locator('.toast').filter({ hasText: 'in 15 seconds' }).waitFor();
  await until(async () => (await clipboardText()) === '', { timeout: 20_000, every: 250, what: 'the clipboard to be cleared' });
  const elapsed = Date.now() - copiedAt;
  assert.ok(elapsed >= 14_000 && elapsed < 19_000, `cleared after ${elapsed} ms`);
  assert.notEqual(code, '');

  // Something else copied after the code stays where the user put it.
  const again = await copyCode();
  await until(async () => (await clipboardText()) === again, { what: 'the code on the clipboard' });
  await page.evaluate(() => navigator.clipboard.writeText('my own note'));
  await lockVault();
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(await clipboardText(), 'my own note');
  await unlock(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Clear a copied code from the clipboard after').selectOption('30');
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
});

/// Reads (or writes) a record of the page's IndexedDB: the vault's records are in store 'vault',
/// 'failures' and 'highestRevision' in store 'meta'.
const storeOf = (key) => (['failures', 'highestRevision'].includes(key) ? 'meta' : 'vault');

function idbRecord(key) {
  return page.evaluate(([name, storeName]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('authenticator');
    open.onsuccess = () => {
      const request = open.result.transaction(storeName).objectStore(storeName).get(name);
      request.onsuccess = () => {
        const value = request.result;
        open.result.close();
        resolve(value && value.bytes ? { revision: value.revision, bytes: Array.from(value.bytes) } : value);
      };
      request.onerror = () => reject(request.error);
    };
    open.onerror = () => reject(open.error);
  }), [key, storeOf(key)]);
}

function putIdbRecord(key, value) {
  return page.evaluate(([name, record, storeName]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('authenticator');
    open.onsuccess = () => {
      const transaction = open.result.transaction(storeName, 'readwrite');
      transaction.objectStore(storeName).put(record && record.bytes ? { ...record, bytes: new Uint8Array(record.bytes), savedAt: Date.now() } : record, name);
      transaction.oncomplete = () => {
        open.result.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  }), [key, value, storeOf(key)]);
}

/// Types a wrong password and waits until the page has counted it (failures == `count`).
async function wrongUnlock(count, password = 'not the password at all') {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  for (let tries = 0; (await idbRecord('failures'))?.count !== count; tries++) {
    assert.ok(tries < 100, `failure ${count} was not counted`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.locator('.problem[role="alert"]').filter({ hasText: 'Wrong password.' }).waitFor();
}

test('wrong passwords wait, also after a reload, and on the restore screen', async () => {
  await lockVault();
  // The page's clock is fixed (Date.now() stands still): it is moved on by hand, ten minutes per try.
  const at = (seconds) => page.clock.setFixedTime((FIXED_TIME + seconds) * 1000);
  for (let i = 1; i <= 3; i++) {
    await at(i * 600);
    await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor();
    await wrongUnlock(i);
  }
  await page.locator('.problem[role="alert"]').filter({ hasText: 'Wrong password. Try again in 2 seconds.' }).waitFor();
  assert.equal(await idbRecord('failures').then((record) => record.count), 3, 'the count is kept in IndexedDB');

  // A reload does not reset it: the page's clock is fixed, so the 2 seconds never pass by themselves.
  await page.reload();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await page.locator('.problem[role="alert"]').filter({ hasText: 'Try again in 2 seconds.' }).waitFor();
  // Even once the button's countdown ends, the right password is refused while the stored wait lasts.
  await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor({ timeout: 5000 });
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('.problem[role="alert"]').filter({ hasText: 'Try again in 2 seconds.' }).waitFor();
  await page.waitForTimeout(1500);
  assert.equal(await page.getByRole('heading', { name: 'Accounts', exact: true }).count(), 0, 'the right password is not even tried while the wait lasts');

  // The restore screen shares the wait.
  await page.getByRole('button', { name: 'Restore from a backup file' }).click();
  await page.getByRole('heading', { name: 'Restore a backup' }).waitFor();
  await page.locator('.problem[role="alert"]').filter({ hasText: 'Try again in 2 seconds.' }).waitFor();
  await page.getByLabel('Backup file').setInputFiles({ name: 'backup.authvault', mimeType: 'application/octet-stream', buffer: Buffer.from((await idbRecord('current')).bytes) });
  await page.getByLabel('Password of the backup').fill('not the password at all');
  await at(1800 + 3);
  await page.getByRole('button', { name: 'Restore' }).and(page.locator(':enabled')).waitFor({ timeout: 5000 });
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('button', { name: 'Replace' }).click();
  await page.locator('.problem[role="alert"]').filter({ hasText: 'Wrong password for this backup. Try again in 4 seconds.' }).waitFor();
  assert.equal(await idbRecord('failures').then((record) => record.count), 4);

  // Time passes; the right password opens the vault and clears the count.
  await at(1800 + 10);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor({ timeout: 6000 });
  await unlock(page);
  assert.equal(await idbRecord('failures'), undefined, 'cleared on success');
  await page.clock.setFixedTime(FIXED_TIME * 1000);
});

test('an older vault put back into IndexedDB is noticed after unlock, until the user keeps it', async () => {
  const old = await idbRecord('current');
  await addByUri(page, 'otpauth://totp/Later:anna?secret=JBSWY3DPEHPK3PXP&issuer=Later');
  const newer = await idbRecord('current');
  assert.ok(newer.revision > old.revision);
  assert.equal(await idbRecord('highestRevision'), newer.revision);
  assert.equal(await page.evaluate(() => localStorage.getItem('authenticator.highestRevision')), String(newer.revision));
  await lockVault();
  // The attacker puts back the old record AND the old highest revision in IndexedDB: the
  // localStorage mirror still knows better.
  await putIdbRecord('current', old);
  await putIdbRecord('highestRevision', old.revision);
  await unlock(page);
  const banner = page.locator('.banner.rollback');
  await banner.waitFor();
  assert.match(await banner.textContent(), new RegExp(`version ${old.revision}, but version ${newer.revision} was seen`));
  assert.equal(await row(page, 'Later').count(), 0, 'the old copy lacks the newer account');
  await banner.getByRole('button', { name: 'Keep this version' }).click();
  await banner.waitFor({ state: 'detached' });
  await lockVault();
  await unlock(page);
  assert.equal(await page.locator('.banner.rollback').count(), 0, 'kept: no more warning');
});

test('files over 16 MiB are refused before reading, on import and on restore', async () => {
  const huge = { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(16 * 1024 * 1024 + 1, 0x20) };
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  await page.getByLabel('Export file').setInputFiles(huge);
  await page.getByText('This file is too large (over 16 MiB).').waitFor();
  // Settings now merges a backup (issue 13); the replacing restore is the locked screen's.
  await lockVault();
  await page.getByRole('button', { name: 'Restore from a backup file' }).click();
  await page.getByLabel('Backup file').setInputFiles({ ...huge, name: 'huge.authvault' });
  await page.getByLabel('Password of the backup').fill(PASSWORD);
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByText('This file is too large (over 16 MiB).').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Replace' }).count(), 0, 'refused before asking to replace anything');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await unlock(page);
});

test('a password change leaves no copy under the old password in IndexedDB and offers a new backup', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const NEW_PASSWORD = 'a completely different passphrase';
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByLabel('Repeat the password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  const notice = page.locator('.password-changed');
  await notice.filter({ hasText: 'still open with the OLD password' }).waitFor();
  const [current, previous] = [await idbRecord('current'), await idbRecord('previous')];
  assert.deepEqual(previous, current, '"previous" was overwritten with the new file');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download a new backup' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.authvault$/);
  await lockVault();
  await wrongUnlock(1, PASSWORD);
  await unlock(page, NEW_PASSWORD);
  // Back to the usual password for the tests that follow.
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Current password').fill(NEW_PASSWORD);
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await notice.waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
});

test('an import runs in a throw-away worker that is gone afterwards; the vault stays open', async (t) => {
  const plain = path.join(sharedDataDir, 'importers', 'plain.txt');
  assert.ok(existsSync(plain), `${plain} is missing: ../shared/data/ must lie beside the clone`);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  const before = workers.length;
  await page.getByLabel('Export file').setInputFiles(plain);
  await page.locator('#import-preview-title').waitFor();
  const started = workers.slice(before).filter((worker) => worker.url.endsWith('/js/worker/import-worker.js'));
  assert.equal(started.length, 1, 'one import worker for the file');
  for (let tries = 0; !started[0].closed; tries++) {
    assert.ok(tries < 50, 'the import worker is terminated once the file is read');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await row(page, 'authentik').waitFor();
  return undefined;
});

test('Trusted Types are enforced: no violation in the flows above, and a plain string cannot start a worker', async () => {
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  const refused = await page.evaluate(() => {
    const outcomes = [];
    try {
      new Worker('js/worker/authcore-worker.js', { type: 'module' }).terminate();
      outcomes.push('worker from a string: allowed');
    } catch (error) {
      outcomes.push(`worker from a string: ${error.name}`);
    }
    try {
      trustedTypes.createPolicy('another-policy', { createScriptURL: (url) => url });
      outcomes.push('second policy: allowed');
    } catch (error) {
      outcomes.push(`second policy: ${error.name}`);
    }
    return outcomes;
  });
  assert.deepEqual(refused, ['worker from a string: TypeError', 'second policy: TypeError']);
  // Those two refusals were reported as violations, so the recorder does see them.
  for (let tries = 0; (await page.evaluate(() => window.violations.length)) < 2; tries++) {
    assert.ok(tries < 20, 'the refusals were reported');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.evaluate(() => { window.violations.length = 0; });
  // The page's own console errors for those two refusals are expected: drop them from the list.
  for (let i = errors.length - 1; i >= 0; i--) if (/TrustedScriptURL|Trusted Type|trusted-types|another-policy/i.test(errors[i])) errors.splice(i, 1);
});

test('auto-lock: a laptop that slept past the idle time is locked when it wakes', async () => {
  await page.clock.install({ time: FIXED_TIME * 1000 });
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Lock automatically when not used for').selectOption('5');
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await page.clock.runFor(60_000);
  // Asleep for an hour: the wall clock jumps, no timer runs and performance.now() stays put.
  await page.clock.setSystemTime((FIXED_TIME + 3_661) * 1000);
  assert.equal(await page.getByRole('heading', { name: 'Unlock your vault' }).count(), 0);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await page.getByText('The vault was locked because the app was not used for a while.').waitFor();
  await unlock(page);
});

test('with "lock when hidden", leaving the page (pagehide) or a frozen page locks at once', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Also lock when I switch to another tab or app').check();
  // Unlocking returns to the screen the lock interrupted (Settings).
  const unlockToSettings = async () => {
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  };
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await page.getByText('The vault was locked when you left the page.').waitFor();
  await unlockToSettings();
  await page.evaluate(() => document.dispatchEvent(new Event('freeze')));
  await page.getByText('The vault was locked when you left the page.').waitFor();
  await unlockToSettings();
  await page.getByLabel('Also lock when I switch to another tab or app').uncheck();
  // Without the setting, leaving the page does not lock.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('heading', { name: 'Unlock your vault' }).count(), 0);
});

test('no page error and no request outside the origin along the way', () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(profile.foreign, []);
});
