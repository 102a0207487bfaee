// Calls every listener just after each wall-clock second, so codes and rings change together.
// Time comes from Date.now() on the page (never from the worker), so one clock drives everything.
const listeners = new Set();
let timer = null;

function schedule() {
  const delay = 1000 - (Date.now() % 1000) + 5;
  timer = setTimeout(tick, delay);
}

function tick() {
  const now = Date.now();
  for (const listener of [...listeners]) listener(now);
  if (listeners.size) schedule();
  else timer = null;
}

/// Subscribes; returns the unsubscribe function. The listener also runs once right away.
export function everySecond(listener) {
  listeners.add(listener);
  if (timer === null) schedule();
  listener(Date.now());
  return () => listeners.delete(listener);
}

export function unixSeconds(now = Date.now()) {
  return Math.floor(now / 1000);
}
