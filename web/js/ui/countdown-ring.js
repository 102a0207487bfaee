// The countdown ring beside a TOTP code: an SVG circle whose stroke shrinks with the time left.
// Decorative for screen readers (the seconds are in the row's label); CSS turns the smooth step
// off under prefers-reduced-motion.
import { svg } from './dom.js';

const RADIUS = 15.9155; // circumference 100, so the dash offset is a percentage
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export class CountdownRing {
  constructor() {
    this.progress = svg('circle', { class: 'ring-progress', cx: 18, cy: 18, r: RADIUS });
    this.progress.style.strokeDasharray = `${CIRCUMFERENCE} ${CIRCUMFERENCE}`;
    this.label = svg('text', { class: 'ring-label', x: 18, y: 18, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
    this.element = svg('svg', { class: 'countdown-ring', viewBox: '0 0 36 36', 'aria-hidden': 'true', focusable: 'false' },
      svg('circle', { class: 'ring-track', cx: 18, cy: 18, r: RADIUS }), this.progress, this.label);
  }

  /// remaining and period in seconds.
  update(remaining, period) {
    const fraction = period > 0 ? Math.max(0, Math.min(1, remaining / period)) : 0;
    // The first value is drawn at once; only later seconds glide (a new row must not sweep in).
    if (!this.drawn) this.progress.style.transition = 'none';
    this.progress.style.strokeDashoffset = String(CIRCUMFERENCE * (1 - fraction));
    if (!this.drawn) {
      this.drawn = true;
      requestAnimationFrame(() => requestAnimationFrame(() => {
        this.progress.style.transition = '';
      }));
    }
    this.label.textContent = String(remaining);
    this.element.classList.toggle('ending', remaining <= 5);
  }
}
