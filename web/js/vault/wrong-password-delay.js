// How long the unlock and restore buttons wait after wrong passwords. Pure (times passed in), so
// tests/web/ checks it with a fixed clock. This slows a person guessing at the keyboard; it does
// nothing against someone who copies the encrypted vault and guesses offline (the KDF is the barrier
// there), and it is kept in the page's own storage, which whoever controls the browser can clear.
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_S = 300;
// A count of failures older than this is forgotten: a mistyped password last week does not make
// today's first typo wait.
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/// Seconds to wait after `failures` wrong passwords in a row: 3 free, then 2, 4, 8, ... up to 5 minutes.
export function delaySeconds(failures) {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS + 1));
}

/// The failure count that applies at `now`, given the stored {count, lastAt} (or nothing).
export function currentFailures(record, now) {
  if (!record || !(record.count > 0)) return 0;
  if (now - record.lastAt > FORGET_AFTER_MS) return 0;
  return record.count;
}

/// The record after one more failure at `now`.
export function afterFailure(record, now) {
  return { count: currentFailures(record, now) + 1, lastAt: now };
}

/// Whole seconds still to wait at `now`. A clock set back before the last failure counts as no time
/// passed, so it cannot skip the wait; at worst the full delay applies once more. `elapsedMs`: time
/// since that failure on a monotonic clock, when this page saw it (the larger of the two counts).
export function secondsLeft(record, now, elapsedMs = 0) {
  const failures = currentFailures(record, now);
  if (!failures) return 0;
  const elapsed = Math.max(0, now - record.lastAt, elapsedMs);
  return Math.max(0, Math.ceil((delaySeconds(failures) * 1000 - elapsed) / 1000));
}
