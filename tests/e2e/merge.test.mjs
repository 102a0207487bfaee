// Restoring a backup merges it (issue 13): two browser profiles ("two laptops") each add accounts,
// one of them the same account on both; laptop A deletes that one and downloads a backup; laptop B
// merges the backup after a preview (A's account added, the deleted one removed, B's own kept), the
// result survives a reload, the Import screen sends a backup file to the same merge, and replacing
// the vault with the backup remains an explicit choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveWeb } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { FIXED_TIME, oathtool, unlock, saveLink, addByUri, row, rowCode } from './support/app.mjs';

const PASSWORD_A = 'zaļš kalns četras ābeles';
const PASSWORD_B = 'zils ezers septiņi bērzi';
const SECRET_ALPHA = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SECRET_SHARED = 'JBSWY3DPEHPK3PXP';
const SECRET_BETA = 'MFRGGZDFMZTWQ2LK';
const uri = (issuer, secret) => `otpauth://totp/${encodeURIComponent(`${issuer}:user`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;

let web;
let laptopA;
let laptopB;
let backup;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-merge-e2e-'));

async function freshLaptop(password) {
  const laptop = await openFreshApp(web.url);
  const { page } = laptop;
  page.setDefaultTimeout(90_000); // two Argon2id vaults (64 MiB) on a shared 2-core machine
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByLabel('I understand that a forgotten password cannot be recovered').check();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('heading', { name: 'Your vault is ready' }).waitFor();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  return laptop;
}

async function issuers(page) {
  return (await page.locator('.account-issuer').allTextContents()).map((text) => text.trim()).sort();
}

async function openSettings(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
}

async function previewBackup(page, password) {
  await page.getByLabel('Password of the backup').fill(password);
  await page.getByRole('button', { name: 'Show what will change' }).click();
}

before(async () => {
  web = await serveWeb();
  laptopA = await freshLaptop(PASSWORD_A);
  laptopB = await freshLaptop(PASSWORD_B);
});

after(async () => {
  await laptopA?.profile.close();
  await laptopB?.profile.close();
  await web?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('laptop A: two accounts, one deleted again, then a backup', async () => {
  const { page } = laptopA;
  await saveLink(page, uri('Alpha', SECRET_ALPHA));
  await row(page, 'Alpha').waitFor();
  await addByUri(page, uri('Shared', SECRET_SHARED));
  // Laptop B adds the same account (and its own) before A deletes it here.
  await saveLink(laptopB.page, uri('Beta', SECRET_BETA));
  await row(laptopB.page, 'Beta').waitFor();
  await addByUri(laptopB.page, uri('Shared', SECRET_SHARED));

  await page.getByRole('button', { name: 'Edit Shared user' }).click();
  await page.getByRole('dialog', { name: 'Edit account' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete this account?' }).getByRole('button', { name: 'Delete' }).click();
  await page.locator('.toast').filter({ hasText: 'deleted' }).waitFor();
  assert.deepEqual(await issuers(page), ['Alpha']);

  await openSettings(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download encrypted backup' }).click()]);
  backup = path.join(tmp, download.suggestedFilename());
  await download.saveAs(backup);
});

test('laptop B: restoring the backup previews the merge, then merges', async () => {
  const { page } = laptopB;
  await openSettings(page);
  await page.getByRole('button', { name: 'Restore or merge a backup' }).click();
  await page.getByRole('heading', { name: 'Merge a backup' }).waitFor();
  await page.getByLabel('Backup file').setInputFiles(backup);
  await previewBackup(page, 'not the password');
  await page.getByText('Wrong password for this backup.').waitFor();

  await previewBackup(page, PASSWORD_A);
  const preview = page.getByRole('region', { name: 'What merging will change' });
  await preview.waitFor();
  await preview.getByText('Adds 1, updates 0, removes 1, leaves 1 unchanged.').waitFor();
  const rows = await preview.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows, [['Alpha', 'user', 'Added'], ['Shared', 'user', 'Removed (deleted on the other device)']]);
  // Nothing is saved before the user agrees.
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  assert.deepEqual(await issuers(page), ['Beta', 'Shared']);

  await openSettings(page);
  await page.getByRole('button', { name: 'Restore or merge a backup' }).click();
  await page.getByLabel('Backup file').setInputFiles(backup);
  await previewBackup(page, PASSWORD_A);
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  await page.locator('.toast').filter({ hasText: 'Backup merged.' }).waitFor();
  assert.deepEqual(await issuers(page), ['Alpha', 'Beta']);
  assert.equal(await rowCode(page, 'Alpha'), oathtool('--totp', '-b', SECRET_ALPHA, '--now', `@${FIXED_TIME}`));

  // Saved, under B's own password.
  await page.reload();
  await unlock(page, PASSWORD_B);
  assert.deepEqual(await issuers(page), ['Alpha', 'Beta']);
});

test('laptop B: a backup chosen on the Import screen goes to the same merge', async () => {
  const { page } = laptopB;
  await openSettings(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Export file').setInputFiles(backup);
  await page.getByRole('heading', { name: 'Merge a backup' }).waitFor();
  assert.equal(await page.getByLabel('Backup file').count(), 0, 'the file is already chosen');
  await previewBackup(page, PASSWORD_A);
  await page.getByText('This backup holds nothing that is not already here.').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  assert.deepEqual(await issuers(page), ['Alpha', 'Beta']);
});

test('laptop B: replacing with the backup is an explicit, confirmed choice', async () => {
  const { page } = laptopB;
  await openSettings(page);
  await page.getByRole('button', { name: 'Restore or merge a backup' }).click();
  await page.getByLabel('Backup file').setInputFiles(backup);
  await previewBackup(page, PASSWORD_A);
  await page.getByRole('button', { name: 'Replace with the backup instead' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace the vault in this browser?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByRole('heading', { name: 'Merge a backup' }).count(), 1);

  await page.getByRole('button', { name: 'Replace with the backup instead' }).click();
  await confirm.getByRole('button', { name: 'Replace' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  assert.deepEqual(await issuers(page), ['Alpha']);
  // The replaced vault is the backup itself: A's password opens it now.
  await page.reload();
  await unlock(page, PASSWORD_A);
  assert.deepEqual(await issuers(page), ['Alpha']);
});

test('no errors, no request outside the origin', () => {
  for (const laptop of [laptopA, laptopB]) {
    assert.deepEqual(laptop.errors, []);
    assert.deepEqual(laptop.profile.foreign, []);
  }
});
