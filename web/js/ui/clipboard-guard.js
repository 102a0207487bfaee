// Clears a copied code from the system clipboard after a while (setting, default 30 s) and when the
// vault locks, so a code does not stay pasteable for hours. Only what the browser allows:
// - writing needs a focused document (Chromium) or a user gesture (Firefox, Safari);
// - reading is used only when the browser has ALREADY granted it (Permissions API says 'granted'),
//   never to trigger a prompt; then the clipboard is cleared only if it still holds our code, so a
//   text the user copied since is left alone. Where it cannot be read, the clipboard is cleared
//   blindly at the chosen time or lock (the code is the more harmful thing to leave there);
// - a write refused while the page was in the background is retried when it gets focus again, but
//   only if the clipboard can be read: meanwhile the user may have copied something else (their
//   password, say) in another app, which a blind clear would destroy. A TOTP code left behind is
//   stale within a minute or two.
// Every clipboard call is raced against a short timeout: a permission prompt must never hold up the
// lock. Browser objects are injected, so tests/web/ runs this under Node with fakes.
const CALL_TIMEOUT_MS = 1000;

function withTimeout(promise, ms, setTimer, clearTimer) {
  let timer;
  const late = new Promise((resolve, reject) => {
    timer = setTimer(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([Promise.resolve().then(() => promise), late]).finally(() => clearTimer(timer));
}

export class ClipboardGuard {
  #clipboard;
  #permissions;
  #setTimer;
  #clearTimer;
  #pending = null; // the code we put on the clipboard and have not cleared yet
  #timer = null;
  #retryOnFocus = false;

  /// clipboard: {readText, writeText} (navigator.clipboard); permissions: {query} or undefined.
  constructor({ clipboard, permissions, setTimer = setTimeout, clearTimer = clearTimeout }) {
    this.#clipboard = clipboard;
    this.#permissions = permissions;
    // Called as plain functions: window.setTimeout called as a method of this object throws
    // "Illegal invocation".
    this.#setTimer = (callback, ms) => setTimer(callback, ms);
    this.#clearTimer = (timer) => clearTimer(timer);
  }

  /// True while a copied code is waiting to be cleared.
  get pending() {
    return this.#pending !== null;
  }

  /// Call after `text` was put on the clipboard; clearSeconds 0 (or less) means never by time.
  copied(text, clearSeconds) {
    this.#clearTimer(this.#timer);
    this.#pending = String(text);
    this.#retryOnFocus = false;
    if (clearSeconds > 0) this.#timer = this.#setTimer(() => this.clear(), clearSeconds * 1000);
  }

  /// Clears the clipboard if it (possibly) still holds our code. Resolves 'cleared', 'kept' (the
  /// user copied something else), 'none' (nothing pending) or 'failed' (the browser refused).
  async clear({ blind = true } = {}) {
    this.#clearTimer(this.#timer);
    this.#timer = null;
    const code = this.#pending;
    if (code === null) return 'none';
    const current = await this.#readIfGranted();
    if ((current === null && !blind) || (current !== null && current !== code)) {
      this.#pending = null;
      this.#retryOnFocus = false;
      return 'kept';
    }
    try {
      await withTimeout(this.#clipboard.writeText(''), CALL_TIMEOUT_MS, this.#setTimer, this.#clearTimer);
    } catch {
      // Not focused, no gesture, or a prompt: try once more when the user comes back.
      this.#retryOnFocus = true;
      return 'failed';
    }
    this.#pending = null;
    this.#retryOnFocus = false;
    return 'cleared';
  }

  /// The page got focus again: finish a clear the browser refused while the page was in the background.
  focused() {
    if (this.#retryOnFocus && this.#pending !== null) return this.clear({ blind: false });
    return Promise.resolve('none');
  }

  /// The clipboard's text when reading is already allowed without asking; otherwise null.
  async #readIfGranted() {
    if (typeof this.#clipboard?.readText !== 'function' || typeof this.#permissions?.query !== 'function') return null;
    try {
      const query = this.#permissions.query({ name: 'clipboard-read' });
      const status = await withTimeout(query, CALL_TIMEOUT_MS, this.#setTimer, this.#clearTimer);
      if (status?.state !== 'granted') return null;
      return String(await withTimeout(this.#clipboard.readText(), CALL_TIMEOUT_MS, this.#setTimer, this.#clearTimer));
    } catch {
      // Firefox and Safari do not know the 'clipboard-read' permission name: not readable.
      return null;
    }
  }
}
