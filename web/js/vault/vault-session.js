// The unlocked vault as the page sees it: the worker (wasm) holds the keys and secrets, this object
// holds only what the list shows (entries without secrets, codes) and the revision it saved last.
// Every change goes: binding -> new encrypted file -> one IndexedDB transaction -> only then the
// page shows it. The add paths compute the file in the core without changing the vault and confirm
// it after the write (saveCandidates); the other changes are still undone in wasm if the write fails
// (issue 11 moves them to compute-persist-confirm too), so memory never runs ahead of storage. lock() wipes the keys in wasm and every decrypted value here.
import { loadVault, saveVault, highestRevisionSeen, acceptRevision, StaleVaultError, VaultWriteError } from '../storage/vault-store.js';
import { TabSync } from '../storage/tab-sync.js';
import { createPrfPasskey, passkeyPrfOutput, PasskeyError } from './webauthn-prf.js';

function failure(kind, extra = {}) {
  return { error: { kind, field: '', message: kind, ...extra } };
}

export class VaultSession extends EventTarget {
  #authcore;
  #sync = new TabSync();
  #revision = null;
  #entries = [];
  #unlocked = false;

  constructor(authcore) {
    super();
    this.#authcore = authcore;
    this.#sync.onSaved(({ revision }) => {
      if (this.#unlocked && revision !== this.#revision) this.lock('other_tab');
    });
  }

  get unlocked() {
    return this.#unlocked;
  }

  get entries() {
    return this.#entries;
  }

  entry(id) {
    return this.#entries.find((entry) => entry.id === id);
  }

  async stored() {
    return loadVault();
  }

  #changed(reason) {
    this.dispatchEvent(new CustomEvent('change', { detail: { reason } }));
  }

  async #persist(file, revision, { expected = this.#revision, ...options } = {}) {
    try {
      await saveVault(file, revision, expected, options);
    } catch (error) {
      if (error instanceof StaleVaultError) {
        this.lock('stale');
        return failure('stale');
      }
      if (error instanceof VaultWriteError) return failure(error.quota ? 'quota' : 'write_failed');
      return failure('write_failed');
    }
    this.#revision = revision;
    this.#sync.announceSaved(revision);
    return { ok: true };
  }

  async #refreshEntries() {
    const result = await this.#authcore.call('vaultEntries');
    if (!result.error) this.#entries = result.entries;
    return result;
  }

  /// Runs a mutating binding; on a failed write, `undo(result)` reverts it in wasm.
  async #mutate(action, args, undo, reason, saveOptions = {}) {
    const result = await this.#authcore.call(action, ...args);
    if (result.error) return result;
    const saved = await this.#persist(result.file, result.revision, saveOptions);
    if (saved.error) {
      if (saved.error.kind !== 'stale' && undo) await undo(result);
      if (this.#unlocked) await this.#refreshEntries();
      return saved;
    }
    await this.#refreshEntries();
    this.#changed(reason);
    return result;
  }

  async create(password) {
    const created = await this.#authcore.call('vaultCreate', password);
    if (created.error) return created;
    const saved = await this.#persist(created.file, created.revision, { expected: null, resetHighest: true });
    if (saved.error) {
      await this.#authcore.call('vaultLock');
      return saved;
    }
    return this.#afterUnlock(created.revision);
  }

  async #afterUnlock(revision) {
    const unlocked = await this.#authcore.call('vaultIsUnlocked');
    if (unlocked.error || !unlocked.unlocked) return unlocked.error ? unlocked : failure('locked');
    this.#revision = revision;
    this.#unlocked = true;
    const listed = await this.#refreshEntries();
    if (listed.error) return listed;
    this.#changed('unlock');
    return { ok: true };
  }

  /// {stored, seen} when the opened file's revision (authenticated by the core) is older than the
  /// highest this browser has saved: someone may have put an older copy back. `tolerance` lets the
  /// recovery from 'previous' (one save back, by design) pass without a warning.
  async #rollback(revision, tolerance = 0) {
    try {
      const seen = await highestRevisionSeen();
      if (typeof revision !== 'number') return null;
      // A vault stored before this check existed (or only ever unlocked) is noted here.
      if (seen < revision) await acceptRevision(revision);
      return seen > revision + tolerance ? { stored: revision, seen } : null;
    } catch {
      return null;
    }
  }

  /// The user keeps the older vault after a rollback warning: it becomes the newest seen.
  async acceptRollback(revision) {
    try {
      await acceptRevision(revision);
    } catch {
      // The warning comes back at the next unlock; nothing is lost.
    }
  }

  /// A slot below the KDF floor is re-wrapped by the core on unlock ({upgraded, file, revision});
  /// the new file is stored like any save. Builds without the upgrade never set the field.
  async #storeUpgrade(result, stored) {
    if (!result.upgraded || !result.file) return stored.revision;
    const saved = await this.#persist(result.file, result.revision, { expected: stored.revision });
    if (saved.error?.kind === 'stale') return null;
    // A failed write leaves the weak file on disk; the next save writes the upgraded one.
    return saved.error ? stored.revision : result.revision;
  }

  /// Tries the current record, then the previous good one if the current is damaged.
  async unlock(password) {
    const { current, previous } = await loadVault();
    if (!current) return failure('no_vault');
    const result = await this.#authcore.call('vaultUnlock', current.bytes, password);
    if (!result.error) {
      const rollback = await this.#rollback(result.revision);
      const revision = await this.#storeUpgrade(result, current);
      if (revision === null) return failure('stale');
      const opened = await this.#afterUnlock(revision);
      return opened.error ? opened : { ok: true, rollback, upgraded: Boolean(result.upgraded) };
    }
    const damaged = ['integrity_failure', 'malformed_file'].includes(result.error.kind);
    if (!damaged || !previous) return result;
    const older = await this.#authcore.call('vaultUnlock', previous.bytes, password);
    if (older.error) return result;
    const rollback = await this.#rollback(older.revision, 1);
    const upgraded = older.upgraded && older.file;
    const saved = await this.#persist(upgraded ? older.file : previous.bytes, older.revision ?? previous.revision, { replace: true });
    if (saved.error) return saved;
    const opened = await this.#afterUnlock(older.revision ?? previous.revision);
    return opened.error ? opened : { ok: true, recovered: true, rollback };
  }

  // --- passkeys: the page runs WebAuthn (webauthn-prf.js), the core keeps the slots ----------------

  /// The passkeys of the stored vault, readable while locked: [{credentialId, name, prfSalt}].
  async storedPasskeys() {
    const { current } = await loadVault();
    if (!current) return { passkeys: [] };
    return this.#authcore.call('vaultPasskeysOf', current.bytes);
  }

  /// Asks the browser for one of the vault's passkeys and opens the vault with its PRF output.
  async unlockWithPasskey() {
    const { current } = await loadVault();
    if (!current) return failure('no_vault');
    const listed = await this.#authcore.call('vaultPasskeysOf', current.bytes);
    if (listed.error) return listed;
    let answer;
    try {
      answer = await passkeyPrfOutput(listed.passkeys);
    } catch (error) {
      if (error instanceof PasskeyError) return failure(`passkey_${error.kind}`);
      throw error;
    }
    const result = await this.#authcore.call('vaultUnlockWithPasskey', current.bytes, answer.credentialId, answer.prfOutput);
    answer.prfOutput.fill(0);
    if (result.error) return result;
    return this.#afterUnlock(result.revision ?? current.revision);
  }

  passkeys() {
    return this.#authcore.call('vaultPasskeys');
  }

  /// Creates a passkey (WebAuthn, prf extension) and adds a slot for it under `name`.
  async addPasskey(name, { userName, displayName }) {
    const salt = await this.#authcore.call('vaultPasskeySalt');
    if (salt.error) return salt;
    let created;
    try {
      created = await createPrfPasskey({ salt: salt.prfSalt, userName, displayName });
    } catch (error) {
      if (error instanceof PasskeyError) return failure(`passkey_${error.kind}`);
      throw error;
    }
    const { credentialId, prfOutput } = created;
    const result = await this.#mutate('vaultAddPasskey', [name, credentialId, salt.prfSalt, prfOutput],
      () => this.#authcore.call('vaultRemovePasskey', credentialId), 'passkeys');
    prfOutput.fill(0);
    return result;
  }

  removePasskey(credentialId) {
    // Undoing a removal in wasm would need the passkey's PRF output again. After a failed write the
    // stored file keeps the slot and the next save removes it, as the user asked; nothing is lost.
    return this.#mutate('vaultRemovePasskey', [credentialId], null, 'passkeys');
  }

  /// Restores an encrypted backup file (bytes) with its password, replacing what is stored.
  async restore(bytes, password) {
    const result = await this.#authcore.call('vaultUnlock', bytes, password);
    if (result.error) {
      // The core closes whatever vault it had open before trying a file: mirror that here, quietly
      // (the restore screen stays; leaving it goes to the unlock screen).
      this.#wipe();
      // A file that made the module throw (a trap) may have left its memory in any state: start
      // the next call in a fresh worker. Nothing is lost, the vault was closed.
      if (['internal', 'worker_failed'].includes(result.error.kind)) this.#authcore.terminate?.();
      return result;
    }
    // A restored backup starts a new history: its revision becomes the highest seen. A weak slot the
    // core re-wrapped on opening is stored upgraded.
    const file = result.upgraded && result.file ? result.file : bytes;
    const saved = await this.#persist(file, result.revision, { replace: true, resetHighest: true });
    if (saved.error) {
      await this.#authcore.call('vaultLock');
      return saved;
    }
    return this.#afterUnlock(result.revision);
  }

  lock(reason = 'user') {
    this.#authcore.call('vaultLock');
    const wasUnlocked = this.#unlocked;
    this.#wipe();
    if (wasUnlocked) this.dispatchEvent(new CustomEvent('lock', { detail: { reason } }));
  }

  #wipe() {
    this.#unlocked = false;
    this.#entries = [];
    this.#revision = null;
  }

  codes(unixSeconds) {
    return this.#authcore.call('vaultCodes', unixSeconds);
  }

  // --- the add paths: the core stages candidates, the page sees ids, previews and codes ------------

  /// A scanned or pasted text, staged in the core: {kind, candidates: [preview], problems, text?}.
  stageText(text) {
    return this.#authcore.call('sessionStageText', text);
  }

  /// The code a staged candidate shows now (the secret never leaves the worker).
  candidateCode(id, unixSeconds) {
    return this.#authcore.call('sessionCandidateCode', id, unixSeconds);
  }

  discardCandidate(id) {
    return this.#authcore.call('sessionDiscard', id);
  }

  discardCandidates() {
    return this.#authcore.call('sessionDiscardAll');
  }

  /// Compute, persist, confirm: the core computes the file with the candidates added, it is stored,
  /// and only then does the core make it the vault. A failed write abandons the computed file, so
  /// nothing is undone: the vault never changed. {added: [entry]} or {error}.
  async saveCandidates(ids, { group, allowDuplicates = false } = {}) {
    const computed = await this.#authcore.call('sessionCommit', { ids, group, allowDuplicates });
    if (computed.error) return computed;
    const saved = await this.#persist(computed.file, computed.revision);
    if (saved.error) {
      if (this.#unlocked) await this.#authcore.call('sessionAbandon');
      return saved;
    }
    const confirmed = await this.#authcore.call('sessionConfirmSaved', computed.revision);
    if (confirmed.error) {
      // Stored, but the vault in memory moved meanwhile: what is stored is the truth, so it is
      // opened again from storage rather than guessed at here.
      this.lock('stale');
      return confirmed;
    }
    // The core adds at the end of the user's order, so the list needs no second round trip.
    this.#entries = [...this.#entries, ...confirmed.added];
    this.#changed('add');
    return confirmed;
  }

  /// A typed key: staged and saved at once (the form is its own preview). The candidate is dropped
  /// if the save does not happen, except for a duplicate, which the form may save anyway.
  async addManual(fields, { allowDuplicates = false, candidateId = null } = {}) {
    let id = candidateId;
    if (!id) {
      const staged = await this.#authcore.call('sessionStageManual', fields);
      if (staged.error) return staged;
      id = staged.candidate.id;
    }
    const result = await this.saveCandidates([id], { allowDuplicates });
    if (result.error?.kind === 'duplicate') return { ...result, candidateId: id };
    if (result.error && this.#unlocked) await this.discardCandidate(id);
    return result;
  }

  checkSecret(text) {
    return this.#authcore.call('sessionCheckSecret', text);
  }

  update(id, changes) {
    const before = this.entry(id);
    const previous = before && { issuer: before.issuer, name: before.name, group: before.group, note: before.note, favourite: before.favourite };
    return this.#mutate('vaultUpdate', [id, changes], () => previous && this.#authcore.call('vaultUpdate', id, previous), 'update');
  }

  remove(id) {
    return this.#mutate('vaultDelete', [id], () => this.#authcore.call('vaultUndoDelete'), 'delete');
  }

  undoDelete() {
    return this.#mutate('vaultUndoDelete', [], ({ entry }) => this.#authcore.call('vaultDelete', entry.id), 'undo');
  }

  reorder(ids) {
    const before = this.#entries.map((entry) => entry.id);
    return this.#mutate('vaultReorder', [ids], () => this.#authcore.call('vaultReorder', before), 'reorder');
  }

  /// HOTP: the incremented counter is saved BEFORE the code is returned to be shown.
  async nextHotp(id) {
    const result = await this.#authcore.call('vaultNextHotp', id);
    if (result.error) return result;
    const saved = await this.#persist(result.file, result.revision);
    if (saved.error) return saved; // the code is never shown; the in-memory counter stays ahead, which servers tolerate
    await this.#refreshEntries();
    return { code: result.code, counter: result.counter };
  }

  /// The core makes a new master key; 'previous' is overwritten too, so no record under the old
  /// password stays in IndexedDB (backups the user downloaded before still open with it). The new key
  /// drops the passkey slots (they cannot be re-wrapped without each passkey's PRF output):
  /// `passkeysDropped` says how many, for the page to tell the user.
  async changePassword(oldPassword, newPassword) {
    const before = await this.#authcore.call('vaultPasskeys');
    const result = await this.#mutate('vaultChangePassword', [oldPassword, newPassword],
      () => this.#authcore.call('vaultChangePassword', newPassword, oldPassword), 'password', { forgetPrevious: true });
    if (result.error || before.error) return result;
    const after = await this.#authcore.call('vaultPasskeys');
    return { ...result, passkeysDropped: after.error ? 0 : Math.max(0, before.passkeys.length - after.passkeys.length) };
  }

  importUris(uris, options = {}) {
    const before = new Set(this.#entries.map((entry) => entry.id));
    const undo = async () => {
      const { entries = [] } = await this.#authcore.call('vaultEntries');
      for (const entry of entries) if (!before.has(entry.id)) await this.#authcore.call('vaultDelete', entry.id);
    };
    return this.#mutate('vaultImportUris', [uris, options], undo, 'import');
  }

  /// Opens a backup file in wasm (beside the unlocked vault) and says what merging it would change:
  /// {added, updated, deleted: [entry], unchanged}. Nothing is saved until applyMerge().
  previewMerge(bytes, password) {
    return this.#authcore.call('vaultPreviewMerge', bytes, password);
  }

  /// Merges the previewed backup as one save. A merge cannot be taken back in wasm, so if the write
  /// fails the vault locks: what is stored is still the vault before the merge.
  applyMerge() {
    return this.#mutate('vaultApplyMerge', [], () => this.lock('write_failed'), 'merge');
  }

  discardMerge() {
    return this.#authcore.call('vaultDiscardMerge');
  }

  exportUri(id) {
    return this.#authcore.call('vaultExportUri', id);
  }

  exportUris() {
    return this.#authcore.call('vaultExportUris');
  }

  /// The encrypted file as stored: what a backup download contains.
  async backupBytes() {
    const { current } = await loadVault();
    return current?.bytes ?? null;
  }
}
