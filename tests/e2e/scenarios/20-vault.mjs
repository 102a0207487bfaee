// The vault across reloads, tabs, files and the network, in every engine: reload comes back locked
// and unlocks to the same codes, repeated wrong passwords wait, two tabs never overwrite each other,
// a downloaded backup restores in a fresh profile, and after one visit the app works offline.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PASSWORD, FIXED_TIME, oathtool, heading, button, navButton, newVaultOnAddPage, unlock, addByUri, saveLink, rowCode, rowCount, hasRow, storedRevision } from '../support/flows.mjs';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const uri = (issuer, name = 'user') => `otpauth://totp/${encodeURIComponent(`${issuer}:${name}`)}?secret=${SECRET}&issuer=${encodeURIComponent(issuer)}`;
const CODE = () => oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`);

export const scenario = {
  name: 'vault',
  clock: FIXED_TIME,
  async setup({ page }) {
    await newVaultOnAddPage(page);
    await saveLink(page, uri('Alpha'));
    await page.waitFor(heading('Accounts'));
  },
  steps: [
    {
      // The worker and the service worker pick the SIMD build where the engine validates this probe
      // (web/js/worker/wasm-flavour.js): every engine tested here should, so none of them runs the
      // slower baseline build by accident. (That the worker then loads it is shown in Chromium by
      // tests/e2e/pwa.test.mjs: only the SIMD build is cached, and the app works offline.)
      name: 'the engine passes the WebAssembly SIMD check that picks the SIMD build',
      async run({ page }) {
        const simd = await page.evaluate(async () => {
          const sw = await (await fetch('./sw.js')).text();
          const { wasmBuilds } = JSON.parse(sw.match(/^const PRECACHE = (.*);$/m)[1]);
          return WebAssembly.validate(new Uint8Array(wasmBuilds.simdProbe));
        });
        assert.equal(simd, true);
      },
    },
    {
      name: 'a reload comes back locked, and the same password shows the same codes',
      async run({ page }) {
        await page.reload();
        await page.waitFor(heading('Unlock your vault'), { timeout: 30_000 });
        assert.equal(await rowCount(page), 0);
        await unlock(page);
        assert.equal(await rowCode(page, 'Alpha'), CODE());
      },
    },
    {
      name: 'wrong passwords say so, and the third adds a short wait',
      async run({ page }) {
        await page.click(navButton('Lock'));
        for (let attempt = 1; attempt <= 3; attempt++) {
          await page.fill('Password', `not the password ${attempt}`);
          await page.click(button('Unlock'));
          await page.waitFor({ text: /^Wrong password\./ });
          if (attempt < 3) await page.waitFor(button('Unlock'));
        }
        await page.waitFor({ text: /Try again in 2 seconds/ });
        await page.waitFor(button('Unlock'), { timeout: 5000 });
        await unlock(page);
      },
    },
    {
      name: 'two tabs: a save in one locks the other, which then shows the newer data',
      async run({ profile, page }) {
        const other = await profile.newPage();
        try {
          await other.goto('/');
          await unlock(other);
          await page.bringToFront();
          await addByUri(page, uri('FromTabA'));
          await other.waitFor(heading('Unlock your vault'));
          await other.waitFor({ text: 'The vault was changed in another tab or window.' });
          await unlock(other);
          await rowCode(other, 'FromTabA');
          assert.equal(await storedRevision(other), await storedRevision(page));
        } finally {
          await other.close();
        }
        // The first tab was locked by the other's unlock? No: only a save locks the others. It stays usable.
        await page.bringToFront();
        await page.waitFor(heading('Accounts'));
      },
    },
    {
      name: 'backup download (encrypted), then restore in a fresh profile: wrong password, then the accounts',
      async run({ page, newProfile }) {
        await page.click(navButton('Settings'));
        await page.waitFor(heading('Settings'));
        const file = await page.download(() => page.click(button('Download encrypted backup', { within: 'main' })));
        assert.match(file.name, /^authenticator-backup-\d{4}-\d{2}-\d{2}\.authvault$/);
        assert.equal(file.bytes.includes(Buffer.from('Alpha')), false, 'the backup is encrypted');
        await page.waitFor({ text: /Last backup:/ });
        const dir = mkdtempSync(path.join(os.tmpdir(), 'authcore-backup-'));
        const saved = path.join(dir, file.name);
        writeFileSync(saved, file.bytes);
        const fresh = await newProfile();
        try {
          const other = await fresh.newPage();
          await other.goto('/');
          await other.waitFor(heading('Create your vault'), { timeout: 30_000 });
          await other.click(button('Restore from a backup file'));
          await other.upload({ label: 'Backup file' }, [saved]);
          await other.fill('Password of the backup', 'not it at all');
          await other.click(button('Restore'));
          await other.waitFor({ text: 'Wrong password for this backup.' }, { timeout: 60_000 });
          await other.fill('Password of the backup', PASSWORD);
          await other.click(button('Restore'));
          await other.waitFor(heading('Accounts'), { timeout: 60_000 });
          assert.equal(await rowCode(other, 'Alpha'), CODE());
          assert.ok(await hasRow(other, 'FromTabA'));
          assert.deepEqual(await other.collectErrors(), []);
        } finally {
          await fresh.close();
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
    {
      name: 'offline: after one online visit the app reloads and shows codes with the network down',
      async run({ page, web }) {
        // The service worker must control the page before the network goes.
        await page.waitUntil(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 30_000, message: 'for the service worker to take control' });
        web.setOffline(true);
        try {
          await page.reload();
          await unlock(page);
          // The fixed clock is a script from the network (see e2e-server.mjs), so offline the page
          // runs on the real clock: the code must be oathtool's for the page's own time.
          const before = Math.floor((await page.evaluate(() => Date.now())) / 1000);
          const code = await rowCode(page, 'Alpha');
          const after = Math.floor((await page.evaluate(() => Date.now())) / 1000);
          const expected = [before, after].map((time) => oathtool('--totp', '-b', SECRET, '--now', `@${time}`));
          assert.ok(expected.includes(code), `${code} is one of ${expected}`);
        } finally {
          web.setOffline(false);
        }
      },
    },
    {
      name: 'no page errors, no dialogs, no request outside the origin',
      async run({ page, foreign }) {
        const errors = (await page.collectErrors()).filter((line) => !/Failed to load resource|NetworkError|ERR_CONNECTION|ERR_EMPTY_RESPONSE|net::/.test(line));
        assert.deepEqual(errors, []);
        assert.deepEqual(foreign(), []);
      },
    },
  ],
};
