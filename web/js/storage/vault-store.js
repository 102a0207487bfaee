// Keeps the encrypted vault file in IndexedDB and knows nothing of crypto: it stores opaque bytes
// with the revision number the core reported. Records: 'current' and 'previous' (the last good
// version before it). Each save is ONE transaction that checks the revision, moves 'current' to
// 'previous' and writes the new 'current', so a crash leaves either the old pair or the new pair.
import { inTransaction, requestResult } from './idb.js';

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
    const [current, previous] = await Promise.all([requestResult(store.get('current')), requestResult(store.get('previous'))]);
    return { current, previous };
  });
}

/// Saves a new version. expectedRevision is the revision this tab last loaded or saved (null for a
/// brand new vault: then nothing may be stored yet unless `replace` is set, as for a restore).
export async function saveVault(bytes, revision, expectedRevision, { replace = false } = {}) {
  try {
    await inTransaction('readwrite', async (store) => {
      const current = await requestResult(store.get('current'));
      if (current && !replace && current.revision !== expectedRevision) throw new StaleVaultError(current.revision);
      if (current) store.put(current, 'previous');
      store.put(record(bytes, revision), 'current');
    });
  } catch (error) {
    if (error instanceof StaleVaultError) throw error;
    throw new VaultWriteError(error);
  }
}

export async function hasVault() {
  const { current } = await loadVault();
  return Boolean(current);
}
