// Issue 11: secrets never reach the page on the add paths. Every message the workers send to the
// page is recorded (support/worker-messages.mjs) while a QR image file is scanned, a link pasted, a
// key typed, a Google Authenticator export scanned, another app's file imported (the import worker
// stages its accounts in the vault worker over a port) and the codes shown; none may hold a secret
// in Base32, hex, Base64 or as raw bytes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveWeb, sharedDataDir } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { FIXED_TIME, oathtool, createVault, goToAdd, rowCode } from './support/app.mjs';
import { writePng } from './support/qr-images.mjs';
import { recordWorkerMessages, secretForms, leaks } from './support/worker-messages.mjs';

// 20 bytes each, distinct, so a leak names its path.
const SECRETS = {
  scanned: Buffer.from('scanned-file-secret!'),
  pasted: Buffer.from('pasted-link-secret!!'),
  typed: Buffer.from('typed-by-hand-secret'),
  // The key inside the Google Authenticator export below (tests/e2e/scan.test.mjs uses it too).
  migration: Buffer.from('48656c6c6f21deadbeef', 'hex'),
};
const MIGRATION = 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACjr4JKiBA%3D%3D';
// A shared fixture (Aegis, plain JSON): seven accounts, TOTP, HOTP and Steam.
const AEGIS = path.join(sharedDataDir, 'importers', 'aegis_plain.json');
const IMPORTED = JSON.parse(readFileSync(AEGIS, 'utf8')).db.entries.map((entry) => ({ issuer: entry.issuer, base32: entry.info.secret, type: entry.type }));
const fromBase32 = (text) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.replace(/=+$/, '')].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
};
for (const { issuer, base32 } of IMPORTED) SECRETS[`imported ${issuer}`] = fromBase32(base32);
const base32 = (name) => secretForms(SECRETS[name]).base32;
const link = (issuer, name) => `otpauth://totp/${issuer}:${name}?secret=${base32(name)}&issuer=${issuer}`;
const totpAt = (name) => oathtool('--totp', '-b', base32(name), '--now', `@${FIXED_TIME}`);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-secret-messages-'));
let web;
let profile;
let page;
let errors;

before(async () => {
  web = await serveWeb();
  ({ profile, page, errors } = await openFreshApp(web.url));
  // From the first script on: the app's workers are created after this reload.
  await profile.context.addInitScript(recordWorkerMessages);
  await page.reload();
  await createVault(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
});

after(async () => {
  await profile?.close();
  await web?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function confirmCardCode() {
  const card = page.locator('.confirm-card');
  await card.locator('.code-digits').filter({ hasText: /\d/ }).waitFor();
  return (await card.locator('.code-digits').textContent()).replace(/\s/g, '');
}

const messages = () => page.evaluate(() => window.workerMessages);

test('the detector finds a secret in every form it looks for (so the checks below can fail)', () => {
  const secret = SECRETS.scanned;
  const forms = secretForms(secret);
  assert.deepEqual(leaks({ strings: [link('Scanned', 'scanned')], bytes: [] }, secret), ['base32']);
  assert.deepEqual(leaks({ strings: [forms.base32.toLowerCase().replace(/(.{4})/g, '$1 ')], bytes: [] }, secret), ['base32']);
  assert.deepEqual(leaks({ strings: [`key ${forms.hex.toUpperCase()}`], bytes: [] }, secret), ['hex']);
  assert.deepEqual(leaks({ strings: [], bytes: [`00${forms.hex}00`] }, secret), ['raw bytes']);
  assert.deepEqual(leaks({ strings: [], bytes: [Buffer.from(link('Scanned', 'scanned')).toString('hex')] }, secret), ['base32']);
  assert.deepEqual(leaks({ strings: [forms.base64], bytes: [] }, secret), ['base64']);
  assert.deepEqual(leaks({ strings: ['otpauth://totp/x?issuer=y', '123456'], bytes: ['00ff'] }, secret), []);
});

test('scan a QR image file: the card shows oathtool\'s code, the account is saved', async () => {
  const file = path.join(tmp, 'scanned.png');
  writePng(file, link('Scanned', 'scanned'));
  await page.locator('input[type=file][multiple]').setInputFiles(file);
  assert.equal(await confirmCardCode(), totpAt('scanned'));
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
});

test('paste a link: the same', async () => {
  await goToAdd(page);
  await page.getByLabel('otpauth:// link').fill(link('Pasted', 'pasted'));
  await page.getByRole('button', { name: 'Check link' }).click();
  assert.equal(await confirmCardCode(), totpAt('pasted'));
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
});

test('type a key (lower case, in groups): checked as typed, saved', async () => {
  await goToAdd(page);
  await page.getByLabel('Issuer').fill('Typed');
  await page.getByLabel('Setup key').fill(base32('typed').toLowerCase().replace(/(.{4})(?!$)/g, '$1 '));
  await page.getByText('Valid key (160 bits).').waitFor();
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
});

test('scan a Google Authenticator export: its account is staged and saved from the notice', async () => {
  await goToAdd(page);
  const file = path.join(tmp, 'migration.png');
  writePng(file, MIGRATION);
  await page.locator('input[type=file][multiple]').setInputFiles(file);
  await page.getByText('This is an export from Google Authenticator').waitFor();
  await page.getByRole('button', { name: 'Import 1 account' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
});

test('import another app\'s file: previews only, then every account saved', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Export file').setInputFiles(AEGIS);
  await page.getByRole('button', { name: `Import ${IMPORTED.length} accounts` }).click();
  await page.getByText(`${IMPORTED.length} accounts imported.`).first().waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
});

test('show codes: every account shows oathtool\'s code', async () => {
  assert.equal(await rowCode(page, 'Scanned'), totpAt('scanned'));
  assert.equal(await rowCode(page, 'Pasted'), totpAt('pasted'));
  assert.equal(await rowCode(page, 'Typed'), totpAt('typed'));
  assert.equal(await rowCode(page, 'Example'), oathtool('--totp', '-b', secretForms(SECRETS.migration).base32, '--now', `@${FIXED_TIME}`));
  const deno = IMPORTED.find((account) => account.issuer === 'Deno');
  assert.equal(await rowCode(page, 'Deno'), oathtool('--totp', '-b', deno.base32, '--now', `@${FIXED_TIME}`));
});

test('no message from a worker to the page held any of the secrets', async () => {
  const recorded = await messages();
  // The recorder saw the flows: staged previews, candidate codes and the list's codes came through it.
  const said = (word) => recorded.some((message) => message.strings.includes(word));
  assert.ok(said('candidates') && said('secondsRemaining') && said('codes') && said('added'), 'the recorder saw the add paths');
  assert.ok(said('format'), 'the recorder saw the import worker\'s answer');
  const found = [];
  for (const [index, message] of recorded.entries()) {
    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const form of leaks(message, secret)) found.push(`message ${index}: the ${name} secret as ${form}`);
    }
  }
  assert.deepEqual(found, []);
});

test('no errors on the page', () => {
  assert.deepEqual(errors, []);
});
