// Calls every listener just after each wall-clock second, so codes and rings change together.
// Time comes from Date.now() on the page (never from the worker), so one clock drives everything.
// One timer serves every listener. While the tab is hidden nothing runs (nobody can read a code;
// a laptop on battery keeps its sleep); when it shows again every listener runs at once, then on
// each second as before.
const listeners = new Set();
let timer = null;

function hidden() {
  return typeof document !== 'undefined' && document.hidden;
}

function schedule() {
  const delay = 1000 - (Date.now() % 1000) + 5;
  timer = setTimeout(tick, delay);
}

function tick() {
  timer = null;
  if (hidden()) return; // visibilitychange starts it again
  const now = Date.now();
  for (const listener of [...listeners]) listener(now);
  if (listeners.size) schedule();
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (hidden()) {
      clearTimeout(timer);
      timer = null;
    } else if (listeners.size && timer === null) {
      tick();
    }
  });
}

/// Subscribes; returns the unsubscribe function. The listener also runs once right away.
export function everySecond(listener) {
  listeners.add(listener);
  if (timer === null && !hidden()) schedule();
  listener(Date.now());
  return () => listeners.delete(listener);
}

export function unixSeconds(now = Date.now()) {
  return Math.floor(now / 1000);
}
