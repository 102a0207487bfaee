// Keeps the encrypted vault file in IndexedDB and knows nothing of crypto: it stores opaque bytes
// with the revision number the core reported. Records: 'current' and 'previous' (the last good
// version before it). Each save is ONE transaction that checks the revision, moves 'current' to
// 'previous' and writes the new 'current', so a crash leaves either the old pair or the new pair.
// 'highestRevision' in the meta store (also mirrored in localStorage) is the highest revision this browser has saved:
// an older vault put back into IndexedDB (a rollback) is then noticed after unlock, when the core
// reports the file's authenticated revision.
import { inTransaction, requestResult, META_STORE } from './idb.js';

const HIGHEST = 'highestRevision';
const HIGHEST_MIRROR = 'authenticator.highestRevision';

/// Thrown when another tab saved a newer vault since this tab loaded it.
export class StaleVaultError extends Error {
  constructor(storedRevision) {
    super('the vault was changed in another tab');
    this.name = 'StaleVaultError';
    this.storedRevision = storedRevision;
  }
}

/// Thrown for every failed write; `quota` says the disk or the browser's quota is full.
export class VaultWriteError extends Error {
  constructor(cause) {
    super('the vault could not be saved');
    this.name = 'VaultWriteError';
    this.quota = cause?.name === 'QuotaExceededError' || cause?.inner?.name === 'QuotaExceededError';
    this.cause = cause;
  }
}

function record(bytes, revision) {
  // A copy, so the caller may wipe its buffer afterwards.
  return { bytes: new Uint8Array(bytes), revision, savedAt: Date.now() };
}

/// {current, previous}: each {bytes, revision, savedAt} or undefined.
export function loadVault() {
  return inTransaction('readonly', async (store) => {
    const [current, previous] = await Promise.all([
      requestResult(store.get('current')), requestResult(store.get('previous')),
    ]);
    return { current, previous };
  });
}

function readMirror() {
  try {
    const value = Number(globalThis.localStorage?.getItem(HIGHEST_MIRROR));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

function writeMirror(value) {
  try {
    globalThis.localStorage?.setItem(HIGHEST_MIRROR, String(value));
  } catch {
    // Storage disabled: IndexedDB still has it.
  }
}

/// Saves a new version. expectedRevision is the revision this tab last loaded or saved (null for a
/// brand new vault: then nothing may be stored yet unless `replace` is set, as for a restore).
/// `resetHighest`: this file starts a new history (a new vault, a restored backup), so the highest
/// revision seen becomes its revision instead of the larger of the two.
/// `forgetPrevious`: 'previous' gets the NEW file too, so no copy of the old version stays (after a
/// password change the old record would still open with the old password).
export async function saveVault(bytes, revision, expectedRevision, options = {}) {
  const { replace = false, resetHighest = false, forgetPrevious = false } = options;
  let highest;
  try {
    highest = await inTransaction('readwrite', async (store, transaction) => {
      const meta = transaction.objectStore(META_STORE);
      const [current, stored] = await Promise.all([
        requestResult(store.get('current')), requestResult(meta.get(HIGHEST)),
      ]);
      if (current && !replace && current.revision !== expectedRevision) throw new StaleVaultError(current.revision);
      const saved = record(bytes, revision);
      if (forgetPrevious) store.put(saved, 'previous');
      else if (current) store.put(current, 'previous');
      store.put(saved, 'current');
      const next = resetHighest ? revision : Math.max(Number(stored) || 0, readMirror(), revision);
      meta.put(next, HIGHEST);
      return next;
    });
  } catch (error) {
    if (error instanceof StaleVaultError) throw error;
    throw new VaultWriteError(error);
  }
  writeMirror(highest);
}

/// The highest revision this browser has saved (IndexedDB or its localStorage mirror, whichever is
/// higher: putting back an old IndexedDB copy does not also roll back localStorage).
export async function highestRevisionSeen() {
  const readHighest = (store, transaction) => requestResult(transaction.objectStore(META_STORE).get(HIGHEST));
  const stored = await inTransaction('readonly', readHighest);
  return Math.max(Number(stored) || 0, readMirror());
}

/// The user accepts the stored vault as it is after a rollback warning.
export async function acceptRevision(revision) {
  await inTransaction('readwrite', (store, transaction) => {
    transaction.objectStore(META_STORE).put(revision, HIGHEST);
  });
  writeMirror(revision);
}

export async function hasVault() {
  const { current } = await loadVault();
  return Boolean(current);
}
