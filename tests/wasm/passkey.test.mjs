// The passkey bindings (vaultPasskeySalt, vaultAddPasskey, vaultPasskeysOf, vaultUnlockWithPasskey,
// vaultRemovePasskey) under Node, with fixed PRF outputs in place of an authenticator; a reader
// built from docs/vault-format.md with WebCrypto alone opens what the module wrote; and no piece of
// a PRF output is left in wasm memory after lock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcore, loadAuthcoreWithMemory } from './loadModule.mjs';
import { asThePage } from './asThePage.mjs';

// OWASP's Argon2id minimum: the cheapest vault the binding lets anyone create.
const FAST = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const PASSWORD = 'Pārole passkey 1';
const { subtle } = globalThis.crypto;
const MAGIC = [0x89, 0x41, 0x55, 0x54, 0x48, 0x56, 0x4c, 0x54];
const be = (bytes, offset, size) => bytes.slice(offset, offset + size).reduce((value, byte) => value * 256 + byte, 0);
const filled = (size, value) => new Uint8Array(size).fill(value);
const ID_A = new Uint8Array([1, 2, 3, 4, 5]);
const ID_B = new Uint8Array([9, 8]);
const OUTPUT_A = filled(32, 0xa5);
const OUTPUT_B = filled(32, 0xb6);

function vaultWithPasskeys(m) {
  assert.equal(m.vaultCreate(PASSWORD, FAST).error, undefined);
  m.vaultAddUri('otpauth://totp/ACME:anna?secret=JBSWY3DPEHPK3PXP&issuer=ACME', {});
  const saltA = m.vaultPasskeySalt().prfSalt;
  const saltB = m.vaultPasskeySalt().prfSalt;
  assert.equal(saltA.length, 32);
  assert.notDeepEqual(saltA, saltB);
  const first = m.vaultAddPasskey('Darba dators', ID_A, saltA, OUTPUT_A);
  assert.equal(first.error, undefined, JSON.stringify(first.error));
  assert.deepEqual(first.passkeys.map((passkey) => passkey.name), ['Darba dators']);
  const second = m.vaultAddPasskey('Key', ID_B, saltB, OUTPUT_B);
  m.vaultLock();
  return { file: second.file, saltA, saltB };
}

/// Opens a passkey slot with WebCrypto (HKDF-SHA256, AES-256-GCM) from the format document alone.
async function openWithPasskey(file, credentialId, prfOutput) {
  const h = be(file, 10, 4);
  let offset = 29;
  for (let i = 0; i < file[28]; i++) {
    const type = file[offset];
    const length = be(file, offset + 1, 2);
    const body = file.slice(offset + 3, offset + 3 + length);
    offset += 3 + length;
    if (type !== 2) continue;
    const idLength = be(body, 32, 2);
    if (Buffer.compare(body.slice(34, 34 + idLength), credentialId) !== 0) continue;
    const metadata = body.slice(0, length - 60);
    const ad = new Uint8Array([...MAGIC, 0, 1, 2, length >> 8, length & 255, ...metadata]);
    const ikm = await subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveBits']);
    const kek = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: body.slice(0, 32), info: new TextEncoder().encode('authcore vault v1 passkey slot key') }, ikm, 256);
    const wrapKey = await subtle.importKey('raw', kek, 'AES-GCM', false, ['decrypt']);
    const masterKey = await subtle.decrypt({ name: 'AES-GCM', iv: body.slice(length - 60, length - 48), additionalData: ad }, wrapKey, body.slice(length - 48));
    const payloadKey = await subtle.importKey('raw', masterKey, 'AES-GCM', false, ['decrypt']);
    const plaintext = await subtle.decrypt({ name: 'AES-GCM', iv: file.slice(h + 32, h + 44), additionalData: file.slice(0, h) }, payloadKey, file.slice(h + 44));
    return JSON.parse(new TextDecoder().decode(plaintext));
  }
  throw new Error('no passkey slot for this credential');
}

test('passkeys are listed while locked, and each opens the vault with its PRF output', async () => {
  const m = asThePage(await loadAuthcore());
  const { file, saltA } = vaultWithPasskeys(m);
  const listed = m.vaultPasskeysOf(file);
  assert.deepEqual(listed.passkeys.map((passkey) => passkey.name), ['Darba dators', 'Key']);
  assert.deepEqual(listed.passkeys[0].credentialId, ID_A);
  assert.deepEqual(listed.passkeys[0].prfSalt, saltA);

  const opened = m.vaultUnlockWithPasskey(file, ID_A, OUTPUT_A);
  assert.equal(opened.error, undefined, JSON.stringify(opened.error));
  assert.deepEqual(opened.entries.map((entry) => entry.issuer), ['ACME']);
  assert.equal(m.vaultPasskeys().passkeys.length, 2);
  m.vaultLock();
  assert.equal(m.vaultUnlockWithPasskey(file, ID_B, OUTPUT_B).error, undefined);
  assert.equal(m.vaultUnlock(file, PASSWORD).error, undefined);
  m.vaultLock();

  const independent = await openWithPasskey(file, ID_B, OUTPUT_B);
  assert.deepEqual(independent.entries.map((entry) => entry.issuer), ['ACME']);
});

test('a wrong PRF output or credential is wrong_password (field passkey); bad arguments are named', async () => {
  const m = asThePage(await loadAuthcore());
  const { file } = vaultWithPasskeys(m);
  for (const [id, output] of [[ID_A, OUTPUT_B], [ID_B, OUTPUT_A], [new Uint8Array([7]), OUTPUT_A]]) {
    const result = m.vaultUnlockWithPasskey(file, id, output);
    assert.equal(result.error?.kind, 'wrong_password');
    assert.equal(result.error?.field, 'passkey');
  }
  assert.equal(m.vaultIsUnlocked().unlocked, false);
  assert.equal(m.vaultUnlockWithPasskey(file, 'not bytes', OUTPUT_A).error?.field, 'credentialId');
  assert.equal(m.vaultPasskeysOf(new Uint8Array(10)).error?.kind, 'malformed_file');
  assert.equal(m.vaultPasskeys().error?.kind, 'locked');
  assert.equal(m.vaultAddPasskey('x', ID_A, filled(32, 1), OUTPUT_A).error?.kind, 'locked');
  m.vaultUnlock(file, PASSWORD);
  assert.equal(m.vaultAddPasskey('Again', ID_A, filled(32, 1), OUTPUT_A).error?.kind, 'duplicate');
  assert.equal(m.vaultAddPasskey('', new Uint8Array([3]), filled(32, 1), OUTPUT_A).error?.field, 'name');
  assert.equal(m.vaultAddPasskey('x', new Uint8Array([3]), filled(16, 1), OUTPUT_A).error?.field, 'prfSalt');
  m.vaultLock();
});

test('removing every passkey keeps the password slot byte for byte', async () => {
  const m = asThePage(await loadAuthcore());
  const { file } = vaultWithPasskeys(m);
  const passwordSlot = (bytes) => bytes.slice(29, 29 + 3 + 88); // the first slot: the password's
  m.vaultUnlock(file, PASSWORD);
  const once = m.vaultRemovePasskey(ID_A);
  assert.deepEqual(once.passkeys.map((passkey) => passkey.name), ['Key']);
  const twice = m.vaultRemovePasskey(ID_B);
  assert.deepEqual(twice.passkeys, []);
  assert.deepEqual(passwordSlot(twice.file), passwordSlot(file));
  assert.equal(m.vaultRemovePasskey(ID_B).error?.field, 'credentialId');
  m.vaultLock();
  assert.equal(m.vaultUnlock(twice.file, PASSWORD).error, undefined);
  assert.equal(m.vaultUnlockWithPasskey(twice.file, ID_B, OUTPUT_B).error?.kind, 'wrong_password');
  m.vaultLock();
});

test('no piece of a PRF output is left in wasm memory after passkey calls and lock', async () => {
  const { m: module, memory } = await loadAuthcoreWithMemory();
  const m = asThePage(module);
  const outputA = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255);
  const outputB = Uint8Array.from({ length: 32 }, (_, i) => (i * 53 + 29) & 255);
  const leftovers = (step) => {
    const heap = Buffer.from(memory.buffer);
    for (const [name, bytes] of [['output A', outputA], ['output B', outputB]])
      for (let i = 0; i + 8 <= bytes.length; i += 4)
        assert.equal(heap.indexOf(Buffer.from(bytes.subarray(i, i + 8))), -1, `${step}: a piece of PRF ${name} is still in memory`);
  };
  m.vaultCreate(PASSWORD, FAST);
  m.vaultAddPasskey('A', ID_A, m.vaultPasskeySalt().prfSalt, outputA);
  const { file } = m.vaultAddPasskey('B', ID_B, m.vaultPasskeySalt().prfSalt, outputB);
  m.vaultLock();
  leftovers('add');
  m.vaultUnlockWithPasskey(file, ID_A, outputA);
  m.vaultLock();
  leftovers('unlock');
  m.vaultUnlockWithPasskey(file, ID_A, outputB);
  leftovers('refused unlock');
});
