// The app: which screen shows (locked screens vs. unlocked ones), the app bar, auto-lock, the busy
// state that holds back updates, and error wording. Screens are small classes in ../screens/ that
// build their element with t() and clean up in destroy().
import { clear } from '../ui/dom.js';
import { t, onLanguageChange, translateTree } from '../i18n/i18n.js';
import { showToast } from '../ui/announcer.js';
import { VaultSession } from '../vault/vault-session.js';
import { AutoLock } from '../vault/auto-lock.js';
import { VaultSync } from '../vault/vault-sync.js';
import { getSettings, onSettingsChange, updateSettings } from '../storage/settings.js';
import { describeError } from '../i18n/error-messages.js';
import { askPersistence, onPersistenceChange, persistenceState, evictionRisk } from '../storage/persistence.js';
import { UnlockScreen } from '../screens/unlock-screen.js';
import { AccountsScreen } from '../screens/accounts-screen.js';
import { UnavailableScreen } from '../screens/unavailable-screen.js';
import { PasteHandler } from '../scan/paste-handler.js';
import { clipboardGuard } from '../ui/clipboard.js';
import { showEvictionBanner, showStorageRefusedBanner, showRollbackBanner, showSyncBanner, hideSyncBanner } from '../ui/banners.js';
import { syncStateText } from '../screens/sync-section.js';
import { appBarButtons } from '../ui/app-bar.js';

// The screens on the way to the first code come with main.js; the others are one chunk
// (screens/later-screens.js, split off by tools/build-web.mjs), fetched the first time one of them
// is shown and, once a vault is open, in the background (preloadScreens).
const BUNDLED_SCREENS = { accounts: AccountsScreen, unlock: UnlockScreen, unavailable: UnavailableScreen };
const LATER_SCREENS = {
  add: 'AddAccountScreen', settings: 'SettingsScreen', import: 'ImportScreen', export: 'ExportScreen',
  merge: 'MergeBackupScreen', send: 'SendVaultScreen', receive: 'ReceiveVaultScreen',
  create: 'CreateVaultScreen', restore: 'RestoreScreen', ready: 'VaultReadyScreen',
};
const UNLOCKED_SCREENS = new Set(['accounts', 'add', 'settings', 'import', 'export', 'merge', 'send', 'receive']);
// After a vault opens, the other screens are fetched once the codes have had time to paint.
const PRELOAD_AFTER_OPEN_MS = 500;

const loadedScreens = new Map(Object.entries(BUNDLED_SCREENS));
let laterScreens = null;

/// The screen class `name`, loading the later screens' chunk if needed (a failed load is tried
/// again next time).
async function loadScreen(name) {
  if (!laterScreens) {
    laterScreens = import('../screens/later-screens.js');
    laterScreens.catch(() => { laterScreens = null; });
  }
  const Screen = (await laterScreens)[LATER_SCREENS[name]];
  loadedScreens.set(name, Screen);
  return Screen;
}

function preloadScreens() {
  loadScreen('add').catch(() => {});
}

// Changes a downloaded backup does not hold yet: the backup reminder counts from the first of them.
const CHANGES_TO_BACK_UP = new Set(['add', 'import', 'update', 'delete', 'undo', 'merge']);

export class App {
  #authcore;
  #main;
  #actions = document.getElementById('app-actions');
  #screen = null;
  #current = { name: null, options: {} };
  #shows = 0; // counts #show calls: a screen still loading is not shown once another was asked for
  #busy = new Set();
  #idleCallbacks = [];
  #autoLock;
  #lockedBefore = null; // where the user was when the vault locked
  #persistenceWatched = false;

  constructor({ authcore, main }) {
    this.#authcore = authcore;
    this.#main = main;
    this.session = new VaultSession(authcore);
    // Sync through the user's WebDAV server or a folder (Settings -> Sync; off by default).
    this.sync = new VaultSync(this.session);
    // A sync that failed or asks for a password is told on every screen, not only in Settings; a
    // folder the browser asks about again (after a restart) gets its button right there.
    this.sync.addEventListener('state', ({ detail: state }) => {
      if (state.status === 'needs_permission') {
        showSyncBanner(syncStateText(state), () => this.sync.allowFolder(), { label: t('sync.allowFolder') });
      } else if (state.status === 'failed' || state.status === 'needs_password') {
        showSyncBanner(syncStateText(state), () => this.navigate('settings'));
      } else if (state.status !== 'syncing') hideSyncBanner();
    });
    this.#autoLock = new AutoLock((reason) => this.lock(reason));
    this.#autoLock.configure(getSettings());
    onSettingsChange((settings) => this.#autoLock.configure(settings));
    this.session.addEventListener('lock', (event) => this.#locked(event.detail.reason));
    this.session.addEventListener('change', (event) => {
      if (CHANGES_TO_BACK_UP.has(event.detail.reason)) updateSettings({ changedSinceBackup: true });
    });
    onLanguageChange(() => this.#rerender());
    window.addEventListener('popstate', (event) => this.#popState(event.state));
    this.paste = new PasteHandler(this);
  }

  get authcore() {
    return this.#authcore;
  }

  describeError(error) {
    return describeError(error);
  }

  // --- busy state: an update waits while a scan or an edit is in progress -------------------------
  setBusy(key, busy) {
    if (busy) this.#busy.add(key);
    else this.#busy.delete(key);
    if (!this.isBusy()) for (const callback of this.#idleCallbacks.splice(0)) callback();
  }

  isBusy() {
    return this.#busy.size > 0 || Boolean(this.#screen?.busy);
  }

  onIdle(callback) {
    this.#idleCallbacks.push(callback);
  }

  // --- start, lock, unlock ------------------------------------------------------------------------
  /// The unlock screen shows as soon as IndexedDB says there is a vault; the worker loads the wasm
  /// module meanwhile (unlock waits for it), so a cold start is not held up by the compile.
  async start() {
    // The first call loads the module: a failure to load shows here.
    const loaded = this.#authcore.call('vaultIsUnlocked');
    let stored;
    try {
      stored = await this.session.stored();
    } catch {
      this.#show('unavailable', { storageFailed: true });
      return;
    }
    if (stored.current) this.#show('unlock');
    const available = await loaded;
    if (available.error) {
      this.#show('unavailable', { error: available.error });
      return;
    }
    if (!stored.current) this.#show('create');
    // While the user types: compile and optimize the unlock code, grow the heap (Vault::rehearse).
    this.session.rehearse(stored.current?.bytes);
  }

  // Persistence is asked, never awaited (see storage/persistence.js): the answer shows in a banner
  // and in Settings whenever it arrives.
  vaultCreated() {
    this.#autoLock.start();
    setTimeout(preloadScreens, PRELOAD_AFTER_OPEN_MS);
    this.#show('ready');
    this.#askPersistence();
  }

  async unlocked({ recovered = false, restored = false, rollback = null } = {}) {
    this.#autoLock.start();
    const returnTo = this.#lockedBefore && UNLOCKED_SCREENS.has(this.#lockedBefore.name);
    const target = returnTo ? this.#lockedBefore : { name: 'accounts', options: {} };
    this.#lockedBefore = null;
    this.navigate(target.name, {}, { replace: true });
    if (recovered) showToast(t('unlock.recovered'), { timeout: 10_000 });
    if (restored) showToast(t('restore.done'));
    // The stored vault is older than one this browser saved: say so until the user decides.
    if (rollback) showRollbackBanner(rollback, () => this.session.acceptRollback(rollback.stored));
    this.#askPersistence();
    setTimeout(preloadScreens, PRELOAD_AFTER_OPEN_MS);
  }

  #askPersistence() {
    if (!this.#persistenceWatched) {
      this.#persistenceWatched = true;
      onPersistenceChange((state) => {
        if (state === 'refused' && this.session.unlocked && !evictionRisk()) showStorageRefusedBanner();
      });
    }
    // WebKit without installation deletes the vault after 7 days unused: say so on every unlock,
    // with the two remedies, until the app is installed.
    if (evictionRisk()) showEvictionBanner();
    else if (persistenceState() === 'refused') showStorageRefusedBanner();
    askPersistence();
  }

  /// Runs callback now if the vault is locked, else once it locks (a security update takes over then).
  whenLocked(callback) {
    if (!this.session.unlocked) callback();
    else this.session.addEventListener('lock', () => callback(), { once: true });
  }

  lock(reason = 'user') {
    if (this.session.unlocked) this.session.lock(reason);
  }

  #locked(reason) {
    this.#autoLock.stop();
    // A code copied before the lock must not outlive it on the clipboard (never awaited: a refused
    // write or a permission prompt cannot hold up the lock).
    clipboardGuard().clear();
    // Nothing decrypted may stay on screen: open dialogs (edit) and toasts (Undo) go too.
    for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
    document.getElementById('toasts')?.replaceChildren();
    // Locked by time or by hiding the page, not by the user: unlocking returns to where they were.
    const returnHere = UNLOCKED_SCREENS.has(this.#current.name) && reason !== 'user';
    if (returnHere) this.#lockedBefore = { name: this.#current.name, options: {} };
    this.#show('unlock', { reason });
  }

  // --- navigation ---------------------------------------------------------------------------------
  navigate(name, options = {}, { replace = false } = {}) {
    if (!this.session.unlocked && UNLOCKED_SCREENS.has(name)) return;
    const state = { screen: name };
    if (replace || !history.state?.screen) history.replaceState(state, '', `#${name}`);
    else if (history.state.screen !== name) history.pushState(state, '', `#${name}`);
    this.#show(name, options);
  }

  back() {
    if (this.session.unlocked) this.navigate('accounts');
    else this.start();
  }

  /// A pasted screenshot or otpauth:// link: the current screen takes it if it can, else "Add".
  handlePaste(content) {
    if (!this.session.unlocked) {
      showToast(t('paste.locked'));
      return;
    }
    if (typeof this.#screen?.handlePaste === 'function') this.#screen.handlePaste(content);
    else this.navigate('add', content);
  }

  showRestore() {
    this.#show('restore');
  }

  #popState(state) {
    const name = state?.screen;
    if (this.session.unlocked && UNLOCKED_SCREENS.has(name)) this.#show(name);
  }

  #rerender() {
    translateTree(document);
    if (this.#current.name && this.#current.name !== 'unlock') this.#show(this.#current.name, this.#current.options);
    else if (this.#current.name === 'unlock') this.#show('unlock', {});
  }

  #show(name, options = {}) {
    const show = ++this.#shows;
    this.#current = { name, options };
    const Screen = loadedScreens.get(name);
    if (Screen) {
      this.#render(name, Screen, options);
      return;
    }
    loadScreen(name).then((Loaded) => {
      if (show === this.#shows) this.#render(name, Loaded, options);
    }, () => {
      // Only a page whose files changed under it gets here (its service worker holds every chunk).
      if (show === this.#shows) showToast(describeError({ kind: 'module_failed' }), { timeout: 10_000 });
    });
  }

  #render(name, Screen, options) {
    this.#screen?.destroy?.();
    this.#screen = new Screen({ app: this, session: this.session, authcore: this.#authcore }, options);
    clear(this.#main).append(this.#screen.element);
    this.#renderActions(name);
    const heading = this.#screen.element.querySelector('h2');
    document.title = heading ? `${heading.textContent} – ${t('app.name')}` : t('app.name');
    const target = this.#screen.focusTarget?.() ?? heading ?? this.#main;
    target.focus({ preventScroll: false });
    if (!this.isBusy()) for (const callback of this.#idleCallbacks.splice(0)) callback();
  }

  #renderActions(current) {
    clear(this.#actions);
    if (!this.session.unlocked) return;
    const navigate = (name) => this.navigate(name);
    this.#actions.append(...appBarButtons(current, { navigate, lock: () => this.lock('user') }));
  }
}
