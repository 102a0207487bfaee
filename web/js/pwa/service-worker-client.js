// Registers the service worker and announces a new version. The new worker waits until the user
// asks for it; the banner itself waits while the app says it is busy (scanning or editing), so an
// update never lands in the middle of either.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

export function registerServiceWorker({ banners, isBusy, onIdle }) {
  if (!('serviceWorker' in navigator)) return;
  let shown = false;
  let reloading = false;

  const offer = (registration) => {
    if (shown || !registration.waiting || !navigator.serviceWorker.controller) return;
    if (isBusy()) {
      onIdle(() => offer(registration));
      return;
    }
    shown = true;
    const banner = h('div', { class: 'notice banner', role: 'status' },
      h('span', { 'data-i18n': 'update.available', text: t('update.available') }),
      h('button', {
        type: 'button', class: 'button primary small', 'data-i18n': 'update.reload', text: t('update.reload'),
        onclick: () => {
          reloading = true;
          registration.waiting?.postMessage({ type: 'skipWaiting' });
        },
      }));
    banners.append(banner);
  };

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
  });

  navigator.serviceWorker.register('./sw.js', { scope: './' }).then((registration) => {
    offer(registration);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') offer(registration);
      });
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch(() => {
    // No service worker (private mode, file://): the app still works online.
  });
}
