// Promise helpers over IndexedDB: open the database and run one transaction to completion.
// Stores: 'vault' holds only the encrypted vault records; 'meta' (version 2) holds small non-secret
// bookkeeping beside it: the highest revision seen and the wrong-password count.
const DB_NAME = 'authenticator';
const DB_VERSION = 2;
export const VAULT_STORE = 'vault';
export const META_STORE = 'meta';

let opening = null;

export function openDatabase() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const name of [VAULT_STORE, META_STORE]) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: let it, and reopen on next use.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
    request.onblocked = () => reject(new DOMException('the database is blocked by another tab', 'InvalidStateError'));
  });
  return opening;
}

/// Runs body(store, transaction) inside one transaction over both stores (`store` is the vault store;
/// transaction.objectStore(META_STORE) the other); resolves with body's result once the transaction
/// has COMMITTED (oncomplete), rejects with the transaction's error if it aborted.
export async function inTransaction(mode, body) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    let result;
    let transaction;
    try {
      transaction = db.transaction([VAULT_STORE, META_STORE], mode, { durability: 'strict' });
    } catch (error) {
      reject(error);
      return;
    }
    transaction.oncomplete = () => resolve(result);
    transaction.onabort = () => {
      reject(transaction.error ?? new DOMException('the transaction was aborted', 'AbortError'));
    };
    transaction.onerror = (event) => event.preventDefault(); // reported once, by onabort
    Promise.resolve(body(transaction.objectStore(VAULT_STORE), transaction)).then((value) => {
      result = value;
    }, (error) => {
      try {
        transaction.abort();
      } catch {
        // already finished
      }
      reject(error);
    });
  });
}

/// Wraps one IDBRequest in a promise (to be awaited inside inTransaction's body only).
export function requestResult(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
