// Whether the browser keeps our data when disk space runs low, and whether it may evict it anyway.
//
// Never awaited on a user path: Firefox answers navigator.storage.persist() with a permission prompt
// whose promise stays pending until someone answers it (forever, in an unattended tab), so the app
// asks in the background and whoever shows the state subscribes to its answer.
//
// States: 'unknown' (not asked yet), 'asking', 'persisted', 'refused', 'unsupported'.
let state = 'unknown';
let asking = null;
const listeners = new Set();

function set(next) {
  state = next;
  for (const listener of listeners) listener(next);
}

export function persistenceState() {
  return state;
}

/// Calls `listener(state)` on every change; returns the unsubscribe function.
export function onPersistenceChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/// Starts the request once and returns at once; the answer arrives through onPersistenceChange.
/// persisted() never prompts, so a granted site learns it without a prompt being opened.
export function askPersistence() {
  if (!navigator.storage?.persist) {
    if (state !== 'unsupported') set('unsupported');
    return;
  }
  if (asking || state === 'persisted') return;
  set('asking');
  asking = (async () => {
    try {
      if (await navigator.storage.persisted()) return 'persisted';
      return (await navigator.storage.persist()) ? 'persisted' : 'refused';
    } catch {
      return 'refused';
    }
  })().then((answer) => {
    asking = null;
    set(answer);
  });
}

/// WebKit (Safari, and every browser on iOS) deletes a site's storage after 7 days without a visit
/// unless the page runs installed (home screen / Dock). Desktop Chromium and Firefox UAs also say
/// "AppleWebKit", so they are excluded by their own tokens (iOS browsers use CriOS/FxiOS/EdgiOS and
/// stay at risk: they are WebKit underneath); `standalone` covers the installed cases.
export function evictionRisk({ userAgent = navigator.userAgent, standalone = isStandalone() } = {}) {
  const webkit = /AppleWebKit/.test(userAgent) && !/Chrome\/|Chromium\/|Firefox\/|Edg\/|OPR\//.test(userAgent);
  return webkit && !standalone;
}

function isStandalone() {
  return navigator.standalone === true || globalThis.matchMedia?.('(display-mode: standalone)').matches === true;
}
