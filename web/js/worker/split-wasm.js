// Instantiates the wasm module from its two files (tools/split-wasm.mjs cuts them with binaryen's
// wasm-split): `first` holds every function that opening the vault and showing its codes runs,
// `rest` everything else (the QR reader and writer, importers, exporters, merge, sync, editing).
// Both are one instance: `rest` is linked into `first`'s memory and function table, so the keys the
// vault worker opened stay in the one instance that opened them.
//
// A function of `rest` called before `rest` is linked reaches a placeholder import of `first`,
// which links `rest` there and then, from bytes read synchronously (`readSync`). The worker awaits
// loadRest() before any call outside the first-code path (worker-host.js), so the synchronous read
// is the safety net for a path the split's profile did not see, not the way `rest` normally arrives.

/// The custom section both parts carry (tools/split-wasm.mjs): the whole module's hash. A rest is
/// linked only into the first part of the same build: a page open across an update would otherwise
/// fetch the new version's rest (the service worker keeps one version) and link mismatched code.
export const BUILD_SECTION = 'authcore.build';

/// The import namespaces the parts use (tools/split-wasm.mjs passes them to wasm-split): the first
/// part imports its placeholders from PLACEHOLDERS, the rest imports the first part's exports from
/// PRIMARY. One letter each: every one of the first part's ~1400 imports names its namespace.
export const PLACEHOLDERS = 'p';
export const PRIMARY = 'm';

function buildOf(compiled) {
  const [section] = WebAssembly.Module.customSections(compiled, BUILD_SECTION);
  return section ? new TextDecoder().decode(section) : null;
}

/// Reads a URL's bytes synchronously: a worker may use synchronous XMLHttpRequest.
function readSyncByXhr(url) {
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.responseType = 'arraybuffer';
  request.send();
  if (request.status !== 200 && request.status !== 0) throw new Error(`${url}: HTTP ${request.status}`);
  return new Uint8Array(request.response);
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function instantiateFirst(url, imports, readBytes) {
  if (readBytes === fetchBytes && typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return await WebAssembly.instantiateStreaming(fetch(url), imports);
    } catch (error) {
      // A server without the application/wasm type: fetch again as bytes, as Emscripten does.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  return WebAssembly.instantiate(await readBytes(url), imports);
}

/// Creates the Emscripten module `createModule` (the glue's default export) from the files at
/// `firstUrl` and `restUrl`. Resolves {module, loadRest, stats}: loadRest() links `rest` (once;
/// later calls return the same promise); stats counts how `rest` arrived ({linked, synchronous}).
/// `readBytes(url)` and `readSync(url)` default to fetch and synchronous XMLHttpRequest; Node
/// passes file readers.
export async function createSplitModule(createModule, { firstUrl, restUrl, readBytes = fetchBytes, readSync = readSyncByXhr }) {
  let exports = null;
  let table = null;
  let restLinked = false;
  let restLoading = null;
  let firstBuild = null;
  const stats = { linked: false, synchronous: 0 };

  function link(compiled) {
    if (restLinked) return;
    const restBuild = buildOf(compiled);
    if (!firstBuild || restBuild !== firstBuild) {
      throw new Error(`the two parts of the wasm module are of different builds (${firstBuild} and ${restBuild}): reload the page`);
    }
    // The rest's element segment writes its functions over the placeholders in the table.
    new WebAssembly.Instance(compiled, { [PRIMARY]: exports });
    restLinked = true;
    stats.linked = true;
  }

  function linkNow() {
    if (restLinked) return;
    stats.synchronous += 1;
    link(new WebAssembly.Module(readSync(restUrl)));
  }

  // wasm-split names each placeholder import by the table slot it stands in for.
  const placeholder = new Proxy({}, {
    get: (target, slot) => (...args) => {
      linkNow();
      return table.get(Number(slot))(...args);
    },
  });

  let failInstantiation;
  const instantiationFailed = new Promise((resolve, reject) => { failInstantiation = reject; });
  const module = await Promise.race([
    createModule({
      instantiateWasm(imports, receiveInstance) {
        instantiateFirst(firstUrl, { ...imports, [PLACEHOLDERS]: placeholder }, readBytes).then(({ instance, module: compiled }) => {
          exports = instance.exports;
          firstBuild = buildOf(compiled);
          table = Object.values(exports).find((value) => value instanceof WebAssembly.Table);
          if (!table) throw new Error('the first part of the wasm module exports no function table');
          receiveInstance(instance, compiled);
        }).catch(failInstantiation);
        return {}; // Emscripten: the exports arrive later, through receiveInstance
      },
    }),
    instantiationFailed,
  ]);

  function loadRest() {
    restLoading ??= (async () => {
      if (restLinked) return;
      const compiled = await WebAssembly.compile(await readBytes(restUrl));
      link(compiled);
    })();
    // A failed load (offline before the service worker cached `rest`) is tried again next time.
    restLoading.catch(() => { restLoading = null; });
    return restLoading;
  }

  return { module, loadRest, stats };
}
