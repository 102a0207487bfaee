// The wrong-password delay (web/js/vault/wrong-password-delay.js) at a fixed clock: three free tries,
// then a growing wait capped at 5 minutes, the count kept across a reload (it is a stored record),
// forgotten after a day, and a clock set back cannot skip it. Plus the import size cap's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delaySeconds, afterFailure, secondsLeft, currentFailures, MAX_DELAY_S, FORGET_AFTER_MS } from '../../web/js/vault/wrong-password-delay.js';
import { MAX_IMPORT_BYTES, tooLarge } from '../../web/js/transfer/file-size.js';
import { describeError } from '../../web/js/i18n/error-messages.js';
import { loadLanguage } from '../../web/js/i18n/i18n.js';

await loadLanguage('en'); // the page's main.js does this (setLanguage) before its first screen

const NOW = 1_750_000_000_000;

test('three free attempts, then 2, 4, 8 ... seconds, never more than 5 minutes', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(delaySeconds), [0, 0, 0, 2, 4, 8, 16]);
  assert.equal(delaySeconds(12), MAX_DELAY_S);
  assert.equal(delaySeconds(1000), MAX_DELAY_S);
});

test('the stored record carries the wait over a reload, and it runs down with the wall clock', () => {
  let record;
  for (let i = 0; i < 5; i++) record = afterFailure(record, NOW);
  // A reload only re-reads the same record: the wait is still there.
  const reloaded = JSON.parse(JSON.stringify(record));
  assert.equal(secondsLeft(reloaded, NOW), 8);
  assert.equal(secondsLeft(reloaded, NOW + 3_500), 5);
  assert.equal(secondsLeft(reloaded, NOW + 8_000), 0);
  // The next failure counts on from 5.
  assert.equal(afterFailure(reloaded, NOW + 9_000).count, 6);
});

test('a clock set back does not skip the wait; a day later the count is forgotten', () => {
  let record;
  for (let i = 0; i < 6; i++) record = afterFailure(record, NOW);
  assert.equal(secondsLeft(record, NOW - 3_600_000), 16, 'clock set back an hour: the full wait');
  assert.equal(secondsLeft(record, NOW - 3_600_000, 10_000), 6, 'the monotonic clock of this visit still counts');
  assert.equal(secondsLeft(record, NOW, 16_000), 0);
  assert.equal(currentFailures(record, NOW + FORGET_AFTER_MS + 1), 0);
  assert.equal(afterFailure(record, NOW + FORGET_AFTER_MS + 1).count, 1);
  assert.equal(secondsLeft(undefined, NOW), 0);
});

test('files over 16 MiB are refused before reading, with their own words; so are costly KDFs', () => {
  assert.equal(MAX_IMPORT_BYTES, 16 * 1024 * 1024);
  assert.equal(tooLarge({ size: MAX_IMPORT_BYTES }), false);
  assert.equal(tooLarge({ size: MAX_IMPORT_BYTES + 1 }), true);
  assert.match(describeError({ kind: 'too_large' }), /too large \(over 16 MiB\)/);
  assert.match(describeError({ kind: 'kdf_too_costly' }), /far more password processing/);
});
