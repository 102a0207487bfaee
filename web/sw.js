// Service worker: precaches every shipped file under a versioned cache, deletes every other cache on
// activate, and answers same-origin GETs from the cache (network as fallback). tools/build-web.mjs
// replaces the PRECACHE line with the real list and a content-hash version. A new version waits
// until the page says "skipWaiting" (the user chose "reload"), so it never lands mid-scan or mid-edit.
const PRECACHE = { version: 'dev', assets: [] };
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
  if (event.data?.type === 'version') event.source?.postMessage({ type: 'version', version: PRECACHE.version });
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
