// Locks the vault after a period without input (setting, default 5 minutes) and, if chosen, as soon
// as the page is hidden, frozen or left. Idle time is measured by IdleClock on the monotonic AND the
// wall clock, because a sleeping laptop stops performance.now() and pauses timers: on wake (focus,
// visibilitychange, pageshow, resume) and on every tick, elapsed time is checked again, so a laptop
// that slept past the idle time is locked the moment it wakes.
import { IdleClock } from './idle-clock.js';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'];
// A coarse regular check besides the exact timer: timers can be paused (sleep) or throttled (a
// background tab), and a check costs nothing.
const TICK_MS = 15_000;

export class AutoLock {
  #timer = null;
  #tick = null;
  #clock = new IdleClock();
  #minutes = 5;
  #whenHidden = false;
  #active = false;
  #lock;

  constructor(lock) {
    this.#lock = lock;
    const bump = () => this.#activity();
    for (const type of ACTIVITY) window.addEventListener(type, bump, { capture: true, passive: true });
    const check = () => this.#check();
    document.addEventListener('visibilitychange', () => this.#visibility());
    document.addEventListener('resume', check);
    window.addEventListener('focus', check);
    window.addEventListener('pageshow', check);
    // Leaving the page (bfcache) or being frozen by the browser count as hidden.
    const gone = (reason) => () => this.#hidden(reason);
    window.addEventListener('pagehide', gone('hidden'));
    document.addEventListener('freeze', gone('hidden'));
  }

  configure({ autoLockMinutes, lockWhenHidden }) {
    this.#minutes = Number(autoLockMinutes) || 0;
    this.#whenHidden = Boolean(lockWhenHidden);
    this.#schedule();
  }

  start() {
    this.#active = true;
    clearInterval(this.#tick);
    this.#tick = setInterval(() => this.#check(), TICK_MS);
    this.#activity();
  }

  stop() {
    this.#active = false;
    clearTimeout(this.#timer);
    clearInterval(this.#tick);
  }

  get #limitMs() {
    return this.#minutes * 60_000;
  }

  #activity() {
    // Input that arrives while the idle time has already run out (a key pressed on wake, before any
    // timer fired) must not reset the clock: lock first.
    if (this.#active && this.#clock.expired(this.#limitMs)) {
      this.#lock('idle');
      return;
    }
    this.#clock.touch();
    this.#schedule();
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (!this.#active || !this.#minutes) return;
    this.#timer = setTimeout(() => this.#check(), this.#clock.remainingMs(this.#limitMs));
  }

  #check() {
    if (!this.#active || !this.#minutes) return;
    if (this.#clock.expired(this.#limitMs)) this.#lock('idle');
    else this.#schedule();
  }

  #hidden(reason) {
    if (this.#active && this.#whenHidden) this.#lock(reason);
  }

  #visibility() {
    if (!this.#active) return;
    if (document.visibilityState === 'hidden') this.#hidden('hidden');
    else this.#check();
  }
}
