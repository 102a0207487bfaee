// The shell: build/web served with the right MIME types and headers, and a precache list that names
// every shipped file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb } from './support/browser.mjs';

let web;

before(async () => {
  web = await serveWeb();
});
after(async () => {
  await web?.close();
});

test('the server sends MIME types and the CSP header', async () => {
  const expect = {
    '/': 'text/html; charset=utf-8',
    '/wasm/authcore_wasm.first.wasm': 'application/wasm',
    '/wasm/authcore_wasm.rest.wasm': 'application/wasm',
    '/wasm/authcore_wasm.mjs': 'text/javascript; charset=utf-8',
    '/manifest.webmanifest': 'application/manifest+json; charset=utf-8',
    '/sw.js': 'text/javascript; charset=utf-8',
  };
  for (const [pathname, type] of Object.entries(expect)) {
    const response = await fetch(web.url + pathname);
    assert.equal(response.status, 200, pathname);
    assert.equal(response.headers.get('content-type'), type, pathname);
    assert.match(response.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  }
  assert.equal((await fetch(web.url + '/../../etc/passwd')).status, 404);
  assert.equal((await fetch(web.url + '/%2e%2e/%2e%2e/etc/passwd')).status, 404);
});

test('the precache list names every shipped file, both parts of each wasm build included', async () => {
  const sw = await (await fetch(web.url + '/sw.js')).text();
  const { version, assets, wasmBuilds } = JSON.parse(sw.match(/^const PRECACHE = (.*);$/m)[1]);
  assert.match(version, /^[0-9a-f]{16}$/);
  const both = ['./wasm/authcore_wasm.first.wasm', './wasm/authcore_wasm.rest.wasm', './wasm/authcore_wasm.mjs',
    './wasm/authcore_wasm_baseline.first.wasm', './wasm/authcore_wasm_baseline.rest.wasm', './wasm/authcore_wasm_baseline.mjs'];
  for (const asset of ['./', './index.html', ...both, './js/main.js', './manifest.webmanifest', './icons/icon-512.png']) {
    assert.ok(assets.includes(asset), asset);
  }
  // The service worker precaches one of the two builds: it knows which files are whose.
  assert.deepEqual([...wasmBuilds.simdOnly, ...wasmBuilds.baselineOnly].sort(), both.sort());
  assert.equal(WebAssembly.validate(new Uint8Array(wasmBuilds.simdProbe)), true);
  for (const asset of assets) assert.equal((await fetch(new URL(asset, web.url + '/'))).status, 200, asset);
});

test('main.js and the chunk it imports are asked for together; the later screens are a chunk of their own, precached', async () => {
  const html = await (await fetch(web.url + '/')).text();
  const main = await (await fetch(web.url + '/js/main.js')).text();
  const { assets } = JSON.parse((await (await fetch(web.url + '/sw.js')).text()).match(/^const PRECACHE = (.*);$/m)[1]);
  const imported = [...main.matchAll(/(?:from|import)\s*"\.\/(chunks\/[^"]+\.js)"/g)].map((match) => `js/${match[1]}`);
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
  assert.ok(imported.length > 0, 'main.js imports its shared chunk');
  assert.deepEqual(preloaded.sort(), [...new Set(imported)].sort());
  const later = [...main.matchAll(/import\("\.\/(chunks\/later-screens-[^"]+\.js)"\)/g)].map((match) => `./js/${match[1]}`);
  assert.equal(later.length, 1, 'the later screens are imported dynamically, once');
  for (const file of [...preloaded.map((chunk) => `./${chunk}`), ...later]) assert.ok(assets.includes(file), file);
});

test('boot.js names each language\'s catalogue chunk, so it can ask for the one the page will show', async () => {
  const boot = await (await fetch(web.url + '/js/boot.js')).text();
  const { assets } = JSON.parse((await (await fetch(web.url + '/sw.js')).text()).match(/^const PRECACHE = (.*);$/m)[1]);
  const named = JSON.parse(boot.match(/(\{"en":"[^}]*\})/)[1]);
  assert.deepEqual(Object.keys(named).sort(), ['en', 'lv']);
  for (const [language, chunk] of Object.entries(named)) {
    assert.match(chunk, new RegExp(`^js/chunks/${language}-[A-Z0-9]+\\.js$`));
    assert.ok(assets.includes(`./${chunk}`), chunk);
  }
  assert.doesNotMatch(boot, /__AUTHENTICATOR_CATALOGUE_CHUNKS__/);
});
