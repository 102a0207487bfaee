// Auto-lock's timing (web/js/vault/idle-clock.js) with injected clocks: a sleeping laptop stops the
// monotonic clock but not the wall clock, and setting the wall clock back hides nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleClock } from '../../web/js/vault/idle-clock.js';

const FIVE_MINUTES = 5 * 60_000;

function clocks() {
  const time = { monotonic: 1_000, wall: 1_750_000_000_000 };
  return { time, clock: new IdleClock({ monotonic: () => time.monotonic, wall: () => time.wall }) };
}

test('while awake both clocks advance together: locked at 5 minutes, not before', () => {
  const { time, clock } = clocks();
  time.monotonic += FIVE_MINUTES - 1; time.wall += FIVE_MINUTES - 1;
  assert.equal(clock.expired(FIVE_MINUTES), false);
  assert.equal(clock.remainingMs(FIVE_MINUTES), 1);
  time.monotonic += 1; time.wall += 1;
  assert.equal(clock.expired(FIVE_MINUTES), true);
  assert.equal(clock.remainingMs(FIVE_MINUTES), 0);
});

test('a laptop that slept an hour is expired on wake although performance.now() barely moved', () => {
  const { time, clock } = clocks();
  time.monotonic += 2 * 60_000; time.wall += 2 * 60_000; // used for 2 minutes, then the lid closes
  time.wall += 60 * 60_000; // asleep: only the wall clock moves
  time.monotonic += 50; // woken: a few ms later the focus event checks
  assert.equal(clock.expired(FIVE_MINUTES), true);
  assert.ok(clock.idleMs() >= 62 * 60_000);
});

test('a short sleep within the idle time does not lock', () => {
  const { time, clock } = clocks();
  time.wall += 3 * 60_000;
  assert.equal(clock.expired(FIVE_MINUTES), false);
  assert.equal(clock.remainingMs(FIVE_MINUTES), 2 * 60_000);
});

test('setting the wall clock back does not hide idle time the monotonic clock saw', () => {
  const { time, clock } = clocks();
  time.wall -= 24 * 60 * 60_000;
  time.monotonic += FIVE_MINUTES;
  assert.equal(clock.expired(FIVE_MINUTES), true);
});

test('activity starts the count again; 0 minutes never expires', () => {
  const { time, clock } = clocks();
  time.monotonic += FIVE_MINUTES; time.wall += FIVE_MINUTES;
  clock.touch();
  assert.equal(clock.idleMs(), 0);
  time.wall += 10 * FIVE_MINUTES;
  assert.equal(clock.expired(0), false);
});

test('the default idle time stays 5 minutes', async () => {
  globalThis.window ??= { addEventListener() {} };
  globalThis.localStorage ??= { getItem: () => null, setItem() {} };
  const { defaults } = await import('../../web/js/storage/settings.js');
  assert.equal(defaults.autoLockMinutes, 5);
  assert.equal(defaults.clipboardClearSeconds, 30);
});
