// Wrong-password failures, kept in IndexedDB beside the vault (key 'failures' in the same store) so
// a reload does not reset the unlock delay. Stores only {count, lastAt}: no password, no hint of one.
import { inTransaction, requestResult } from './idb.js';

const KEY = 'failures';

/// {count, lastAt} or undefined.
export function loadFailures() {
  return inTransaction('readonly', (store) => requestResult(store.get(KEY)));
}

/// Applies update(record) -> newRecord in one transaction (two tabs failing at once both count).
export function updateFailures(update) {
  return inTransaction('readwrite', async (store) => {
    const next = update(await requestResult(store.get(KEY)));
    store.put(next, KEY);
    return next;
  });
}

export function clearFailures() {
  return inTransaction('readwrite', (store) => {
    store.delete(KEY);
  });
}
