// Entry point: applies the saved preferences before anything renders, starts the worker that owns
// the wasm module, registers the service worker and hands over to the app.
import { WorkerMessenger } from './worker/worker-messenger.js';
import { setLanguage } from './i18n/i18n.js';
import { chosenLanguage } from './i18n/language-choice.js';
import { getSettings, onSettingsChange } from './storage/settings.js';
import { applyTheme } from './ui/theme.js';
import { registerServiceWorker } from './pwa/service-worker-client.js';
import { App } from './app/app.js';
import { scriptUrl } from './security/script-urls.js';
import { connectDecoderTo } from './scan/decoder-worker-client.js';

const settings = getSettings();
applyTheme(settings.theme);
// The worker starts loading the wasm module while the language's catalogue arrives; the first
// screen waits for the catalogue (i18n/i18n.js loads only the language shown).
const authcore = new WorkerMessenger(scriptUrl('js/worker/authcore-worker.js'));
connectDecoderTo(authcore);
await setLanguage(chosenLanguage(settings.language)); // as boot.js chose, for its preload
onSettingsChange((current, changes) => {
  if ('theme' in changes || !Object.keys(changes).length) applyTheme(current.theme);
  if ('language' in changes || !Object.keys(changes).length) setLanguage(chosenLanguage(current.language));
});

const app = new App({ authcore, main: document.getElementById('main') });
registerServiceWorker({
  banners: document.getElementById('banners'),
  isBusy: () => app.isBusy(),
  onIdle: (callback) => app.onIdle(callback),
  whenLocked: (callback) => app.whenLocked(callback),
});
app.start();
