// The wrong-password delay shared by the unlock and restore screens, kept across reloads (see
// wrong-password-delay.js for the rule and what it does not protect against). A storage failure
// never blocks unlocking: the delay is then simply not applied.
import { loadFailures, updateFailures, clearFailures } from '../storage/attempt-store.js';
import { afterFailure, secondsLeft } from './wrong-password-delay.js';

/// Seconds the user must still wait before the next attempt.
export async function secondsToWait(now = Date.now()) {
  try {
    return secondsLeft(await loadFailures(), now);
  } catch {
    return 0;
  }
}

/// Records a wrong password; resolves the seconds to wait before the next attempt.
export async function passwordFailed(now = Date.now()) {
  try {
    return secondsLeft(await updateFailures((record) => afterFailure(record, now)), now);
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
