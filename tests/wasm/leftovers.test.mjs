// No piece of a secret stays in wasm memory after any binding returns: OTP, import, export and QR,
// as the vault's own test does for the vault calls. Secrets cross into wasm as embind strings and
// Uint8Arrays, are parsed, encoded and decrypted there; every freed block and the free stack must be
// zeroed (wasm/WipingHeap.cpp, wasm/ResultObject.h's guarded()).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { assertNoLeftovers, loadAuthcoreWithMemory } from './loadModule.mjs';
import { asThePage } from './asThePage.mjs';

// Shares no 8-byte piece with the issuer or account name, which are not secret and may stay.
const SECRET_BYTES = 'Zq8#hidden/Kx7!Qz=Lv9@Rw+Mn4$'; // 29 bytes
const SECRET = base32(Buffer.from(SECRET_BYTES));
const PASSWORD = 'Okapi-pārole-5521';
const URI = `otpauth://totp/Leftover:kristine?secret=${SECRET}&issuer=Leftover&digits=6&period=30`;
const SECRETS = { 'secret (Base32)': SECRET, 'secret (bytes)': SECRET_BYTES, password: PASSWORD };

function base32(bytes) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0, out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

// An andOTP encrypted backup (PBKDF2-SHA1 + AES-256-GCM) holding the secret, made here with Node's
// own crypto, so the import decrypts it inside wasm with the password.
function andOtpEncrypted() {
  const plain = Buffer.from(JSON.stringify([{ secret: SECRET, issuer: 'Leftover', label: 'kristine', digits: 6, type: 'TOTP',
    algorithm: 'SHA1', period: 30, thumbnail: 'Default', last_used: 0, used_frequency: 0, tags: [] }]));
  const iterations = 1000, salt = randomBytes(12), nonce = randomBytes(12);
  const key = pbkdf2Sync(PASSWORD, salt, iterations, 32, 'sha1');
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const header = Buffer.alloc(4);
  header.writeUInt32BE(iterations);
  return new Uint8Array(Buffer.concat([header, salt, nonce, body]));
}

test('OTP, import, export and QR bindings leave no piece of a secret in wasm memory', async () => {
  const { m: module, memory } = await loadAuthcoreWithMemory();
  const m = asThePage(module);
  const secretBytes = new Uint8Array(Buffer.from(SECRET_BYTES));
  const steps = {
    parseOtpauthUri: () => m.parseOtpauthUri(URI),
    codeForUri: () => m.codeForUri(URI, 1111111109),
    totp: () => m.totp(secretBytes, 1111111109, 30, 'SHA1', 6),
    hotp: () => m.hotp(secretBytes, 7, 'SHA256', 8),
    steamGuard: () => m.steamGuard(secretBytes, 1111111109),
    decodeBase32: () => m.decodeBase32(SECRET),
    importText: () => m.importText(`${URI}\n`),
    'importFile (plain)': () => m.importFile(new Uint8Array(Buffer.from(`${URI}\n`)), 'list.txt'),
    'importFile (andOTP, encrypted)': () => m.importFile(andOtpEncrypted(), 'backup.json.aes', PASSWORD),
    'importFile (wrong password)': () => m.importFile(andOtpEncrypted(), 'backup.json.aes', `${PASSWORD}x`),
    'exportAccounts (otpauth)': () => m.exportAccounts([URI], 'otpauth'),
    'exportAccounts (aegis)': () => m.exportAccounts([URI], 'aegis'),
    'exportAccounts (google-migration)': () => m.exportAccounts([URI], 'google-migration'),
    'encodeQr, then decodeQr': () => {
      const code = m.encodeQr(URI, { scale: 4, margin: 4 });
      return m.decodeQr(code.pixels, code.width, code.height, 'grey', 'still');
    },
  };
  for (const [step, call] of Object.entries(steps)) {
    const result = call();
    assert.equal(result.error?.kind ?? 'ok', step.includes('wrong password') ? 'wrong_password' : 'ok', `${step}: ${JSON.stringify(result.error)}`);
    assertNoLeftovers(memory, SECRETS, step);
  }
});
