// The countdown ring beside a TOTP code: the arc left is the time left in the code's period, eaten
// clockwise from the top, and the seconds left in the middle. Decorative for screen readers (the
// seconds are in the row's label).
//
// Why it is built like this: the old ring ran a one-second CSS transition on an SVG stroke, which
// the browser animates on the main thread with a style recalculation per frame, per row. Here two
// half-plane covers, clipped to the two halves of a ring-shaped mask, rotate with `transform` in a
// CSS animation as long as the period and started at the right phase of the wall clock: the
// compositor runs it, and the page only touches the ring once a second (the number) and once a
// period (re-aligning the phase, so a sleeping laptop or a clock change cannot drift it). Every ring
// of a period shares the same keyframes and phase. Under prefers-reduced-motion the same animation
// moves in one-second steps (components.css).
import { h } from './dom.js';

export const ENDING_SECONDS = 5;

export class CountdownRing {
  #label = h('span', { class: 'ring-label' });
  #remaining = null;
  #period = null;

  constructor() {
    this.element = h('span', { class: 'countdown-ring', 'aria-hidden': 'true' },
      h('span', { class: 'ring-disc' },
        h('span', { class: 'ring-half ring-right' }, h('span', { class: 'ring-cover' })),
        h('span', { class: 'ring-half ring-left' }, h('span', { class: 'ring-cover' }))),
      this.#label);
  }

  /// remaining and period in whole seconds (remaining in 1..period); nowMs is the page's clock.
  update(remaining, period, nowMs = Date.now()) {
    // A new period (or the first value): set the animation's phase from the clock.
    if (period !== this.#period || this.#remaining === null || remaining > this.#remaining) this.#align(period, nowMs);
    if (remaining === this.#remaining) return;
    this.#remaining = remaining;
    this.#label.textContent = String(remaining);
    this.element.classList.toggle('ending', remaining <= ENDING_SECONDS);
  }

  #align(period, nowMs) {
    this.#period = period;
    const elapsed = ringPhase(nowMs, period);
    this.element.style.setProperty('--ring-period', `${period}s`);
    this.element.style.setProperty('--ring-delay', `${-elapsed}s`);
    this.element.style.setProperty('--ring-steps', String(Math.max(1, Math.round(period / 2))));
  }
}

/// Seconds (with milliseconds) elapsed in the current period at nowMs: the animation's start offset.
export function ringPhase(nowMs, period) {
  const periodMs = period * 1000;
  return (((nowMs % periodMs) + periodMs) % periodMs) / 1000;
}
