// Keeps this device's vault in step with a copy in storage the user names (docs/sync.md): a file on
// a WebDAV server, or a file in a folder picked with the File System Access API that the user's own
// sync client (OneDrive, Nextcloud, Syncthing) carries to other computers. A sync reads the copy, merges it in the core (VaultSession.previewSync/applySync: compute,
// persist, confirm, like every change) and writes the result back only if the copy is still the one
// read (If-Match, or the file's version); when another device wrote in between, it reads and merges
// again. A folder's conflict copies (two computers wrote at once) are merged first, then removed.
// It runs after unlock, when the page comes back into view, after every save here, and on request.
// A failure (server down, 401, full, a changed file) leaves the vault here exactly as it was and is
// told in `state`; nothing is retried behind the user's back but at the next of those moments.
import { WebDavFile } from '../storage/webdav-file.js';
import { RemoteError } from '../storage/remote-error.js';
import { FolderFile, folderPermission } from '../storage/folder-file.js';
import { saveFolderHandle, loadFolderHandle, clearFolderHandle } from '../storage/folder-handle-store.js';
import { loadSyncSettings, saveSyncSettings, clearSyncSettings } from '../storage/sync-settings.js';

function defaultRemote(settings, access) {
  if (settings.kind === 'folder') return new FolderFile({ folder: access });
  return new WebDavFile({ url: settings.url, user: settings.user, password: access });
}

const MAX_ATTEMPTS = 3;
const RETURN_COALESCE_MS = 1000; // reads and merges when another device keeps writing first
const RETRY_AFTER_MS = 500;

/// Changes made here that the server should get; 'sync' itself is not one.
const LOCAL_CHANGES = new Set(['add', 'update', 'delete', 'undo', 'reorder', 'merge', 'import', 'passkeys']);

export class VaultSync extends EventTarget {
  #session;
  #makeRemote;
  #settings = loadSyncSettings();
  // While unlocked and sync is on: the WebDAV app password, or the folder's handle once the browser
  // lets the page write there.
  #access = null;
  #running = null;
  #again = false;
  #returnedAt = 0;
  /// {status: 'off'|'idle'|'syncing'|'ok'|'needs_password'|'needs_permission'|'failed', error?,
  /// changes?, at?}
  state = { status: 'off' };

  /// makeRemote(settings, access): the copy's reader and writer (tests give a stand-in).
  constructor(session, { makeRemote = defaultRemote } = {}) {
    super();
    this.#session = session;
    this.#makeRemote = makeRemote;
    if (this.#settings) this.state = { status: 'idle' };
    session.addEventListener('change', (event) => {
      const reason = event.detail.reason;
      if (reason === 'unlock') this.#afterUnlock();
      else if (LOCAL_CHANGES.has(reason)) this.syncSoon();
    });
    // The new key no longer opens the sealed app password, nor the server's copy: the form hands
    // over the old password, with which the copy is merged and then replaced under the new key.
    session.addEventListener('password-changed', (event) => this.#afterPasswordChange(event.detail.oldPassword));
    // A used HOTP counter: another device must not show the same code again.
    session.addEventListener('hotp-used', () => this.syncSoon());
    session.addEventListener('lock', () => {
      this.#access = null;
      if (this.#settings) this.#setState({ status: 'idle' });
    });
    // Back to the page: from another tab (visibilitychange) or another window, where a sync client
    // may just have brought a newer copy (focus). Switching tabs fires both: one sync for the two.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.#syncOnReturn();
    });
    globalThis.addEventListener?.('focus', () => this.#syncOnReturn());
  }

  #syncOnReturn() {
    const now = Date.now();
    if (now - this.#returnedAt < RETURN_COALESCE_MS) return;
    this.#returnedAt = now;
    this.syncSoon();
  }

  get enabled() {
    return this.#settings !== null;
  }

  get settings() {
    if (!this.#settings) return null;
    const { kind, url, user, folderName, lastSyncedAt } = this.#settings;
    return { kind, url, user, folderName, lastSyncedAt };
  }

  #setState(state) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }

  async #afterUnlock() {
    if (!this.#settings) return;
    if (this.#settings.kind === 'folder') {
      await this.#openFolder({ ask: false });
      return;
    }
    const opened = await this.#session.openDeviceSecret(this.#settings.sealedPassword);
    if (opened.error) {
      // Sealed under a key this vault no longer has (its password was changed or it was replaced).
      this.#setState({ status: 'failed', error: { kind: 'app_password_lost' } });
      return;
    }
    this.#access = opened.secret;
    this.syncSoon();
  }

  /// The kept folder, if the browser lets the page write there: it asks the user only with `ask`
  /// (a click); otherwise 'needs_permission' waits for that click (allowFolder()).
  async #openFolder({ ask }) {
    const folder = await loadFolderHandle();
    if (!folder) return this.#fail({ kind: 'folder_gone' });
    let permission;
    try {
      permission = await folderPermission(folder, { ask });
    } catch {
      permission = 'denied';
    }
    if (permission !== 'granted') {
      this.#setState({ status: 'needs_permission' });
      return this.state;
    }
    this.#access = folder;
    return this.syncNow();
  }

  /// From a click on "Allow access to the folder": the browser asks, then a sync runs.
  allowFolder() {
    return this.#openFolder({ ask: true });
  }

  async #afterPasswordChange(oldPassword) {
    if (!this.#settings || !this.#access) return;
    if (this.#settings.kind === 'webdav') await this.#resealAppPassword();
    await this.syncNow({ password: oldPassword, keepThisKey: true });
  }

  /// Turns sync on with this server file and app password, and syncs once. {ok} or {error}.
  async turnOn({ url, user, password }) {
    const sealed = await this.#session.sealDeviceSecret(password);
    if (sealed.error) return sealed;
    const settings = { url, user, sealedPassword: sealed.sealed, lastSyncedAt: 0 };
    try {
      saveSyncSettings(settings);
    } catch {
      return { error: { kind: 'quota' } };
    }
    this.#settings = settings;
    this.#access = password;
    return this.syncNow();
  }

  /// Turns sync on with a folder the user just picked (and so allowed), and syncs once.
  async turnOnFolder(folder) {
    const settings = { kind: 'folder', folderName: folder.name, lastSyncedAt: 0 };
    try {
      await saveFolderHandle(folder);
      saveSyncSettings(settings);
    } catch {
      return { error: { kind: 'quota' } };
    }
    this.#settings = settings;
    this.#access = folder;
    return this.syncNow();
  }

  turnOff() {
    if (this.#settings?.kind === 'folder') clearFolderHandle();
    clearSyncSettings();
    this.#settings = null;
    this.#access = null;
    this.#setState({ status: 'off' });
  }

  /// A sync as soon as the one running (if any) ends; never two at once.
  syncSoon() {
    if (!this.#settings || !this.#access || !this.#session.unlocked) return;
    if (this.#running) this.#again = true;
    else this.syncNow();
  }

  /// Syncs now. `password`: the synced vault's password, when the last sync said needs_password
  /// (its key is then adopted), or this vault's old one with `keepThisKey`. Resolves the new state.
  async syncNow({ password, keepThisKey = false } = {}) {
    if (this.#running) await this.#running.catch(() => {});
    this.#running = this.#sync(password, keepThisKey);
    try {
      return await this.#running;
    } finally {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.syncSoon();
      }
    }
  }

  async #sync(password, keepThisKey) {
    if (!this.#settings || !this.#access || !this.#session.unlocked) return this.state;
    this.#setState({ status: 'syncing' });
    const remote = this.#makeRemote(this.#settings, this.#access);
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const merged = await this.#mergeConflictCopies(remote);
        const outcome = await this.#attemptTwiceIfUnreachable(remote, password, keepThisKey);
        if (outcome === 'conflict') continue;
        if (outcome.status === 'ok') await this.#removeCopies(remote, merged, outcome);
        return this.#finish(outcome);
      }
      return this.#fail({ kind: 'conflict' });
    } catch (error) {
      if (error instanceof RemoteError) return this.#fail({ kind: error.kind, status: error.status });
      return this.#fail({ kind: 'internal' });
    }
  }

  /// A connection the browser kept from before the server restarted can fail once; a second try
  /// a moment later tells a blip from a server that is down.
  async #attemptTwiceIfUnreachable(remote, password, keepThisKey) {
    try {
      return await this.#attempt(remote, password, keepThisKey);
    } catch (error) {
      if (!(error instanceof RemoteError) || error.kind !== 'unreachable') throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
      return this.#attempt(remote, password, keepThisKey);
    }
  }

  /// One read, merge and write: a state, or 'conflict' when another device wrote first.
  async #attempt(remote, password, keepThisKey) {
    const found = await remote.read();
    if (!found) {
      // The first device: the server gets this vault's file as it is stored, unless another device
      // wrote one meanwhile (412 on If-None-Match): then read and merge that.
      const { current } = await this.#session.stored();
      if (await this.#writeOrConflict(remote, current.bytes, null) === 'conflict') return 'conflict';
      return { status: 'ok', changes: { added: 0, updated: 0, deleted: 0 }, wrote: true };
    }
    const preview = await this.#session.previewSync(found.bytes, password, keepThisKey);
    if (preview.needsPassword) return { status: 'needs_password' };
    if (preview.error) {
      if (preview.error.kind === 'wrong_password') return { status: 'needs_password', wrongPassword: true };
      return { status: 'failed', error: preview.error };
    }
    const changes = { added: preview.added, updated: preview.updated, deleted: preview.deleted };
    const changesHere = preview.added + preview.updated + preview.deleted > 0 || preview.adoptsSyncedKey;
    let bytes = null;
    if (changesHere) {
      const applied = await this.#session.applySync({ adoptsSyncedKey: preview.adoptsSyncedKey });
      if (applied.error) return { status: 'failed', error: applied.error };
      bytes = applied.file;
      if (preview.adoptsSyncedKey) await this.#resealAppPassword();
    } else {
      await this.#session.discardMerge();
      if (preview.syncedCopyBehind) bytes = (await this.#session.stored()).current.bytes;
    }
    if (preview.syncedCopyBehind && await this.#writeOrConflict(remote, bytes, found.etag) === 'conflict') return 'conflict';
    return { status: 'ok', changes, wrote: preview.syncedCopyBehind };
  }

  /// A folder's conflict copies under this vault's key, merged here (the write that follows carries
  /// them to the folder's file): {names, added, updated, deleted}. A copy under another key or that
  /// does not open stays where it is, for the user to deal with.
  async #mergeConflictCopies(remote) {
    const merged = { names: [], added: 0, updated: 0, deleted: 0 };
    if (!remote.copies) return merged;
    for (const name of await remote.copies()) {
      const preview = await this.#session.previewSync(await remote.readCopy(name));
      if (preview.needsPassword || preview.error) continue;
      if (preview.added + preview.updated + preview.deleted > 0) {
        const applied = await this.#session.applySync();
        if (applied.error) continue;
      } else {
        await this.#session.discardMerge();
      }
      merged.names.push(name);
      merged.added += preview.added;
      merged.updated += preview.updated;
      merged.deleted += preview.deleted;
    }
    return merged;
  }

  /// Once the file holds what the copies held, they go (a failure to remove one is harmless: it
  /// merges to nothing next time).
  async #removeCopies(remote, merged, outcome) {
    for (const name of merged.names) await remote.removeCopy(name).catch(() => {});
    outcome.changes.added += merged.added;
    outcome.changes.updated += merged.updated;
    outcome.changes.deleted += merged.deleted;
  }

  async #writeOrConflict(remote, bytes, etag) {
    try {
      await remote.write(bytes, etag);
      return 'written';
    } catch (error) {
      if (error instanceof RemoteError && error.kind === 'conflict') return 'conflict';
      throw error;
    }
  }

  /// After adopting the synced vault's key the sealed app password no longer opens: seal it again.
  async #resealAppPassword() {
    const sealed = await this.#session.sealDeviceSecret(this.#access);
    if (sealed.error) return;
    this.#settings = { ...this.#settings, sealedPassword: sealed.sealed };
    try {
      saveSyncSettings(this.#settings);
    } catch {
      // Kept for this visit; the next unlock asks for the app password again.
    }
  }

  #finish(outcome) {
    if (outcome.status !== 'ok') {
      this.#setState(outcome.status === 'failed' ? { status: 'failed', error: outcome.error } : outcome);
      return this.state;
    }
    const at = Date.now();
    this.#settings = { ...this.#settings, lastSyncedAt: at };
    try {
      saveSyncSettings(this.#settings);
    } catch {
      // The time of the last sync is only shown.
    }
    this.#setState({ status: 'ok', changes: outcome.changes, at });
    return this.state;
  }

  #fail(error) {
    this.#setState({ status: 'failed', error });
    return this.state;
  }
}
