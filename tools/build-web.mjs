#!/usr/bin/env node
// Builds build/web/, a static folder any web server can serve:
//   node tools/build-web.mjs [--out DIR] [--wasm DIR] [--wasm-baseline DIR] [--security-update] [--sync-origin https://HOST]
// 1. copies web/ and bundles its ES modules with esbuild, one file per entry point: the page's
//    js/boot.js (its first, small script: see storage/vault-prefetch.js) and js/main.js, and the
//    workers' js/worker/authcore-worker.js and js/worker/import-worker.js (web/ itself stays plain
//    modules the browser can load directly). Measured on this 2-core machine: 58 separate modules took 430-930 ms to arrive
//    offline, one request each through the service worker; the wasm glue stays a separate module.
//    Its three style sheets become one, css/app.css (offline reload to the password field, 27
//    reloads of each build alternating: median 176-196 ms against 184-213 ms with three).
// 2. copies the wasm module (build/wasm/module/authcore_wasm.mjs, .first.wasm and .rest.wasm: the
//    module cut in two, see tools/split-wasm.mjs) and its build without SIMD
//    (build/wasm-baseline/module/authcore_wasm_baseline.*, for engines without WebAssembly SIMD:
//    js/worker/wasm-flavour.js picks one) into wasm/,
// 3. renders the icons,
// 4. writes the service worker's precache list (every file, the .wasm included) and a version that
//    is a hash of every file's content, so any change makes a new service worker. --security-update
//    marks the release as one (securityUpdate in the service worker): open pages then switch to it
//    at the next lock, or at once if locked, instead of waiting for the user's "Reload".
// --sync-origin names the one WebDAV server's origin the page may sync with (docs/sync.md): the built
// index.html's CSP allows connections to it (and tools/serve.mjs sends that policy), and the page
// reads it from <meta name="authenticator-sync-origin">. Without it the build cannot sync over WebDAV.
// NO_MINIFY=1 keeps names readable, for a CPU profile of the page (never for a release).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import esbuild from 'esbuild';
import { iconFiles } from './lib/icons.mjs';
import { contentSecurityPolicy, contentSecurityPolicyFor, checkSyncOrigin } from './lib/securityHeaders.mjs';
import { SIMD_PROBE } from '../web/js/worker/wasm-flavour.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICE_WORKER = 'sw.js';
const PAGE_ENTRY_POINTS = ['js/main.js'];
const SINGLE_FILE_ENTRY_POINTS = ['js/boot.js', 'js/worker/authcore-worker.js', 'js/worker/import-worker.js'];
const PRECACHE_MARKER = /^const PRECACHE = .*;$/m;
// Never shipped: editor and OS droppings.
const IGNORED = /(^|\/)(\.|Thumbs\.db$|.*~$)|^package\.json$/;

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const relative = path.relative(base, full).split(path.sep).join('/');
    if (IGNORED.test(relative)) return [];
    return entry.isDirectory() ? listFiles(full, base) : [relative];
  });
}

function parseArguments(argv) {
  const options = {
    source: path.join(projectRoot, 'web'),
    out: path.join(projectRoot, 'build', 'web'),
    wasm: path.join(projectRoot, 'build', 'wasm', 'module'),
    wasmBaseline: path.join(projectRoot, 'build', 'wasm-baseline', 'module'),
    securityUpdate: false,
    syncOrigin: null,
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = path.resolve(argv[++i]);
    else if (argv[i] === '--wasm') options.wasm = path.resolve(argv[++i]);
    else if (argv[i] === '--wasm-baseline') options.wasmBaseline = path.resolve(argv[++i]);
    else if (argv[i] === '--security-update') options.securityUpdate = true;
    else if (argv[i] === '--sync-origin') options.syncOrigin = checkSyncOrigin(argv[++i] ?? '');
    else throw new Error(`unknown argument ${argv[i]} (usage: build-web.mjs [--out DIR] [--wasm DIR] [--wasm-baseline DIR] [--security-update] [--sync-origin https://HOST])`);
  }
  return options;
}

function checkCsp(indexHtml) {
  const meta = indexHtml.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  if (!meta) throw new Error('web/index.html has no Content-Security-Policy <meta> tag');
  if (meta[1] !== contentSecurityPolicy) {
    throw new Error(`web/index.html's CSP differs from tools/lib/securityHeaders.mjs:\n  ${meta[1]}\n  ${contentSecurityPolicy}`);
  }
}

/// Replaces out/js with the bundles: every module reachable from an entry point is inlined. main.js
/// is bundled with splitting: the screens app/app.js imports dynamically become chunks of their own
/// (js/chunks/), so what the first code waits for holds only the screens on its way. boot.js and the
/// workers stay one file each (no chunk shared with the page delays them).
function bundle(source, out) {
  const common = {
    outbase: source,
    outdir: path.join(out, 'bundled'),
    bundle: true,
    format: 'esm',
    minify: process.env.NO_MINIFY ? false : true,
    legalComments: 'none',
    target: ['chrome109', 'firefox115', 'safari16'],
    external: ['*/wasm/authcore_wasm.mjs', '*/wasm/authcore_wasm_baseline.mjs'],
    logLevel: 'silent',
    write: true,
  };
  const builds = [
    { entryPoints: PAGE_ENTRY_POINTS, splitting: true, chunkNames: 'js/chunks/[name]-[hash]' },
    { entryPoints: SINGLE_FILE_ENTRY_POINTS, splitting: false },
  ];
  const staticChunks = [];
  const catalogueChunks = {};
  for (const { entryPoints, ...options } of builds) {
    const built = esbuild.buildSync({ ...common, ...options, metafile: true, entryPoints: entryPoints.map((entry) => path.join(source, entry)) });
    if (built.errors.length) throw new Error(built.errors.map((error) => error.text).join('\n'));
    const bundledJs = path.join(out, 'bundled', 'js');
    for (const [output, { imports, entryPoint }] of Object.entries(built.metafile.outputs)) {
      const catalogue = entryPoint?.match(/i18n\/(\w+)\.js$/);
      if (catalogue) catalogueChunks[catalogue[1]] = `js/${path.relative(bundledJs, path.resolve(output)).split(path.sep).join('/')}`;
      if (path.resolve(output) !== path.join(bundledJs, 'main.js')) continue;
      for (const { path: chunk, kind } of imports) {
        if (kind === 'import-statement' && !chunk.includes('/wasm/')) staticChunks.push(path.relative(bundledJs, path.resolve(chunk)).split(path.sep).join('/'));
      }
    }
  }
  rmSync(path.join(out, 'js'), { recursive: true, force: true });
  cpSync(path.join(out, 'bundled', 'js'), path.join(out, 'js'), { recursive: true });
  rmSync(path.join(out, 'bundled'), { recursive: true, force: true });
  preloadChunks(path.join(out, 'index.html'), staticChunks);
  nameCatalogueChunks(path.join(out, 'js', 'boot.js'), catalogueChunks);
}

/// boot.js asks for the chosen language's catalogue chunk (i18n/language-choice.js): it gets their
/// names in place of its marker.
function nameCatalogueChunks(bootFile, chunks) {
  const marker = /(["'])__AUTHENTICATOR_CATALOGUE_CHUNKS__\1/;
  const boot = readFileSync(bootFile, 'utf8');
  if (!marker.test(boot)) throw new Error('js/boot.js: the catalogue chunks marker is missing');
  if (!chunks.en || !chunks.lv) throw new Error(`catalogue chunks not found: ${JSON.stringify(chunks)}`);
  writeFileSync(bootFile, boot.replace(marker, JSON.stringify(chunks)));
}

/// main.js imports the chunk it shares with the later screens: index.html asks for it beside main.js
/// (modulepreload) instead of after main.js has arrived and been parsed.
function preloadChunks(indexFile, chunks) {
  const html = readFileSync(indexFile, 'utf8');
  const mainScript = '<script type="module" src="js/main.js"></script>';
  if (!html.includes(mainScript)) throw new Error(`index.html: expected ${mainScript}`);
  const links = chunks.map((chunk) => `\n<link rel="modulepreload" href="js/${chunk}">`).join('');
  writeFileSync(indexFile, html.replace(mainScript, mainScript + links));
}

// The page's style sheets, in index.html's order: the build serves them as one file, css/app.css.
const STYLESHEETS = ['css/base.css', 'css/layout.css', 'css/components.css'];
const BUNDLED_STYLESHEET = 'css/app.css';

/// One minified style sheet instead of three: each request of the page goes through the service
/// worker before the first script may run (scripts wait for style sheets), so fewer is sooner.
function bundleStyles(out) {
  const indexFile = path.join(out, 'index.html');
  const html = readFileSync(indexFile, 'utf8');
  const links = STYLESHEETS.map((file) => `<link rel="stylesheet" href="${file}">`);
  const joined = links.join('\n');
  if (!html.includes(joined)) throw new Error(`index.html: expected the style sheets ${STYLESHEETS.join(', ')} linked in that order`);
  const css = STYLESHEETS.map((file) => readFileSync(path.join(out, file), 'utf8')).join('\n');
  const minified = esbuild.transformSync(css, { loader: 'css', minify: !process.env.NO_MINIFY, target: ['chrome109', 'firefox115', 'safari16'] });
  writeFileSync(path.join(out, BUNDLED_STYLESHEET), minified.code);
  for (const file of STYLESHEETS) rmSync(path.join(out, file));
  writeFileSync(indexFile, html.replace(joined, `<link rel="stylesheet" href="${BUNDLED_STYLESHEET}">`));
}

/// The built page may sync with `syncOrigin`: its CSP allows it, and a <meta> tag names it.
function nameSyncOrigin(indexFile, syncOrigin) {
  const html = readFileSync(indexFile, 'utf8');
  const withPolicy = html.replace(`content="${contentSecurityPolicy}"`, `content="${contentSecurityPolicyFor(syncOrigin)}"`);
  const named = withPolicy.replace('<meta http-equiv="Content-Security-Policy"',
    `<meta name="authenticator-sync-origin" content="${syncOrigin}">\n<meta http-equiv="Content-Security-Policy"`);
  if (named === html || !named.includes(contentSecurityPolicyFor(syncOrigin))) throw new Error('index.html: the sync origin could not be written');
  writeFileSync(indexFile, named);
}

/// Emscripten's glue as the page gets it: esbuild-minified (local names, syntax), 11.1 -> 8.3 KiB
/// gzip. Emscripten minifies only whitespace without the Closure Compiler, which needs Java.
/// Property names stay, so Module's API (instantiateWasm, locateFile, the Embind functions) is
/// unchanged; the Node tests and tools keep using the unminified build/wasm/module copy.
function minifiedGlue(file) {
  const glue = readFileSync(file, 'utf8');
  if (process.env.NO_MINIFY) return glue;
  return esbuild.transformSync(glue, { format: 'esm', minify: true, legalComments: 'none', target: ['chrome109', 'firefox115', 'safari16'] }).code;
}

// Each build ships its glue and its module cut in two (tools/split-wasm.mjs, run by the wasm build):
// the first part before the first code, the rest after it. The whole NAME.wasm is not shipped.
const WASM_BUILDS = [
  { option: 'wasm', preset: 'wasm', names: ['authcore_wasm.mjs', 'authcore_wasm.first.wasm', 'authcore_wasm.rest.wasm'] },
  { option: 'wasmBaseline', preset: 'wasm-baseline', names: ['authcore_wasm_baseline.mjs', 'authcore_wasm_baseline.first.wasm', 'authcore_wasm_baseline.rest.wasm'] },
];

export function buildWeb(options) {
  const { source, out, securityUpdate = false, syncOrigin = null } = options;
  // The baseline build beside the given one (build/wasm/module -> build/wasm-baseline/module), so a
  // caller naming only `wasm` gets the pair built from the same tree.
  const folders = { wasm: options.wasm, wasmBaseline: options.wasmBaseline ?? path.join(options.wasm, '..', '..', 'wasm-baseline', 'module') };
  for (const { option, preset, names } of WASM_BUILDS) {
    for (const name of names) {
      if (!existsSync(path.join(folders[option], name))) {
        throw new Error(`${path.join(folders[option], name)} is missing: build it first (cmake --preset ${preset} && cmake --build --preset ${preset})`);
      }
    }
  }
  checkCsp(readFileSync(path.join(source, 'index.html'), 'utf8'));

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(source, out, { recursive: true, filter: (src) => !IGNORED.test(path.relative(source, src).split(path.sep).join('/')) });
  mkdirSync(path.join(out, 'wasm'), { recursive: true });
  for (const { option, names } of WASM_BUILDS) {
    for (const name of names) {
      if (name.endsWith('.mjs')) writeFileSync(path.join(out, 'wasm', name), minifiedGlue(path.join(folders[option], name)));
      else cpSync(path.join(folders[option], name), path.join(out, 'wasm', name));
    }
  }
  for (const [file, bytes] of Object.entries(iconFiles())) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), bytes);
  }

  if (syncOrigin) nameSyncOrigin(path.join(out, 'index.html'), syncOrigin);
  bundle(source, out);
  bundleStyles(out);

  // Precache list: every file but the service worker itself; './' stands for index.html.
  const files = listFiles(out).filter((file) => file !== SERVICE_WORKER).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(path.join(out, file))).update('\0');
  const swSource = readFileSync(path.join(out, SERVICE_WORKER), 'utf8');
  hash.update(swSource).update(securityUpdate ? '\0security-update' : '');
  const version = hash.digest('hex').slice(0, 16);
  const assets = ['./', ...files.map((file) => `./${file}`)];
  if (!PRECACHE_MARKER.test(swSource)) throw new Error(`web/${SERVICE_WORKER} lacks the "const PRECACHE = ...;" line`);
  // Each engine precaches one build of the wasm module: the service worker runs the worker's SIMD
  // check (the same probe) and leaves out the other build's files.
  const wasmBuilds = {
    simdProbe: [...SIMD_PROBE],
    simdOnly: WASM_BUILDS[0].names.map((name) => `./wasm/${name}`),
    baselineOnly: WASM_BUILDS[1].names.map((name) => `./wasm/${name}`),
  };
  const precache = { version, assets, securityUpdate, wasmBuilds };
  writeFileSync(path.join(out, SERVICE_WORKER), swSource.replace(PRECACHE_MARKER, `const PRECACHE = ${JSON.stringify(precache)};`));

  let bytes = 0;
  let gzipBytes = 0;
  for (const file of listFiles(out)) {
    const content = readFileSync(path.join(out, file));
    bytes += statSync(path.join(out, file)).size;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { version, securityUpdate, files: files.length + 1, bytes, gzipBytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArguments(process.argv.slice(2));
    const result = buildWeb(options);
    console.log(`build-web: ${path.relative(process.cwd(), options.out) || '.'} version ${result.version}${result.securityUpdate ? ' (security update)' : ''}, ` +
      `${result.files} files, ${(result.bytes / 1024).toFixed(1)} KiB (${(result.gzipBytes / 1024).toFixed(1)} KiB gzip)`);
  } catch (error) {
    console.error(`build-web: ${error.message}`);
    process.exit(1);
  }
}
