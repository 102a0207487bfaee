// The session's Embind API as the page calls it: previews carry no secret, the candidate's code is
// the core's, and "commit, persist, confirm" leaves the vault alone until confirmed. The rules
// themselves are tested natively and as wasm by tests/session/SessionTest.cpp; this checks the
// translation (shapes, argument checks, errors as objects).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcore } from './loadModule.mjs';

const FAST = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const LINK = `otpauth://totp/ACME:anna?secret=${SECRET}&issuer=ACME`;
const PREVIEW_KEYS = ['algorithm', 'counter', 'digits', 'group', 'id', 'issuer', 'name', 'period', 'type'];

async function openVault() {
  const m = await loadAuthcore();
  const created = m.vaultCreate('sesija', FAST);
  assert.equal(created.error, undefined, JSON.stringify(created.error));
  return { m, created };
}

test('a staged link gives a preview of the one account shape, without the secret', async () => {
  const { m } = await openVault();
  const staged = m.sessionStageText(`  ${LINK}  `);
  assert.equal(staged.kind, 'account');
  assert.equal(staged.text, undefined);
  assert.deepEqual(staged.problems, []);
  assert.equal(staged.candidates.length, 1);
  assert.deepEqual(Object.keys(staged.candidates[0]).sort(), PREVIEW_KEYS);
  assert.doesNotMatch(JSON.stringify(staged), new RegExp(SECRET, 'i'));
  assert.deepEqual(m.sessionStageText('https://example.lv/x'), { kind: 'link', candidates: [], problems: [], text: 'https://example.lv/x' });
  assert.equal(m.sessionStageText('otpauth://totp/x').error.kind, 'invalid_uri');
  assert.equal(m.sessionStageText(42).error.field, 'text');
});

test('the candidate code comes from the core; HOTP has no countdown', async () => {
  const { m } = await openVault();
  const { id } = m.sessionStageText(LINK).candidates[0];
  // RFC 6238's SHA-1 vector at 59 s, cut to 6 digits.
  assert.deepEqual(m.sessionCandidateCode(id, 59), { code: '287082', period: 30, secondsRemaining: 1 });
  const hotp = m.sessionStageManual({ secret: SECRET.toLowerCase(), type: 'hotp', counter: 1, name: 'h' }).candidate;
  assert.deepEqual(m.sessionCandidateCode(hotp.id, 59), { code: '287082', period: 30 }, 'RFC 4226 counter 1');
  assert.equal(m.sessionCandidateCode('c0', 59).error.field, 'id');
  assert.equal(m.sessionCandidateCode(id, -1).error.field, 'time');
});

test('commit hands out the file; the vault moves only on confirm; abandon keeps it as it was', async () => {
  const { m, created } = await openVault();
  const { id } = m.sessionStageText(LINK).candidates[0];
  const first = m.sessionCommit({ ids: [id], group: 'Darbs' });
  assert.ok(first.file instanceof Uint8Array);
  assert.equal(first.revision, created.revision + 1);
  assert.deepEqual(m.vaultEntries().entries, [], 'nothing changes before the file is stored');
  m.sessionAbandon();
  assert.equal(m.sessionConfirmSaved(first.revision).error.field, 'revision');
  const again = m.sessionCommit({ ids: [id], group: 'Darbs' });
  const confirmed = m.sessionConfirmSaved(again.revision);
  assert.equal(confirmed.revision, again.revision);
  assert.equal(confirmed.added.length, 1);
  assert.equal(confirmed.added[0].group, 'Darbs');
  assert.deepEqual(m.vaultEntries().entries, confirmed.added);
  assert.equal(m.sessionCandidateCode(id, 59).error.field, 'id', 'a saved candidate leaves staging');
});

test('duplicates, bad ids and bad keys come back as error objects', async () => {
  const { m } = await openVault();
  const a = m.sessionStageText(LINK).candidates[0].id;
  m.sessionConfirmSaved(m.sessionCommit({ ids: [a] }).revision);
  const b = m.sessionStageText(LINK).candidates[0].id;
  assert.equal(m.sessionCommit({ ids: [b] }).error.kind, 'duplicate');
  assert.equal(m.sessionCommit({ ids: [b], allowDuplicates: true }).revision, 3);
  assert.equal(m.sessionCommit({ ids: 'x' }).error.field, 'ids');
  assert.equal(m.sessionCommit({ ids: [b, b, b, b] }).error.field, 'ids');
  const bad = m.sessionStageManual({ secret: 'ABC1' });
  assert.equal(bad.error.kind, 'invalid_base32');
  assert.equal(bad.error.message.includes('ABC1'), false, 'the key is not repeated in the message');
  assert.deepEqual(m.sessionCheckSecret('GEZD GNBV GY3T QOJQ'), { bits: 80, tooShort: false });
  assert.equal(m.sessionCheckSecret('GEZDGNBV').tooShort, true);
});

test('lock wipes the candidates', async () => {
  const { m } = await openVault();
  const { id } = m.sessionStageText(LINK).candidates[0];
  m.vaultLock();
  assert.equal(m.sessionCandidateCode(id, 59).error.kind, 'locked');
  assert.equal(m.sessionStageText(LINK).error.kind, 'locked');
});
