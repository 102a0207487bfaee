// A vault whose password slot is below the KDF floor (tests/data/vault/fixture-v1.vault: Argon2id at
// 256 KiB, written once by the CLI before the floor existed) is upgraded at unlock: the core re-wraps
// the slot at the default, and the page stores that file like any change (compute, persist,
// confirm). The next unlock finds nothing to upgrade.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serveWeb, launchProfile, projectRoot } from './support/browser.mjs';
import { watchErrors, openApp, unlock, FIXED_TIME } from './support/app.mjs';

const FIXTURE = readFileSync(path.join(projectRoot, 'tests/data/vault/fixture-v1.vault'));
const FIXTURE_PASSWORD = 'Fixture pārole 1';

let web;
let profile;
let page;
let errors;

function currentRecord() {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('authenticator');
    open.onsuccess = () => {
      const request = open.result.transaction('vault').objectStore('vault').get('current');
      request.onsuccess = () => {
        open.result.close();
        const { revision, bytes } = request.result;
        resolve({ revision, bytes: Array.from(bytes) });
      };
      request.onerror = () => reject(request.error);
    };
    open.onerror = () => reject(open.error);
  }));
}

before(async () => {
  web = await serveWeb();
  profile = await launchProfile({ origin: web.url });
  page = await profile.context.newPage();
  errors = watchErrors(page);
  await openApp(page, web.url, { time: FIXED_TIME });
  await page.getByRole('button', { name: 'Create vault' }).waitFor(); // the app made its database
  // The weak file as this browser's stored vault, the way the page stores one (vault-store.js).
  await page.evaluate((bytes) => new Promise((resolve, reject) => {
    const open = indexedDB.open('authenticator');
    open.onsuccess = () => {
      const transaction = open.result.transaction('vault', 'readwrite');
      transaction.objectStore('vault').put({ bytes: new Uint8Array(bytes), revision: 1, savedAt: Date.now() }, 'current');
      transaction.oncomplete = () => {
        open.result.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
    open.onerror = () => reject(open.error);
  }), Array.from(FIXTURE));
  await page.reload();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
});

after(async () => {
  await profile?.close();
  await web?.close();
});

test('unlocking a vault below the KDF floor stores the upgraded file, which opens again', async () => {
  const before = await currentRecord();
  assert.deepEqual(before.bytes, Array.from(FIXTURE));
  await unlock(page, FIXTURE_PASSWORD);
  await page.getByText('ACME Co').first().waitFor(); // the fixture's accounts (fixture-v1.txt)
  const upgraded = await currentRecord();
  assert.ok(upgraded.revision > before.revision, 'the upgrade is a save of its own, a new revision');
  assert.notDeepEqual(upgraded.bytes, before.bytes);

  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await unlock(page, FIXTURE_PASSWORD);
  await page.getByText('ACME Co').first().waitFor();
  const again = await currentRecord();
  assert.equal(again.revision, upgraded.revision, 'nothing left to upgrade');
  assert.deepEqual(again.bytes, upgraded.bytes);
});

test('no errors', () => {
  assert.deepEqual(errors, []);
});
