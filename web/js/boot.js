// The page's first script, before main.js (index.html): starts reading the stored vault from
// IndexedDB while the browser compiles and runs the app's bundle (storage/vault-prefetch.js). Kept
// to that one job, so it arrives and runs first.
import { prefetchStoredVault } from './storage/vault-prefetch.js';

prefetchStoredVault();
