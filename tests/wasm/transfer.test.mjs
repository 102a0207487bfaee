// Moving a vault by QR through the bindings (VaultChangeBindings.cpp): the sender's copy opens in
// another vault (the other device's, created in the module once the sender's is closed) only with
// the one-time code, as typed by a person (lower case, spaces, a dash, O for 0), is previewed like a
// backup and merged once; a wrong code, a changed byte or a locked vault are clear errors. The rules
// are tested in the core (tests/vault/VaultTransferTest.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcore } from './loadModule.mjs';
import { asThePage } from './asThePage.mjs';

const FAST = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const URIS = [
  'otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co',
  'otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam',
];

test('the copy opens on another device with the typed code, previews and merges once', async () => {
  const sender = asThePage(await loadAuthcore());
  sender.vaultCreate('sūtītāja parole', FAST);
  sender.vaultAddUri(URIS[0], {});
  sender.vaultAddUri(URIS[1], {});
  const { file, code } = sender.vaultTransferCopy();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{10}$/);
  assert.ok(file instanceof Uint8Array && file.length > 100);
  assert.notEqual(sender.vaultTransferCopy().code, code, 'a new code each time');
  assert.equal(sender.vaultUnlock(file, 'sūtītāja parole').error?.kind, 'wrong_password', 'not under the password');

  // The failed unlock above closed the sender's vault: the module is the other device now.
  const receiver = asThePage(await loadAuthcore());
  assert.equal(receiver.vaultPreviewTransfer(file, code).error.kind, 'locked');
  receiver.vaultCreate('saņēmēja parole', FAST);
  receiver.vaultAddUri(URIS[1], {}); // the same Steam account, added here too: stays one account
  const typed = ` ${code.slice(0, 5).toLowerCase()} - ${code.slice(5)} `.replace(/0/g, 'o');
  const wrongCode = code.slice(0, 9) + (code[9] === 'Z' ? 'Y' : 'Z');
  assert.equal(receiver.vaultPreviewTransfer(file, wrongCode).error.kind, 'wrong_password');
  assert.equal(receiver.vaultPreviewTransfer(file, 'short').error.field, 'code');
  const changed = file.slice();
  changed[changed.length - 20] ^= 1;
  assert.ok(receiver.vaultPreviewTransfer(changed, code).error, 'a changed byte is refused');

  const preview = receiver.vaultPreviewTransfer(file, typed);
  assert.equal(preview.error, undefined);
  assert.deepEqual(preview.added.map((e) => e.issuer), ['ACME Co']);
  assert.equal(preview.unchanged + preview.updated.length, 1);
  const merged = receiver.vaultApplyMerge();
  assert.equal(merged.error, undefined);
  receiver.sessionConfirmSaved(merged.revision);
  assert.deepEqual(receiver.vaultEntries().entries.map((e) => e.issuer).sort(), ['ACME Co', 'Steam']);
  // Received again: nothing new.
  const again = receiver.vaultPreviewTransfer(file, code);
  assert.equal(again.added.length + again.updated.length + again.deleted.length, 0);
  receiver.vaultDiscardMerge();
  sender.vaultLock();
  assert.equal(sender.vaultTransferCopy().error.kind, 'locked');
});
