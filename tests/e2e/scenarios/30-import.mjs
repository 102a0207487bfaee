// Importing an encrypted Aegis export in every engine: a file chosen through the page's file field,
// a wrong password, the preview, then codes equal to oathtool's.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from '../support/browser.mjs';
import { FIXED_TIME, oathtool, heading, button, navButton, newVaultOnAddPage, rowCode } from '../support/flows.mjs';

const IMPORTERS = path.join(sharedDataDir, 'importers');
const PLAIN_FILE = path.join(IMPORTERS, 'plain.txt');

function secretOf(issuer) {
  // A missing fixture fails the test (never a silent pass): readFileSync throws with the path.
  const uris = readFileSync(PLAIN_FILE, 'utf8').trim().split('\n');
  return new URL(uris.find((uri) => new URL(uri).searchParams.get('issuer') === issuer)).searchParams.get('secret');
}

export const scenario = {
  name: 'import',
  clock: FIXED_TIME,
  async setup({ page }) {
    await newVaultOnAddPage(page);
  },
  steps: [
    {
      name: 'an encrypted Aegis export: wrong password, the preview of seven accounts, then their codes',
      // WebKitGTK 2.50 trapped here ("Out of bounds memory access") or timed out waiting for "Wrong
      // password" while the wasm's exception handlers were not padded (tools/pad-catch.mjs): its
      // interpreter skips a handler whose try block ends in a call. This step is the regression test.
      async run({ page }) {
        assert.ok(existsSync(path.join(IMPORTERS, 'aegis_encrypted.json')), `fixture missing: ${IMPORTERS}/aegis_encrypted.json`);
        await page.click(navButton('Settings'));
        await page.click(button('Import'));
        await page.waitFor(heading('Import'));
        await page.upload({ label: 'Export file' }, [path.join(IMPORTERS, 'aegis_encrypted.json')]);
        await page.waitFor({ text: 'This file is encrypted.' });
        await page.fill('Password of the export file', 'nope');
        await page.click(button('Open file'));
        await page.waitFor({ text: 'Wrong password for this file.' }, { timeout: 60_000 });
        await page.fill('Password of the export file', 'test');
        await page.click(button('Open file'));
        await page.waitFor(heading('7 accounts found'), { timeout: 60_000 });
        assert.deepEqual(await page.texts({ css: 'tbody tr td:first-child' }), ['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE', 'Boeing']);
        await page.click(button('Import 7 accounts'));
        await page.waitFor({ text: '7 accounts imported.' });
        await page.click(navButton('Accounts'));
        assert.equal(await rowCode(page, 'Deno'), oathtool('--totp', '-b', secretOf('Deno'), '--now', `@${FIXED_TIME}`));
        assert.equal(await rowCode(page, 'SPDX'), oathtool('--totp=sha256', '-d', '7', '-s', '20', '-b', secretOf('SPDX'), '--now', `@${FIXED_TIME}`));
        assert.equal(await rowCode(page, 'Airbnb'), oathtool('--totp=sha512', '-d', '8', '-s', '50', '-b', secretOf('Airbnb'), '--now', `@${FIXED_TIME}`));
        await page.click(button('Next code for Issuu James'));
        assert.equal(await rowCode(page, 'Issuu'), oathtool('--hotp', '-c', '1', '-b', secretOf('Issuu')));
        assert.match(await rowCode(page, 'Boeing'), /^[2-9BCDFGHJKMNPQRTVWXY]{5}$/, 'a Steam code');
      },
    },
    {
      name: 'no page errors, no dialogs, no request outside the origin',
      async run({ page, foreign }) {
        assert.deepEqual(await page.collectErrors(), []);
        assert.deepEqual(foreign(), []);
      },
    },
  ],
};
