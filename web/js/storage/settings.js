// Non-secret preferences (language, theme, auto-lock, backup reminder). They live in localStorage
// because they must apply before anything else loads (no flash of the wrong language or theme);
// nothing secret ever goes there.
const KEY = 'authenticator.settings';

export const defaults = Object.freeze({
  language: null, // null: follow the browser
  theme: 'system', // 'system' | 'light' | 'dark'
  autoLockMinutes: 5, // 0: never
  lockWhenHidden: false,
  clipboardClearSeconds: 30, // a copied code is cleared from the clipboard after this long; 0: never
  backupReminderDays: 14, // 0: never remind
  lastBackupAt: 0, // ms since epoch of the last downloaded backup
  changedSinceBackup: false, // accounts added or changed since that backup
});

const listeners = new Set();

function read() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return { ...defaults, ...(stored && typeof stored === 'object' ? stored : {}) };
  } catch {
    return { ...defaults };
  }
}

let current = read();

export function getSettings() {
  return current;
}

export function updateSettings(changes) {
  current = { ...current, ...changes };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Storage full or disabled: the choice still applies for this visit.
  }
  for (const listener of listeners) listener(current, changes);
}

export function onSettingsChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab changed the settings.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  current = read();
  for (const listener of listeners) listener(current, {});
});
