// Reading the stored vault before the app's bundle runs. js/boot.js, the page's first and smallest
// script, starts the read; the app's session takes it once, at start (vault-session.js stored()).
// The two are separate bundles with separate module instances, so the read is handed over on a
// global under a registered symbol. The IndexedDB open and read used to start only after main.js
// (200 KB) had been compiled and run; they now run while it is. Offline reload to the password field
// in Chromium on this 2-core machine, 27 reloads each, alternating: median 204 ms, 225 without it.
import { loadVault } from './vault-store.js';

const READ = Symbol.for('authenticator.storedVaultRead');

/// Starts loadVault() and keeps its promise for takePrefetchedVault().
export function prefetchStoredVault() {
  const reading = loadVault();
  reading.catch(() => {}); // the app sees a failure when it takes the read
  globalThis[READ] = reading;
}

/// The read prefetchStoredVault() started, once; null when there is none (or it was taken).
export function takePrefetchedVault() {
  const reading = globalThis[READ] ?? null;
  delete globalThis[READ];
  return reading;
}
