// Whether an opened vault is older than what this browser saved before: someone may have put an
// older copy back. The revision is authenticated by the core; the highest one seen is kept in
// IndexedDB and mirrored in localStorage (storage/vault-store.js).
import { highestRevisionSeen, acceptRevision } from '../storage/vault-store.js';

/// The highest revision seen, read now for a rollbackWarning() that follows (never rejects).
export function readHighestRevision() {
  const reading = highestRevisionSeen();
  reading.catch(() => {}); // rollbackWarning() handles the failure when it awaits it
  return reading;
}

/// {stored, seen} when `revision` is older than the highest seen, else null. `tolerance` lets the
/// recovery from 'previous' (one save back, by design) pass without a warning. `highest`: the
/// highest revision seen, when the caller started reading it earlier (during Argon2id).
export async function rollbackWarning(revision, tolerance = 0, highest = highestRevisionSeen()) {
  try {
    const seen = await highest;
    if (typeof revision !== 'number') return null;
    // A vault stored before this check existed (or only ever unlocked) is noted here.
    if (seen < revision) await acceptRevision(revision);
    return seen > revision + tolerance ? { stored: revision, seen } : null;
  } catch {
    return null;
  }
}

/// The user keeps the older vault after a rollback warning: it becomes the newest seen.
export async function acceptRollback(revision) {
  try {
    await acceptRevision(revision);
  } catch {
    // The warning comes back at the next unlock; nothing is lost.
  }
}
