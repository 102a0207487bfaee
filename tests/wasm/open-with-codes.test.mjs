// The worker's openWithCodes (web/js/worker/open-with-codes.js) against the real module: an unlock
// or a restore answers with the first codes, all of them for a small vault and those of the first
// accounts in the list's order for a large one, each equal to what vaultCodes gives on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcore } from './loadModule.mjs';
import { asThePage } from './asThePage.mjs';
import { openWithCodes, firstShownIds } from '../../web/js/worker/open-with-codes.js';

const FAST = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const PASSWORD = 'correct horse battery staple';
const UNIX = 1_700_000_000;
const SECRETS = ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'JBSWY3DPEHPK3PXP', 'MZXW6YQ', 'KRSXG5CTMVRXEZLUKN2XAZLSNFXGOZLS'];

/// Eight accounts: plain ones, one HOTP, a favourite added last and a group in the middle, so the
/// list's order (favourites, groups, the rest) differs from the vault's.
async function vaultOfEight() {
  const m = asThePage(await loadAuthcore());
  assert.equal(m.vaultCreate(PASSWORD, FAST).error, undefined);
  const add = (label, options = {}, type = 'totp') => {
    const secret = SECRETS[label.length % SECRETS.length];
    const added = m.vaultAddUri(`otpauth://${type}/Issuer${label}:${label}?secret=${secret}&issuer=Issuer${label}${type === 'hotp' ? '&counter=3' : ''}`, options);
    assert.equal(added.error, undefined, JSON.stringify(added.error));
    return added;
  };
  add('a');
  add('bb');
  add('ccc', { group: 'Work' });
  add('dddd', {}, 'hotp');
  add('eeeee', { group: 'Work' });
  add('ffffff');
  add('ggggggg');
  const last = add('hhhhhhhh', { favourite: true });
  return { m, file: last.file, entries: m.vaultEntries().entries };
}

const byId = (codes) => new Map(codes.map((item) => [item.id, item]));

test('firstShownIds follows the list: favourites, then groups, then the rest', async () => {
  const { entries } = await vaultOfEight();
  const label = (id) => entries.find((entry) => entry.id === id).name;
  assert.deepEqual(firstShownIds(entries, 5).map(label), ['hhhhhhhh', 'ccc', 'eeeee', 'a', 'bb']);
  assert.deepEqual(firstShownIds(entries, 100).length, 8);
  assert.deepEqual(firstShownIds([], 5), []);
});

test('a small vault: the unlock answers with every code, equal to vaultCodes', async () => {
  const { m, file, entries } = await vaultOfEight();
  m.vaultLock();
  const opened = openWithCodes(m, 'vaultUnlock', [file, PASSWORD], UNIX, 60);
  assert.equal(opened.error, undefined);
  assert.deepEqual(opened.entries, entries);
  assert.equal(opened.firstCodes.complete, true);
  assert.equal(opened.firstCodes.unix, UNIX);
  assert.deepEqual(opened.firstCodes.codes, m.vaultCodes(UNIX).codes);
  assert.equal(opened.firstCodes.codes.length, 8);
});

test('a large vault: the codes of the first accounts shown only, each equal to vaultCodes', async () => {
  const { m, file, entries } = await vaultOfEight();
  m.vaultLock();
  const opened = openWithCodes(m, 'vaultUnlock', [file, PASSWORD], UNIX, 3);
  assert.equal(opened.firstCodes.complete, false);
  const all = byId(m.vaultCodes(UNIX).codes);
  // vaultCodes answers in the vault's order, whatever the order of the ids asked for.
  assert.deepEqual(opened.firstCodes.codes.map((item) => item.id).sort(), firstShownIds(entries, 3).sort());
  for (const item of opened.firstCodes.codes) assert.deepEqual(item, all.get(item.id));
  assert.match(opened.firstCodes.codes[0].code, /^\d{6}$/);
});

test('a restore: the codes come with the confirmation that opens it', async () => {
  const { file } = await vaultOfEight();
  const m = await loadAuthcore();
  const restored = m.vaultRestore(file, PASSWORD);
  assert.equal(restored.error, undefined, JSON.stringify(restored.error));
  const opened = openWithCodes(m, 'sessionConfirmSaved', [restored.revision], UNIX, 4);
  assert.equal(opened.error, undefined, JSON.stringify(opened.error));
  assert.equal(opened.entries.length, 8);
  assert.equal(opened.firstCodes.complete, false);
  assert.equal(opened.firstCodes.codes.length, 4);
  const all = byId(m.vaultCodes(UNIX).codes);
  for (const item of opened.firstCodes.codes) assert.deepEqual(item, all.get(item.id));
});

test('a wrong password answers its error and no codes; other bindings are refused', async () => {
  const { m, file } = await vaultOfEight();
  m.vaultLock();
  const wrong = openWithCodes(m, 'vaultUnlock', [file, 'not the password'], UNIX, 60);
  assert.equal(wrong.error.kind, 'wrong_password');
  assert.equal(wrong.firstCodes, undefined);
  assert.equal(openWithCodes(m, 'vaultExportUris', [], UNIX, 60).error.kind, 'invalid_argument');
  assert.deepEqual(m.vaultIsUnlocked(), { unlocked: false });
});
