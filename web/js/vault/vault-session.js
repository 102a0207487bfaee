// The unlocked vault as the page sees it: the worker (wasm) holds the keys and secrets, this object
// holds only what the list shows (entries without secrets, codes) and the revision it saved last.
// Every change goes "compute, persist, confirm": a binding computes the new encrypted file in the
// core without changing the vault, the file is stored in one IndexedDB transaction, and only then
// does sessionConfirmSaved make it the vault (and answer with the new list). A failed write is
// sessionAbandon: the vault never changed, so nothing is undone, and memory never runs ahead of
// storage. lock() wipes the keys in wasm and every decrypted value here.
import { loadVault, saveVault, StaleVaultError, VaultWriteError } from '../storage/vault-store.js';
import { takePrefetchedVault } from '../storage/vault-prefetch.js';
import { rollbackWarning, acceptRollback, readHighestRevision } from './rollback-warning.js';
import { TabSync } from '../storage/tab-sync.js';
import { createPrfPasskey, passkeyPrfOutput, PasskeyError } from './webauthn-prf.js';

/// Up to this many accounts every code is cheap (two HMACs each): an unlock brings them all along,
/// and the codes screen asks for everyone's at once. Above it an unlock brings the codes of the first
/// this many in the list, more than a screenful, and the screen asks for the rest after
/// (accounts-screen.js).
export const ALL_CODES_AT_ONCE_UP_TO = 60;

function failure(kind, extra = {}) {
  return { error: { kind, field: '', message: kind, ...extra } };
}

export class VaultSession extends EventTarget {
  #authcore;
  #sync = new TabSync();
  #revision = null;
  #entries = [];
  #unlocked = false;
  #warmUp = null; // the vaultWarmUp call, once per page
  #firstCodes = null; // {unix, codes} that came with the unlock, until the codes screen takes them

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
    return takePrefetchedVault() ?? loadVault();
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

  /// Stores what a binding computed ({file, revision} or {error}), then confirms it: the core's
  /// answer ({entries, added, code, ...}) or {error}. A failed write abandons the computed file.
  async #save(computed, reason, saveOptions = {}) {
    if (computed.error) return computed;
    const saved = await this.#persist(computed.file, computed.revision, saveOptions);
    if (saved.error) {
      // A stale vault has locked already (#persist), and its pending save went with it.
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
    this.#entries = confirmed.entries;
    if (reason) this.#changed(reason);
    return confirmed;
  }

  async #change(action, args, reason, saveOptions) {
    return this.#save(await this.#authcore.call(action, ...args), reason, saveOptions);
  }

  async create(password) {
    const created = await this.#authcore.call('vaultCreate', password);
    if (created.error) return created;
    const saved = await this.#persist(created.file, created.revision, { expected: null, resetHighest: true });
    if (saved.error) {
      await this.#authcore.call('vaultLock');
      return saved;
    }
    return this.#afterUnlock(created.revision, created.entries);
  }

  // A binding that opens a vault, with the first codes in the same answer (authcore-worker.js).
  #open(action, args) {
    return this.#authcore.call('openWithCodes', action, args, Math.floor(Date.now() / 1000), ALL_CODES_AT_ONCE_UP_TO);
  }

  /// The codes that came with the unlock ({unix, codes, complete}: codes as vaultCodes gives them, of
  /// every account or, when not complete, of the first ones shown), once; null after.
  takeFirstCodes() {
    const codes = this.#firstCodes;
    this.#firstCodes = null;
    return codes;
  }

  /// The vault is open in the worker ({revision, entries} of what it answered).
  #afterUnlock(revision, entries, firstCodes = null) {
    this.#revision = revision;
    this.#unlocked = true;
    this.#entries = entries;
    this.#firstCodes = firstCodes;
    this.#changed('unlock');
    return { ok: true };
  }

  /// The user keeps the older vault after a rollback warning: it becomes the newest seen.
  acceptRollback(revision) {
    return acceptRollback(revision);
  }

  /// A slot below the KDF floor is re-wrapped by the core on unlock ({upgraded, file, revision},
  /// pending like any change): stored, then confirmed. Returns the revision now stored, or null.
  async #storeUpgrade(result, stored) {
    if (!result.upgraded) return stored.revision;
    const saved = await this.#persist(result.file, result.revision, { expected: stored.revision });
    if (saved.error?.kind === 'stale') return null;
    if (saved.error) {
      // The weak file stays on disk and the vault opened from it stays as it is; the next unlock
      // upgrades again.
      await this.#authcore.call('sessionAbandon');
      return stored.revision;
    }
    const confirmed = await this.#authcore.call('sessionConfirmSaved', result.revision);
    return confirmed.error ? null : result.revision;
  }

  /// Prepares the worker for a password: the first Argon2id after a reload was 60-100 ms slower than
  /// the next (memory still to be mapped, code not yet optimised). Once per page; failures are
  /// harmless (the real derivation just pays that cost).
  warmUp() {
    this.#warmUp ??= this.#authcore.call('vaultWarmUp').catch(() => null);
  }

  /// Rehearses opening `bytes` in the worker (see Vault::rehearse): the stored vault at start, or a
  /// backup about to be restored; undefined when there is neither. Failures are harmless (the real
  /// unlock or restore just runs colder).
  rehearse(bytes) {
    this.#authcore.call('vaultRehearse', bytes).catch(() => null);
  }

  /// Starts reading the stored vault for unlock(): the unlock screen reads it alongside the
  /// wrong-password delay after the press, not one after the other.
  readStored() {
    const reading = loadVault();
    reading.catch(() => {}); // unlock() sees the failure when it awaits the read
    return reading;
  }

  /// Tries the current record, then the previous good one if the current is damaged. `reading`: a
  /// readStored() already under way.
  async unlock(password, reading = loadVault()) {
    const { current, previous } = await reading;
    if (!current) return failure('no_vault');
    const highest = readHighestRevision(); // read while Argon2id runs, not after it
    const result = await this.#open('vaultUnlock', [current.bytes, password]);
    if (!result.error) {
      const rollback = await rollbackWarning(result.revision, 0, highest);
      const revision = await this.#storeUpgrade(result, current);
      if (revision === null) return failure('stale');
      this.#afterUnlock(revision, result.entries, result.firstCodes);
      return { ok: true, rollback, upgraded: Boolean(result.upgraded) };
    }
    const damaged = ['integrity_failure', 'malformed_file'].includes(result.error.kind);
    if (!damaged || !previous) return result;
    const older = await this.#authcore.call('vaultUnlock', previous.bytes, password);
    if (older.error) return result;
    const rollback = await rollbackWarning(older.revision, 1);
    // The previous record becomes the current one (upgraded if its slot was weak).
    const saved = await this.#persist(older.upgraded ? older.file : previous.bytes, older.revision, { replace: true });
    if (older.upgraded) await this.#authcore.call(saved.error ? 'sessionAbandon' : 'sessionConfirmSaved', older.revision);
    if (saved.error) return saved;
    this.#afterUnlock(older.revision, older.entries);
    return { ok: true, recovered: true, rollback };
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
    const result = await this.#open('vaultUnlockWithPasskey', [current.bytes, answer.credentialId, answer.prfOutput]);
    answer.prfOutput.fill(0);
    if (result.error) return result;
    return this.#afterUnlock(result.revision, result.entries, result.firstCodes);
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
    const result = await this.#change('vaultAddPasskey', [name, credentialId, salt.prfSalt, prfOutput], 'passkeys');
    prfOutput.fill(0);
    return result;
  }

  removePasskey(credentialId) {
    return this.#change('vaultRemovePasskey', [credentialId], 'passkeys');
  }

  /// Restores an encrypted backup file (bytes) with its password, replacing what is stored. The
  /// core opens it beside whatever is open and switches only once the file is stored.
  async restore(bytes, password) {
    const result = await this.#authcore.call('vaultRestore', bytes, password);
    if (result.error) {
      // A file that made the module throw (a trap) may have left its memory in any state: start
      // the next call in a fresh worker. The vault it held is closed with it, quietly (the screen
      // stays; leaving it goes to the unlock screen).
      if (['internal', 'worker_failed'].includes(result.error.kind)) {
        this.#authcore.terminate?.();
        this.#wipe();
      }
      return result;
    }
    // A restored backup starts a new history: its revision becomes the highest seen.
    const saved = await this.#persist(result.file, result.revision, { replace: true, resetHighest: true });
    if (saved.error) {
      await this.#authcore.call('sessionAbandon');
      return saved;
    }
    const confirmed = await this.#open('sessionConfirmSaved', [result.revision]);
    if (confirmed.error) return confirmed;
    return this.#afterUnlock(result.revision, confirmed.entries, confirmed.firstCodes);
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
    this.#firstCodes = null;
  }

  /// {codes: [{id, code, nextCode, secondsRemaining, period}]} of every entry, or of `ids` only.
  codes(unixSeconds, ids = undefined) {
    return ids ? this.#authcore.call('vaultCodes', unixSeconds, ids) : this.#authcore.call('vaultCodes', unixSeconds);
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

  /// Saves staged candidates: {added: [entry], skipped: [candidate id]} or {error}. `skipDuplicates`
  /// leaves out candidates already in the vault (an import) instead of refusing them all.
  saveCandidates(ids, { group, allowDuplicates = false, skipDuplicates = false, reason = 'add' } = {}) {
    return this.#change('sessionCommit', [{ ids, group, allowDuplicates, skipDuplicates }], reason);
  }

  /// Accounts an import worker staged here (worker/vault-link.js): {candidates: [preview]}.
  saveImport(ids, { allowDuplicates = false } = {}) {
    return this.saveCandidates(ids, { allowDuplicates, skipDuplicates: !allowDuplicates, reason: 'import' });
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

  async update(id, changes) {
    const result = await this.#change('vaultUpdate', [id, changes], 'update');
    return result.error ? result : { ...result, entry: this.entry(id) };
  }

  remove(id) {
    return this.#change('vaultDelete', [id], 'delete');
  }

  undoDelete() {
    return this.#change('vaultUndoDelete', [], 'undo');
  }

  reorder(ids) {
    return this.#change('vaultReorder', [ids], 'reorder');
  }

  /// HOTP: the code comes with the confirmation, after the incremented counter is stored, so a code
  /// is never shown whose counter could be used again.
  async nextHotp(id) {
    const result = await this.#change('vaultNextHotp', [id]);
    if (result.error) return result;
    // No 'change' (the list stays as it is); sync hears it, so other devices learn the counter soon.
    this.dispatchEvent(new CustomEvent('hotp-used'));
    return { code: result.code, counter: result.counter };
  }

  /// The core makes a new master key (one Argon2id, on a copy: a failed write costs nothing to
  /// undo); 'previous' is overwritten too, so no record under the old password stays in IndexedDB
  /// (backups the user downloaded before still open with it). The new key drops the passkey slots
  /// (they cannot be re-wrapped without each passkey's PRF output): `passkeysDropped` says how many.
  /// Sync (vault-sync.js) hears 'password-changed' with the old password: the server's copy is under
  /// the old key, and is merged and replaced under the new one.
  async changePassword(oldPassword, newPassword) {
    const result = await this.#change('vaultChangePassword', [oldPassword, newPassword], 'password', { forgetPrevious: true });
    if (!result.error) this.dispatchEvent(new CustomEvent('password-changed', { detail: { oldPassword } }));
    return result;
  }

  /// Opens a backup file in wasm (beside the unlocked vault) and says what merging it would change:
  /// {added, updated, deleted: [entry], unchanged}. Nothing is saved until applyMerge().
  previewMerge(bytes, password) {
    return this.#authcore.call('vaultPreviewMerge', bytes, password);
  }

  /// Merges the previewed backup as one save: {added, updated, deleted, unchanged} (counts).
  async applyMerge() {
    const result = await this.#change('vaultApplyMerge', [], 'merge');
    return result.error ? result : result.merge;
  }

  discardMerge() {
    return this.#authcore.call('vaultDiscardMerge');
  }

  /// Sync (vault/vault-sync.js): opens a copy another device stored, with this vault's key or, when
  /// it is under another, with `password` (then its key is adopted, unless `keepThisKey`: the password
  /// was changed here). {needsPassword} | {added, updated, deleted, unchanged, syncedCopyBehind,
  /// adoptsSyncedKey} | {error}. Nothing is saved until applySync().
  previewSync(bytes, password = undefined, keepThisKey = false) {
    return this.#authcore.call('vaultPreviewSync', bytes, password, keepThisKey);
  }

  /// Applies the previewed sync as one save: {merge, file} (the file now stored here, for the
  /// server) or {error}. Adopting another key leaves no record under the old one in IndexedDB.
  async applySync({ adoptsSyncedKey = false } = {}) {
    const computed = await this.#authcore.call('vaultApplySync');
    if (computed.error) return computed;
    const file = computed.file;
    const confirmed = await this.#save(computed, 'sync', adoptsSyncedKey ? { forgetPrevious: true } : {});
    return confirmed.error ? confirmed : { merge: confirmed.merge, file };
  }

  /// {sealed: Uint8Array}: `text` sealed under the vault's key (the sync server's app password).
  sealDeviceSecret(text) {
    return this.#authcore.call('vaultSealDeviceSecret', text);
  }

  /// {secret} or {error: wrong_key} when it was sealed under a key this vault no longer has.
  openDeviceSecret(sealed) {
    return this.#authcore.call('vaultOpenDeviceSecret', sealed);
  }

  /// Moving the vault by QR: {file, code}, the accounts under a new key whose only password is the
  /// one-time `code` (the sequence of QR codes shows `file`; transfer/vault-frames.js).
  transferCopy() {
    return this.#authcore.call('vaultTransferCopy');
  }

  /// previewMerge() for a copy received by QR, with the one-time code as the user typed it.
  previewTransfer(bytes, typedCode) {
    return this.#authcore.call('vaultPreviewTransfer', bytes, typedCode);
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
