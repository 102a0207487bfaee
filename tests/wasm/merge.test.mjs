// The merge bindings the page uses to restore a backup into the unlocked vault: preview (the backup
// opened beside the vault, nothing saved), merge (one save), discard; errors typed, entries without
// secrets. The rules themselves are tested in the core (tests/vault/VaultMerge*Test.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcore } from './loadModule.mjs';
import { asThePage } from './asThePage.mjs';

// OWASP's Argon2id minimum: the cheapest vault the binding lets anyone create.
const FAST = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const URIS = [
  'otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co',
  'otpauth://hotp/R%C4%ABgas%20%C5%ABdens:anna?secret=MZXW6YQ&issuer=R%C4%ABgas%20%C5%ABdens&algorithm=SHA256&digits=8&counter=41',
  'otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam',
];

function vaultFile(m, password, uris) {
  let last = m.vaultCreate(password, FAST);
  for (const uri of uris) last = m.vaultAddUri(uri, {});
  assert.equal(last.error, undefined);
  return last.file;
}

test('preview says what merging a backup changes, saves nothing; merge saves once', async () => {
  const m = asThePage(await loadAuthcore());
  const backup = vaultFile(m, 'backup parole', [URIS[1], URIS[2]]);
  const mine = vaultFile(m, 'mana parole', [URIS[0], URIS[1]]);
  const revision = m.vaultUnlock(mine, 'mana parole').revision;

  assert.equal(m.vaultPreviewMerge(backup, 'mana parole').error.kind, 'wrong_password');
  assert.equal(m.vaultPreviewMerge(new Uint8Array([1, 2, 3]), 'x').error.kind, 'malformed_file');
  const preview = m.vaultPreviewMerge(backup, 'backup parole');
  assert.equal(preview.error, undefined);
  assert.deepEqual(preview.added.map((e) => e.issuer), ['Steam']);
  assert.deepEqual(preview.updated, []);
  assert.deepEqual(preview.deleted, []);
  assert.equal(preview.unchanged, 2);
  assert.equal(preview.added[0].secret, undefined, 'secrets never leave wasm');
  assert.equal(m.vaultEntries().entries.length, 2, 'nothing merged yet');

  const merged = m.vaultApplyMerge();
  assert.deepEqual([merged.merge.added, merged.merge.updated, merged.merge.deleted, merged.merge.unchanged], [1, 0, 0, 2]);
  assert.equal(merged.revision, revision + 1);
  assert.equal(m.vaultEntries().entries.length, 3);
  assert.equal(m.vaultApplyMerge().error.field, 'merge', 'the backup is merged once, then closed');

  // The merged file opens with this vault's password, not the backup's.
  m.vaultLock();
  assert.equal(m.vaultUnlock(merged.file, 'backup parole').error.kind, 'wrong_password');
  assert.equal(m.vaultUnlock(merged.file, 'mana parole').entries.length, 3);
});

test('discard and lock close the backup; merging needs an unlocked vault', async () => {
  const m = asThePage(await loadAuthcore());
  const backup = vaultFile(m, 'backup parole', [URIS[2]]);
  vaultFile(m, 'mana parole', [URIS[0]]);
  assert.equal(m.vaultPreviewMerge(backup, 'backup parole').added.length, 1);
  assert.deepEqual(m.vaultDiscardMerge(), {});
  assert.equal(m.vaultApplyMerge().error.field, 'merge');
  assert.equal(m.vaultPreviewMerge(backup, 'backup parole').added.length, 1);
  m.vaultLock();
  assert.equal(m.vaultApplyMerge().error.kind, 'locked');
  assert.equal(m.vaultPreviewMerge(backup, 'backup parole').error.kind, 'locked');
});
