// Keeps this device's vault in step with a copy on a WebDAV server the user names (docs/sync.md).
// A sync reads the server's file, merges it in the core (VaultSession.previewSync/applySync: compute,
// persist, confirm, like every change) and writes the result back only if the server's file is
// still the one read (If-Match); when another device wrote in between, it reads and merges again.
// It runs after unlock, when the page comes back into view, after every save here, and on request.
// A failure (server down, 401, full, a changed file) leaves the vault here exactly as it was and is
// told in `state`; nothing is retried behind the user's back but at the next of those moments.
import { WebDavFile, RemoteError } from '../storage/webdav-file.js';
import { loadSyncSettings, saveSyncSettings, clearSyncSettings } from '../storage/sync-settings.js';

const MAX_ATTEMPTS = 3; // reads and merges when another device keeps writing first
const RETRY_AFTER_MS = 500;

/// Changes made here that the server should get; 'sync' itself is not one.
const LOCAL_CHANGES = new Set(['add', 'update', 'delete', 'undo', 'reorder', 'merge', 'import', 'passkeys']);

export class VaultSync extends EventTarget {
  #session;
  #makeRemote;
  #settings = loadSyncSettings();
  #appPassword = null; // while unlocked and sync is on
  #running = null;
  #again = false;
  /// {status: 'off'|'idle'|'syncing'|'ok'|'needs_password'|'failed', error?, changes?, at?}
  state = { status: 'off' };

  constructor(session, { makeRemote = (config) => new WebDavFile(config) } = {}) {
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
      this.#appPassword = null;
      if (this.#settings) this.#setState({ status: 'idle' });
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.syncSoon();
    });
  }

  get enabled() {
    return this.#settings !== null;
  }

  get settings() {
    return this.#settings ? { url: this.#settings.url, user: this.#settings.user, lastSyncedAt: this.#settings.lastSyncedAt } : null;
  }

  #setState(state) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }

  async #afterUnlock() {
    if (!this.#settings) return;
    const opened = await this.#session.openDeviceSecret(this.#settings.sealedPassword);
    if (opened.error) {
      // Sealed under a key this vault no longer has (its password was changed or it was replaced).
      this.#setState({ status: 'failed', error: { kind: 'app_password_lost' } });
      return;
    }
    this.#appPassword = opened.secret;
    this.syncSoon();
  }

  async #afterPasswordChange(oldPassword) {
    if (!this.#settings || !this.#appPassword) return;
    await this.#resealAppPassword();
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
    this.#appPassword = password;
    return this.syncNow();
  }

  turnOff() {
    clearSyncSettings();
    this.#settings = null;
    this.#appPassword = null;
    this.#setState({ status: 'off' });
  }

  /// A sync as soon as the one running (if any) ends; never two at once.
  syncSoon() {
    if (!this.#settings || !this.#appPassword || !this.#session.unlocked) return;
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
    if (!this.#settings || !this.#appPassword || !this.#session.unlocked) return this.state;
    this.#setState({ status: 'syncing' });
    const remote = this.#makeRemote({ url: this.#settings.url, user: this.#settings.user, password: this.#appPassword });
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const outcome = await this.#attemptTwiceIfUnreachable(remote, password, keepThisKey);
        if (outcome !== 'conflict') return this.#finish(outcome);
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
    const sealed = await this.#session.sealDeviceSecret(this.#appPassword);
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
