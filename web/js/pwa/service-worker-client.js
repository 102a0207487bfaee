// Registers the service worker and announces a new version. The new worker waits until the user
// asks for it; the banner itself waits while the app says it is busy (scanning or editing), so an
// update never lands in the middle of either. A release marked as a security update does not wait
// for the user: it takes over when the vault locks (at once if it is locked already) and the page
// reloads on the unlock screen, so a fix is not held back until every tab is closed.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { scriptUrl } from '../security/script-urls.js';

const ASK_TIMEOUT_MS = 3000;

/// What a service worker says about itself: {version, securityUpdate} (null if it does not answer).
export function askVersion(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ASK_TIMEOUT_MS);
    channel.port1.onmessage = ({ data }) => {
      clearTimeout(timer);
      resolve(data?.type === 'version' ? data : null);
    };
    worker.postMessage({ type: 'version' }, [channel.port2]);
  });
}

/// whenLocked(callback): runs callback now if the vault is locked, else once it locks.
export function registerServiceWorker({ banners, isBusy, onIdle, whenLocked }) {
  if (!('serviceWorker' in navigator)) return;
  let shown = false;
  let reloading = false;
  let securityPending = false;
  // The very first install also fires controllerchange (clients.claim): that is not an update.
  let controlled = Boolean(navigator.serviceWorker.controller);

  const takeOver = (registration) => {
    whenLocked(() => {
      reloading = true;
      if (registration.waiting) registration.waiting.postMessage({ type: 'skipWaiting' });
      else window.location.reload(); // another tab already let it take over
    });
  };

  const offer = async (registration) => {
    if (!registration.waiting || !navigator.serviceWorker.controller) return;
    if (!securityPending && (await askVersion(registration.waiting))?.securityUpdate) {
      securityPending = true;
      takeOver(registration);
      return;
    }
    if (shown || securityPending) return;
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

  navigator.serviceWorker.addEventListener('controllerchange', async () => {
    if (reloading) {
      window.location.reload();
      return;
    }
    // Another tab let a security update take over: this tab follows at its next lock.
    const controller = navigator.serviceWorker.controller;
    const wasControlled = controlled;
    controlled = Boolean(controller);
    if (wasControlled && controller && (await askVersion(controller))?.securityUpdate) {
      whenLocked(() => window.location.reload());
    }
  });

  navigator.serviceWorker.register(scriptUrl('sw.js'), { scope: './' }).then((registration) => {
    if (!registration) return; // service workers blocked (an automation or enterprise policy)
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
