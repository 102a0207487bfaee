// The unlocked vault as the page sees it: the worker (wasm) holds the keys and secrets, this object
// holds only what the list shows (entries without secrets, codes) and the revision it saved last.
// Every change goes: binding -> new encrypted file -> one IndexedDB transaction -> only then the
// page shows it. If the write fails, the change is undone in wasm too, so memory never runs ahead
// of storage. lock() wipes the keys in wasm and every decrypted value here.
import { loadVault, saveVault, StaleVaultError, VaultWriteError } from '../storage/vault-store.js';
import { TabSync } from '../storage/tab-sync.js';

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

  async #persist(file, revision, { expected = this.#revision, replace = false } = {}) {
    try {
      await saveVault(file, revision, expected, { replace });
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
  async #mutate(action, args, undo, reason) {
    const result = await this.#authcore.call(action, ...args);
    if (result.error) return result;
    const saved = await this.#persist(result.file, result.revision);
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
    const saved = await this.#persist(created.file, created.revision, { expected: null });
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

  /// Tries the current record, then the previous good one if the current is damaged.
  async unlock(password) {
    const { current, previous } = await loadVault();
    if (!current) return failure('no_vault');
    const result = await this.#authcore.call('vaultUnlock', current.bytes, password);
    if (!result.error) return this.#afterUnlock(result.revision ?? current.revision);
    const damaged = ['integrity_failure', 'malformed_file'].includes(result.error.kind);
    if (!damaged || !previous) return result;
    const older = await this.#authcore.call('vaultUnlock', previous.bytes, password);
    if (older.error) return result;
    const saved = await this.#persist(previous.bytes, older.revision ?? previous.revision, { replace: true });
    if (saved.error) return saved;
    const opened = await this.#afterUnlock(older.revision ?? previous.revision);
    return opened.error ? opened : { ok: true, recovered: true };
  }

  /// Restores an encrypted backup file (bytes) with its password, replacing what is stored.
  async restore(bytes, password) {
    const result = await this.#authcore.call('vaultUnlock', bytes, password);
    if (result.error) {
      // The core closes whatever vault it had open before trying a file: mirror that here, quietly
      // (the restore screen stays; leaving it goes to the unlock screen).
      this.#wipe();
      return result;
    }
    const saved = await this.#persist(bytes, result.revision, { replace: true });
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

  addUri(uri, options = {}) {
    return this.#mutate('vaultAddUri', [uri, options], ({ entry }) => this.#authcore.call('vaultDelete', entry.id), 'add');
  }

  addManual(fields) {
    return this.#mutate('vaultAddManual', [fields], ({ entry }) => this.#authcore.call('vaultDelete', entry.id), 'add');
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

  changePassword(oldPassword, newPassword) {
    return this.#mutate('vaultChangePassword', [oldPassword, newPassword],
      () => this.#authcore.call('vaultChangePassword', newPassword, oldPassword), 'password');
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
