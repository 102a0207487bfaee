// The RFC vectors through the Embind binding, as the page and the worker will call it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcore } from './loadModule.mjs';

const ascii = (s) => new TextEncoder().encode(s);
const SHA1_SEED = ascii('12345678901234567890');
const SEEDS = {
  SHA1: SHA1_SEED,
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

test('RFC 4226 Appendix D through the binding', async () => {
  const m = await loadAuthcore();
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => {
    assert.deepEqual(m.hotp(SHA1_SEED, BigInt(counter), 'SHA1', 6), { code });
  });
});

test('RFC 6238 Appendix B, all three algorithms, through the binding', async () => {
  const m = await loadAuthcore();
  const table = {
    59: ['94287082', '46119246', '90693936'],
    1111111109: ['07081804', '68084774', '25091201'],
    1111111111: ['14050471', '67062674', '99943326'],
    1234567890: ['89005924', '91819424', '93441116'],
    2000000000: ['69279037', '90698825', '38618901'],
    20000000000: ['65353130', '77737706', '47863826'],
  };
  for (const [time, codes] of Object.entries(table)) {
    ['SHA1', 'SHA256', 'SHA512'].forEach((algorithm, i) => {
      assert.equal(m.totp(SEEDS[algorithm], Number(time), 30, algorithm, 8).code, codes[i], `${algorithm} @ ${time}`);
    });
  }
});

test('authentik URI: parse and code', async () => {
  const m = await loadAuthcore();
  const uri = 'otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30&issuer=authentik';
  assert.deepEqual(m.parseOtpauthUri(uri).account, {
    type: 'totp', issuer: 'authentik', account: 'kristine.majore',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30,
  });
  assert.deepEqual(m.codeForUri(uri, 1111111109), { code: '081804', secondsRemaining: 1, period: 30 });
});

test('errors come back as {error: {kind, field, message}}, never as exceptions', async () => {
  const m = await loadAuthcore();
  const bad = m.parseOtpauthUri('otpauth://totp/a?secret=ABC1');
  assert.equal(bad.error.kind, 'invalid_uri');
  assert.equal(bad.error.field, 'secret');
  assert.match(bad.error.message, /Base32/);
  assert.equal(m.hotp(SHA1_SEED, 0n, 'SHA1', 11).error.field, 'digits');
  assert.equal(m.totp(SHA1_SEED, -5, 30, 'SHA1', 6).error.field, 'time');
  assert.equal(m.hotp(SHA1_SEED, 0n, 'MD5', 6).error.field, 'algorithm');
  assert.equal(m.parseOtpauthUri('https://example.com').error.field, 'scheme');
});

test('Steam codes through the binding match the core vectors', async () => {
  const m = await loadAuthcore();
  // tests/data/otp/steam.vec, first record.
  const secret = Uint8Array.from(Buffer.from('4c7225f3e265eae831afcc745fa79132', 'hex'));
  assert.equal(m.steamGuard(secret, 0).code, 'C2F47');
});
