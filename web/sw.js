// Service worker: precaches every shipped file (of the two wasm builds, the one this engine runs)
// under a versioned cache, deletes every other cache on activate, and answers same-origin GETs from
// the cache (network as fallback). tools/build-web.mjs replaces the PRECACHE line with the real list
// and a content-hash version. A new version waits until the page says "skipWaiting" (the user chose
// "reload"), so it never lands mid-scan or mid-edit.
// A release built with `--security-update` sets securityUpdate: the page then lets it take over at
// the next lock (or at once when the vault is locked) instead of waiting for the user.
const PRECACHE = { version: 'dev', assets: [], securityUpdate: false, wasmBuilds: null };
const CACHE_NAME = `authenticator-${PRECACHE.version}`;

// The wasm module ships in two builds, with and without WebAssembly SIMD; the page's worker loads the
// one this engine validates (js/worker/wasm-flavour.js), so only that one is precached. Where the
// check cannot run here, both are.
function otherWasmBuild() {
  const builds = PRECACHE.wasmBuilds;
  if (!builds || typeof WebAssembly === 'undefined') return new Set();
  let simd = false;
  try {
    simd = WebAssembly.validate(new Uint8Array(builds.simdProbe)) === true;
  } catch {
    simd = false;
  }
  return new Set(simd ? builds.baselineOnly : builds.simdOnly);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    // 'no-cache' revalidates with the server so the precache never copies a stale HTTP-cached file.
    const skipped = otherWasmBuild();
    const assets = PRECACHE.assets.filter((url) => !skipped.has(url));
    await cache.addAll(assets.map((url) => new Request(url, { cache: 'no-cache' })));
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

// The files of both wasm builds, as absolute URLs.
const WASM_BUILD_FILES = new Set(PRECACHE.wasmBuilds
  ? [...PRECACHE.wasmBuilds.simdOnly, ...PRECACHE.wasmBuilds.baselineOnly].map((url) => new URL(url, self.location.href).href)
  : []);

async function respond(event) {
  const { request } = event;
  openCache ??= caches.open(CACHE_NAME);
  const cache = await openCache;
  // The app is one page: every navigation gets the cached shell, whatever its query string.
  const cached = request.mode === 'navigate' ? await cache.match('./') : await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // The worker asked for the build left out at install (the engine changed since, e.g. a browser
  // update brought SIMD): keep it too, so the next offline start finds it.
  const url = new URL(request.url);
  url.search = '';
  if (response.ok && WASM_BUILD_FILES.has(url.href)) event.waitUntil(cache.put(url.href, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(event));
});
