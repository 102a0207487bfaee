// Wrong-password failures, kept in IndexedDB beside the vault (key 'failures' in the meta store) so
// a reload does not reset the unlock delay. Stores only {count, lastAt}: no password, no hint of one.
import { inTransaction, requestResult, META_STORE } from './idb.js';

const KEY = 'failures';

/// {count, lastAt} or undefined.
export function loadFailures() {
  return inTransaction('readonly', (store, transaction) => requestResult(transaction.objectStore(META_STORE).get(KEY)));
}

/// Applies update(record) -> newRecord in one transaction (two tabs failing at once both count).
export function updateFailures(update) {
  return inTransaction('readwrite', async (store, transaction) => {
    const meta = transaction.objectStore(META_STORE);
    const next = update(await requestResult(meta.get(KEY)));
    meta.put(next, KEY);
    return next;
  });
}

export function clearFailures() {
  return inTransaction('readwrite', (store, transaction) => {
    transaction.objectStore(META_STORE).delete(KEY);
  });
}
