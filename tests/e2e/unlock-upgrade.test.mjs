// Unlock may return {upgraded: true, file, revision} (the core re-wraps a slot below the KDF floor at
// the default); the page must then store that file like any save. Until a build with a weak-slot
// vault fixture exists, the vault worker's answer is amended in flight: a wrapper script (served in
// place of js/worker/authcore-worker.js, service worker blocked) adds the fields to every successful
// vaultUnlock, with the same bytes as the new file so the vault still opens afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb, launchProfile } from './support/browser.mjs';
import { watchErrors, openApp, createVault, unlock, FIXED_TIME } from './support/app.mjs';


// Two static imports, evaluated in order: the recorder's listener is registered before the real
// worker's (listeners run in that order, and the real one replies within its own turn), and both
// exist before the page's first message is dispatched.
const WRAPPER = `
import './authcore-worker.js?recorder';
import './authcore-worker.js?real';
`;
const RECORDER = `
const unlockIds = new Map();
self.addEventListener('message', (event) => {
  if (event.data?.action === 'vaultUnlock') unlockIds.set(event.data.id, new Uint8Array(event.data.args[0]));
});
const post = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => {
  const file = unlockIds.get(message?.id);
  unlockIds.delete(message?.id);
  if (file && message.result && !message.result.error) {
    message = { ...message, result: { ...message.result, upgraded: true, file, revision: message.result.revision } };
  }
  return post(message, ...rest);
};
`;

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
        resolve({ revision: request.result.revision, savedAt: request.result.savedAt, size: request.result.bytes.length });
      };
      request.onerror = () => reject(request.error);
    };
  }));
}

before(async () => {
  web = await serveWeb();
  profile = await launchProfile({ origin: web.url, serviceWorkers: 'block' });
  await profile.context.route((url) => url.pathname.endsWith('/js/worker/authcore-worker.js') && ['', '?recorder'].includes(url.search),
    (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: new URL(route.request().url()).search ? RECORDER : WRAPPER }));
  page = await profile.context.newPage();
  errors = watchErrors(page);
  await openApp(page, web.url, { time: FIXED_TIME });
  await createVault(page);
});

after(async () => {
  await profile?.close();
  await web?.close();
});

test('an unlock that reports an upgraded file stores it like any save, and the vault still opens', async () => {
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  const before = await currentRecord();
  await page.clock.setFixedTime((FIXED_TIME + 60) * 1000); // savedAt comes from Date.now()
  await unlock(page);
  const after = await currentRecord();
  assert.equal(after.savedAt, (FIXED_TIME + 60) * 1000, 'the upgraded file was written at unlock');
  assert.equal(after.size, before.size);
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await unlock(page);
});

test('no errors', () => {
  assert.deepEqual(errors, []);
});
