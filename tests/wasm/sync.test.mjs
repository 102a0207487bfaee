// The sync bindings the page's VaultSync uses (docs/sync.md): a copy under this vault's key opens
// without a password; one under another key says needsPassword, refuses a wrong password, and with
// the right one is adopted; the app password is sealed under the vault key and opens only under it.
// The rules themselves are tested in the core (tests/session/SessionSyncTest.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcore } from './loadModule.mjs';
import { asThePage } from './asThePage.mjs';

const FAST = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const URIS = [
  'otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co',
  'otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam',
];

test('a copy under this key syncs without a password; one under another needs it and is adopted', async () => {
  const m = asThePage(await loadAuthcore());
  m.vaultCreate('grupas parole', FAST);
  const group = m.vaultAddUri(URIS[1], {}).file;
  m.vaultLock();

  m.vaultCreate('mana parole', FAST);
  const mine = m.vaultAddUri(URIS[0], {});
  assert.deepEqual(
    (({ added, updated, deleted, syncedCopyBehind, adoptsSyncedKey }) => ({ added, updated, deleted, syncedCopyBehind, adoptsSyncedKey }))(m.vaultPreviewSync(mine.file)),
    { added: 0, updated: 0, deleted: 0, syncedCopyBehind: false, adoptsSyncedKey: false }, 'its own file: nothing to do');
  m.vaultDiscardMerge();

  assert.deepEqual(m.vaultPreviewSync(group), { needsPassword: true });
  assert.equal(m.vaultPreviewSync(group, 'nav tā').error.kind, 'wrong_password');
  assert.equal(m.vaultPreviewSync(new Uint8Array([1, 2, 3])).error.kind, 'malformed_file');
  const preview = m.vaultPreviewSync(group, 'grupas parole');
  assert.equal(preview.added, 1);
  assert.equal(preview.adoptsSyncedKey, true);
  assert.equal(preview.syncedCopyBehind, true);
  assert.equal(m.vaultEntries().entries.length, 1, 'nothing changes before the save');

  const synced = m.vaultApplySync();
  assert.equal(synced.error, undefined);
  assert.ok(synced.revision > mine.revision);
  assert.deepEqual(m.vaultEntries().entries.map((e) => e.issuer).sort(), ['ACME Co', 'Steam']);
  m.vaultLock();
  assert.equal(m.vaultUnlock(synced.file, 'mana parole').error.kind, 'wrong_password');
  assert.equal(m.vaultUnlock(synced.file, 'grupas parole').entries.length, 2);
  assert.equal(m.vaultApplySync().error.field, 'sync', 'applied once');
  m.vaultLock();
  assert.equal(m.vaultPreviewSync(group).error.kind, 'locked');
});

test('the app password is sealed under the vault key and opens only under it', async () => {
  const m = asThePage(await loadAuthcore());
  m.vaultCreate('mana parole', FAST);
  const { sealed } = m.vaultSealDeviceSecret('Nextcloud-app-parole');
  assert.ok(sealed instanceof Uint8Array && sealed.length === 12 + 20 + 16);
  assert.equal(m.vaultOpenDeviceSecret(sealed).secret, 'Nextcloud-app-parole');
  const changed = sealed.slice();
  changed[20] ^= 1;
  assert.equal(m.vaultOpenDeviceSecret(changed).error.kind, 'wrong_key');
  m.vaultLock();
  assert.equal(m.vaultOpenDeviceSecret(sealed).error.kind, 'locked');
  m.vaultCreate('cita parole', FAST);
  assert.equal(m.vaultOpenDeviceSecret(sealed).error.kind, 'wrong_key', 'another vault, another key');
});
