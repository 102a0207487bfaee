// The page's first script, before main.js (index.html): starts reading the stored vault from
// IndexedDB while the browser compiles and runs the app's bundle (storage/vault-prefetch.js), and
// asks for the language's catalogue. Kept to those jobs, so it arrives and runs first.
import { prefetchStoredVault } from './storage/vault-prefetch.js';
import { getSettings } from './storage/settings.js';
import { preloadCatalogue } from './i18n/language-choice.js';

prefetchStoredVault();
// The built boot.js names the catalogue chunks here (tools/build-web.mjs replaces the marker).
preloadCatalogue('__AUTHENTICATOR_CATALOGUE_CHUNKS__', getSettings().language);
