// The QR sequence that moves a vault (web/js/transfer/vault-frames.js): Base32 both ways, parts in
// any order with repeats, a new set starting over, and hostile frames refused before they are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { base32Encode, base32Decode, framesOf, FrameCollector, PART_CHARS, MAX_PARTS } from '../../web/js/transfer/vault-frames.js';

function randomBytes(length, seed = 7) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed >>> 16;
  }
  return bytes;
}

test('Base32 agrees with coreutils base32 and decodes back, for every length of remainder', () => {
  for (let length = 0; length < 24; length++) {
    const bytes = randomBytes(length, length + 1);
    const expected = execFileSync('base32', ['-w', '0'], { input: bytes }).toString().replace(/=+$/, '');
    assert.equal(base32Encode(bytes), expected, `length ${length}`);
    assert.deepEqual(base32Decode(expected), bytes);
  }
  assert.equal(base32Decode('MZXW6'.toLowerCase()), null, 'lower case is not ours');
  assert.equal(base32Decode('MZXW61'), null, '1 is not Base32');
  assert.equal(base32Decode('A'), null, 'no byte count leaves 1 character');
});

test('the parts arrive in any order with repeats and give the bytes back', () => {
  const bytes = randomBytes(4321);
  const frames = framesOf(bytes, 'ABCDEF');
  assert.equal(frames.length, Math.ceil(Math.ceil((4321 * 8) / 5) / PART_CHARS));
  for (const frame of frames) assert.match(frame, /^[A-Z0-9:/]+$/, 'QR alphanumeric characters only');
  const collector = new FrameCollector();
  const order = [...frames.keys()].reverse();
  assert.equal(collector.add(frames[order[0]]), 'added');
  assert.equal(collector.add(frames[order[0]]), 'repeat');
  for (const index of order.slice(1, -1)) assert.equal(collector.add(frames[index]), 'added');
  assert.equal(collector.complete, false);
  assert.equal(collector.bytes(), null);
  assert.equal(collector.add(frames[order.at(-1)]), 'added');
  assert.equal(collector.complete, true);
  assert.equal(collector.received, frames.length);
  assert.deepEqual(collector.bytes(), bytes);
});

test('a new sequence (the sender started again) starts over', () => {
  const collector = new FrameCollector();
  const first = framesOf(randomBytes(1000, 1), 'AAAAAA');
  const second = framesOf(randomBytes(1000, 2), 'BBBBBB');
  collector.add(first[0]);
  collector.add(first[1]);
  assert.equal(collector.add(second[2]), 'restarted');
  assert.equal(collector.received, 1);
  for (const frame of second) collector.add(frame);
  assert.deepEqual(collector.bytes(), randomBytes(1000, 2));
});

test('hostile or broken frames are refused and keep nothing', () => {
  const collector = new FrameCollector();
  const full = 'A'.repeat(PART_CHARS);
  for (const frame of [
    'otpauth://totp/x?secret=AAAA', '', null, 42,
    'VAULT1:ABCDEF:0/3:AAAA', // parts count from 1
    'VAULT1:ABCDEF:4/3:AAAA', // beyond the total
    `VAULT1:ABCDEF:1/${MAX_PARTS + 1}:${full}`, // more parts than any vault needs
    'VAULT1:ABCDEF:1/3:AAAA', // a part before the last that is not full
    `VAULT1:ABCDEF:3/3:${full}A`, // longer than a part
    `VAULT1:ABCDEF:1/2:${'A'.repeat(PART_CHARS - 1)}a`,
    'VAULT1:abcdef:1/1:AAAA', 'VAULT1:ABCDEF:01/1:AAAA', 'VAULT1:ABCDEF:1/1:', 'VAULT1:ABCDEF:1/1:AAAA:AA',
    `VAULT1:ABCDEF:1/1:${'A'.repeat(1e6)}`,
  ]) assert.equal(collector.add(frame), 'invalid', String(frame).slice(0, 40));
  assert.equal(collector.received, 0);
  assert.equal(collector.total, 0);
  // A sequence whose Base32 cannot be bytes: complete, but no bytes.
  collector.add('VAULT1:ABCDEF:1/1:A');
  assert.equal(collector.complete, true);
  assert.equal(collector.bytes(), null);
});

test('a file too large for a QR sequence gives no frames', () => {
  assert.deepEqual(framesOf(new Uint8Array(MAX_PARTS * 400 + 1)), []);
  assert.equal(framesOf(new Uint8Array(MAX_PARTS * 400)).length, MAX_PARTS);
});
