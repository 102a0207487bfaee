// Import and export through the Embind binding, as the page and its worker call them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAuthcore } from './loadModule.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const importers = path.join(process.env.AUTHCORE_SHARED_DATA_DIR ?? path.join(root, '..', 'shared', 'data'), 'importers');
const fixture = (name) => new Uint8Array(readFileSync(path.join(importers, name)));

const SEVEN = [
  'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno',
  'otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20',
  'otpauth://totp/Airbnb:Elijah?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA&issuer=Airbnb&algorithm=SHA512&digits=8&period=50',
  'otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&counter=1',
  'otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air%20Canada&algorithm=SHA256&digits=7&counter=50',
  'otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512&digits=8&counter=10300',
  'otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing',
];

// Accounts compared by their fields (not URI spelling), sorted by issuer.
const summary = (accounts) =>
  accounts
    .map(({ issuer, name, type, algorithm, digits, period, counter }) =>
      `${issuer}|${name}|${type}|${algorithm}|${digits}|${type === 'hotp' ? 'c' + counter : 'p' + period}`)
    .sort();

test('importFile reads the encrypted Aegis fixture with its password', async () => {
  const m = await loadAuthcore();
  const result = m.importFile(fixture('aegis_encrypted.json'), 'aegis_encrypted.json', 'test');
  assert.equal(result.error, undefined, JSON.stringify(result.error));
  assert.equal(result.format, 'aegis');
  assert.deepEqual(result.problems, []);
  assert.equal(result.migration, undefined);
  assert.deepEqual(summary(result.accounts), [
    'Air Canada|Benjamin|hotp|SHA256|7|c50',
    'Airbnb|Elijah|totp|SHA512|8|p50',
    'Boeing|Sophia|steam|SHA1|5|p30',
    'Deno|Mason|totp|SHA1|6|p30',
    'Issuu|James|hotp|SHA1|6|c1',
    'SPDX|James|totp|SHA256|7|p20',
    'WWE|Mason|hotp|SHA512|8|c10300',
  ]);
  const deno = result.accounts.find((a) => a.issuer === 'Deno');
  assert.match(deno.uri, /^otpauth:\/\/totp\/Deno:Mason\?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ/);
  assert.equal(typeof deno.counter, 'number');
});

test('every shared fixture imports through the binding', async () => {
  const m = await loadAuthcore();
  const plain = m.importFile(fixture('plain.txt'), 'plain.txt');
  const seven = summary(plain.accounts);
  assert.equal(seven.length, 7);
  const full = ['aegis_plain.json', 'andotp_plain.json', 'andotp_encrypted.bin',
    'ente_auth.txt', 'stratum_plain.json', 'stratum_encrypted.bin'];
  for (const name of full) {
    const result = m.importFile(fixture(name), name, name.includes('encrypted') ? 'test' : undefined);
    assert.equal(result.error, undefined, `${name}: ${JSON.stringify(result.error)}`);
    assert.deepEqual(summary(result.accounts), seven, name);
  }
  const counts = { '2fas_authenticator_encrypted_v3.2fas': 6, '2fas_authenticator_encrypted_v4.2fas': 5,
    '2fas_authenticator_encrypted.2fas': 4, 'andotp_encrypted_old.bin': 6, 'proton_authenticator.json': 3, 'freeotp_plus.json': 6, 'bitwarden.json': 4,
    'bitwarden.csv': 4 };
  for (const [name, count] of Object.entries(counts)) {
    const result = m.importFile(fixture(name), name, 'test');
    assert.equal(result.accounts?.length, count, `${name}: ${JSON.stringify(result.error ?? result.problems)}`);
  }
});

test('password errors are typed and carry no accounts', async () => {
  const m = await loadAuthcore();
  for (const name of ['aegis_encrypted.json', '2fas_authenticator_encrypted_v4.2fas', 'andotp_encrypted.bin']) {
    const missing = m.importFile(fixture(name), name);
    assert.equal(missing.error?.kind, 'password_required', name);
    assert.equal(missing.accounts, undefined);
    const wrong = m.importFile(fixture(name), name, 'not the password');
    assert.equal(wrong.error?.kind, 'wrong_password', name);
    assert.equal(wrong.accounts, undefined);
    assert.equal(m.importFile(fixture(name), name, undefined).error?.kind, 'password_required');
  }
});

test('unknown and malformed input', async () => {
  const m = await loadAuthcore();
  assert.equal(m.importText('hello').error.kind, 'unsupported_format');
  assert.equal(m.importText('{"version": 1, "header": {').error.kind, 'malformed_file');
  assert.equal(m.importFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'a.json').error.kind, 'unsupported_format');
  assert.equal(m.importFile(new Uint8Array(), 'empty.txt').error.kind, 'unsupported_format');
  assert.equal(m.importFile('not bytes', 'x').error.kind, 'invalid_argument');
  assert.equal(m.importText('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 42).error.kind, 'invalid_argument');
});

test('importText reads one migration QR and says where it sits', async () => {
  const m = await loadAuthcore();
  const accounts = Array.from({ length: 12 }, (_, i) =>
    `otpauth://totp/Svc${i}:user${i}?secret=JBSWY3DPEHPK3PX${'ABCDEFGHIJKL'[i]}`);
  const exported = m.exportAccounts(accounts, 'google-migration');
  assert.deepEqual(exported.skipped, []);
  assert.equal(exported.uris.length, 2);

  const first = m.importText(exported.uris[0]);
  assert.equal(first.format, 'google_migration');
  assert.equal(first.accounts.length, 10);
  assert.equal(first.migration.batchIndex, 0);
  assert.equal(first.migration.batchSize, 2);
  assert.equal(typeof first.migration.batchId, 'number');
  assert.equal(first.problems.length, 1);
  assert.equal(first.problems[0].index, -1);
  assert.match(first.problems[0].message, /2 of 2/);

  const second = m.importText(exported.uris[1]);
  assert.equal(second.migration.batchIndex, 1);
  assert.equal(second.migration.batchId, first.migration.batchId);
  const both = m.importText(exported.uris.join('\n'));
  assert.deepEqual(both.problems, []);
  assert.deepEqual(both.accounts.map((a) => a.uri), accounts.map((u) => m.importText(u).accounts[0].uri));
});

test('exportAccounts: every format re-imports to the same accounts', async () => {
  const m = await loadAuthcore();
  const original = summary(m.importText(SEVEN.join('\n')).accounts);
  for (const format of ['otpauth', 'aegis']) {
    const exported = m.exportAccounts(SEVEN, format);
    assert.deepEqual(exported.skipped, [], format);
    assert.equal(exported.uris, undefined);
    const back = m.importText(exported.text);
    assert.equal(back.format, format === 'aegis' ? 'aegis' : 'otpauth');
    assert.deepEqual(summary(back.accounts), original, format);
  }
  const migration = m.exportAccounts(SEVEN, 'google-migration');
  assert.deepEqual(migration.skipped.map((s) => s.index), [1, 2, 4, 6]);
  assert.match(migration.skipped[3].reason, /Boeing \(Sophia\).*Steam/);
  const back = m.importText(migration.uris[0]);
  assert.deepEqual(summary(back.accounts), original.filter((s) => /^(Deno|Issuu|WWE)\|/.test(s)));
});

test('exportAccounts skips unusable URIs and rejects unknown formats', async () => {
  const m = await loadAuthcore();
  const result = m.exportAccounts(['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'garbage', 7], 'otpauth');
  assert.deepEqual(result.skipped.map((s) => s.index), [1, 2]);
  assert.equal(result.text.trim().split('\n').length, 1);
  assert.equal(m.exportAccounts([], 'vault').error.kind, 'invalid_argument');
  assert.equal(m.exportAccounts('x', 'otpauth').error.kind, 'invalid_argument');
});
