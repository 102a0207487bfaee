// Service worker: precaches every shipped file under a versioned cache, deletes every other cache on
// activate, and answers same-origin GETs from the cache (network as fallback). tools/build-web.mjs
// replaces the PRECACHE line with the real list and a content-hash version. A new version waits
// until the page says "skipWaiting" (the user chose "reload"), so it never lands mid-scan or mid-edit.
// A release built with `--security-update` sets securityUpdate: the page then lets it take over at
// the next lock (or at once when the vault is locked) instead of waiting for the user.
const PRECACHE = { version: 'dev', assets: [], securityUpdate: false };
const CACHE_NAME = `authenticator-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    // 'no-cache' revalidates with the server so the precache never copies a stale HTTP-cached file.
    await cache.addAll(PRECACHE.assets.map((url) => new Request(url, { cache: 'no-cache' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE_NAME) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skipWaiting') self.skipWaiting();
  if (event.data?.type === 'version') {
    // Answer on the port the page sent (it may be asking a WAITING worker), else to the sender.
    const reply = { type: 'version', version: PRECACHE.version, securityUpdate: Boolean(PRECACHE.securityUpdate) };
    if (event.ports?.[0]) event.ports[0].postMessage(reply);
    else event.source?.postMessage(reply);
  }
});

let openCache = null; // opened once per service worker life, not per request

async function respond(request) {
  openCache ??= caches.open(CACHE_NAME);
  const cache = await openCache;
  // The app is one page: every navigation gets the cached shell, whatever its query string.
  const cached = request.mode === 'navigate' ? await cache.match('./') : await cache.match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
