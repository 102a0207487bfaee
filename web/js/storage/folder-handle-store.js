// The folder sync writes to (a FileSystemDirectoryHandle), kept in IndexedDB: a handle cannot go to
// localStorage, and the browser remembers the user's permission for it. Its own small database, so
// the vault's database and its upgrades stay as they are.
const DB_NAME = 'authenticator-sync';
const STORE = 'folders';
const KEY = 'sync';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, body) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = body(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export function saveFolderHandle(handle) {
  return run('readwrite', (store) => store.put(handle, KEY));
}

/// The handle, or null (none kept, or storage refuses).
export async function loadFolderHandle() {
  try {
    return (await run('readonly', (store) => store.get(KEY))) ?? null;
  } catch {
    return null;
  }
}

export async function clearFolderHandle() {
  try {
    await run('readwrite', (store) => store.delete(KEY));
  } catch {
    // Storage refuses: nothing to clear that could be used.
  }
}
