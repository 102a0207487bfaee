// The Web Worker that owns the wasm module and the unlocked vault. Other apps' files are NOT read
// here: importFile and importText run in the throw-away import worker (import-worker.js), so a trap
// or a runaway allocation in an importer never happens in the instance that holds the vault's keys.
// The same script runs as the decoder worker (scan/scanner-worker.js): there, a code read for the
// add screen is staged in the vault worker over a port (vault-link.js), never sent to the page.
import { VAULT_WORKER_BINDINGS, serveBindings } from './worker-host.js';
import { decodeImage, startStream } from './image-decoder.js';
import { connectVault, serveStaging, stageInVault } from './vault-link.js';
import { openWithCodes } from './open-with-codes.js';

/// stage: the text goes to the vault worker's Session; the page gets {staged, corners, width,
/// height} instead of {text, bytes, ...}. Without it (the import screen, which hands the text to
/// the throw-away import worker) the text comes back.
async function decode(m, source, mode, stage = false) {
  const found = decodeImage(m, source, mode);
  if (found.error || !stage) return found;
  const staged = await stageInVault(found.text);
  found.bytes?.fill?.(0);
  if (staged.error) return { error: staged.error };
  return { staged, corners: found.corners, width: found.width, height: found.height };
}

serveBindings(VAULT_WORKER_BINDINGS, {
  openWithCodes,
  decodeImage: decode,
  startStream: (m) => startStream(m),
  // A decoder worker (scan/scanner-worker.js) or an import worker (transfer/import-sandbox.js).
  acceptDecoder: (m, port) => serveStaging(m, port),
  acceptImporter: (m, port) => serveStaging(m, port),
  connectVault: (m, port) => connectVault(port),
});
