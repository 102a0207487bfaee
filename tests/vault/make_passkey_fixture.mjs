// Writes tests/data/vault/passkey-v1.vault once (never rewritten): a format-version-1 vault with a
// password slot and two passkey slots, made by the wasm module with fixed PRF outputs, so that the
// CLI is seen to read such a file and keep its slots, and a format change without a new version fails.
//   node tests/vault/make_passkey_fixture.mjs > tests/data/vault/passkey-v1.vault
// Password `Fixture pārole 1`; passkeys "Darba dators" (credential id 01020304, PRF output 32 x 0x5a)
// and "Blue key" (credential id 0a0b, PRF output 32 x 0x6b).
import { loadAuthcore } from '../wasm/loadModule.mjs';
import { asThePage } from '../wasm/asThePage.mjs';

const m = asThePage(await loadAuthcore());
m.vaultCreate('Fixture pārole 1', { memoryKiB: 256, iterations: 2, parallelism: 1 });
for (const uri of [
  'otpauth://totp/ACME%20Co:j%C4%81nis@example.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
  'otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30',
])
  m.vaultAddUri(uri, {});
m.vaultAddPasskey('Darba dators', new Uint8Array([1, 2, 3, 4]), m.vaultPasskeySalt().prfSalt, new Uint8Array(32).fill(0x5a));
const { file } = m.vaultAddPasskey('Blue key', new Uint8Array([10, 11]), m.vaultPasskeySalt().prfSalt, new Uint8Array(32).fill(0x6b));
process.stdout.write(file);
