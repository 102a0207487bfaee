// Locks the vault after a period without input (setting, default 5 minutes) and, if chosen, as soon
// as the page is hidden. Timers are throttled in background tabs, so elapsed time is also checked
// against performance.now() when the page becomes visible again.
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'];

export class AutoLock {
  #timer = null;
  #last = performance.now();
  #minutes = 5;
  #whenHidden = false;
  #active = false;
  #lock;

  constructor(lock) {
    this.#lock = lock;
    const bump = () => this.#activity();
    for (const type of ACTIVITY) window.addEventListener(type, bump, { capture: true, passive: true });
    document.addEventListener('visibilitychange', () => this.#visibility());
  }

  configure({ autoLockMinutes, lockWhenHidden }) {
    this.#minutes = Number(autoLockMinutes) || 0;
    this.#whenHidden = Boolean(lockWhenHidden);
    this.#schedule();
  }

  start() {
    this.#active = true;
    this.#activity();
  }

  stop() {
    this.#active = false;
    clearTimeout(this.#timer);
  }

  #activity() {
    this.#last = performance.now();
    this.#schedule();
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (!this.#active || !this.#minutes) return;
    const remaining = this.#minutes * 60_000 - (performance.now() - this.#last);
    this.#timer = setTimeout(() => this.#check(), Math.max(0, remaining));
  }

  #check() {
    if (!this.#active || !this.#minutes) return;
    if (performance.now() - this.#last >= this.#minutes * 60_000) this.#lock('idle');
    else this.#schedule();
  }

  #visibility() {
    if (!this.#active) return;
    if (document.visibilityState === 'hidden' && this.#whenHidden) this.#lock('hidden');
    else if (document.visibilityState === 'visible') this.#check();
  }
}
