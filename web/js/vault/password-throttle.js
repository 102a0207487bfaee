// The wrong-password delay shared by the unlock and restore screens, kept across reloads (see
// wrong-password-delay.js for the rule and what it does not protect against). A storage failure
// never blocks unlocking: the delay is then simply not applied.
import { loadFailures, updateFailures, clearFailures } from '../storage/attempt-store.js';
import { afterFailure, secondsLeft } from './wrong-password-delay.js';

// The last failure this page recorded, with the monotonic time it happened: within one visit the
// wait also runs down on performance.now(), so a wall clock that stands still (or is set back) does
// not stretch it. After a reload only the stored wall-clock time is left.
let seenHere = null; // {lastAt, monotonic}

function elapsedHere(record) {
  return record && seenHere && record.lastAt === seenHere.lastAt ? performance.now() - seenHere.monotonic : 0;
}

/// Seconds the user must still wait before the next attempt.
export async function secondsToWait(now = Date.now()) {
  try {
    const record = await loadFailures();
    return secondsLeft(record, now, elapsedHere(record));
  } catch {
    return 0;
  }
}

/// Records a wrong password; resolves the seconds to wait before the next attempt.
export async function passwordFailed(now = Date.now()) {
  try {
    const record = await updateFailures((stored) => afterFailure(stored, now));
    seenHere = { lastAt: record.lastAt, monotonic: performance.now() };
    return secondsLeft(record, now);
  } catch {
    return 0;
  }
}

export async function passwordSucceeded() {
  try {
    await clearFailures();
  } catch {
    // Nothing to do: the count is forgotten after a day anyway.
  }
}
