// How long the user has been away, measured on two clocks. performance.now() is monotonic but stops
// while the computer sleeps (Chromium, Firefox and Safari all pause it on suspend), so a laptop
// closed for an hour would come back with "2 minutes idle". Date.now() keeps counting through sleep
// but can jump when the user or NTP sets the clock. Idle time is the LARGER of the two: sleep counts,
// and setting the clock back cannot hide time that passed. (Setting it forward only locks early.)
export class IdleClock {
  #monotonic;
  #wall;
  #lastMonotonic;
  #lastWall;

  /// monotonic(): ms (performance.now); wall(): ms since the epoch (Date.now). Injected for tests.
  constructor({ monotonic = () => performance.now(), wall = () => Date.now() } = {}) {
    this.#monotonic = monotonic;
    this.#wall = wall;
    this.touch();
  }

  /// The user did something: idle time starts again from zero.
  touch() {
    this.#lastMonotonic = this.#monotonic();
    this.#lastWall = this.#wall();
  }

  /// Milliseconds since the last touch().
  idleMs() {
    return Math.max(0, this.#monotonic() - this.#lastMonotonic, this.#wall() - this.#lastWall);
  }

  /// True once idleMs() has reached `limitMs` (a limit of 0 or less never expires).
  expired(limitMs) {
    return limitMs > 0 && this.idleMs() >= limitMs;
  }

  /// Milliseconds left before `limitMs` is reached (0 when already expired).
  remainingMs(limitMs) {
    return Math.max(0, limitMs - this.idleMs());
  }
}
