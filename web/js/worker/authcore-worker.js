// The Web Worker that owns the wasm module and the unlocked vault. Other apps' files are NOT read
// here: importFile and importText run in the throw-away import worker (import-worker.js), so a trap
// or a runaway allocation in an importer never happens in the instance that holds the vault's keys.
import { ALL_BINDINGS, serveBindings } from './worker-host.js';
import { decodeImage, startStream } from './image-decoder.js';

const IMPORT_ONLY = new Set(['importFile', 'importText']);

serveBindings(ALL_BINDINGS.filter((name) => !IMPORT_ONLY.has(name)), {
  decodeImage: (m, source, mode) => decodeImage(m, source, mode),
  startStream: (m) => startStream(m),
});
