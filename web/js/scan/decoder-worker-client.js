// The page's side of the decoder worker: starts it, links it to the vault worker, sends it images
// and ends it. The decoder is a second worker (same script, own wasm instance) that only decodes
// images, so a hung decode can be cancelled by terminating it without touching the worker that
// holds the unlocked vault. Each one gets a port to the vault worker (worker/vault-link.js): codes
// read for the add screen are staged there directly, so their text never reaches the page.
import { WorkerMessenger } from '../worker/worker-messenger.js';
import { scriptUrl } from '../security/script-urls.js';

// Resolved from the page, not from this module: the build bundles modules into one file. Made on
// first use (a Trusted Types policy needs the document).
const workerUrl = () => scriptUrl('js/worker/authcore-worker.js');
const HUNG_MS = 5000;

let messenger = null;
let vault = null;

/// The vault worker's messenger (main.js): each decoder worker started afterwards is linked to it.
export function connectDecoderTo(vaultMessenger) {
  vault = vaultMessenger;
}

function decoder() {
  if (messenger) return messenger;
  messenger = new WorkerMessenger(workerUrl());
  if (vault) {
    // Messages are handled in order, so both ends are linked before the first decode arrives.
    const { port1, port2 } = new MessageChannel();
    vault.callTransferring('acceptDecoder', [port1], [port1]);
    messenger.callTransferring('connectVault', [port2], [port2]);
  }
  return messenger;
}

/// True while a decode is in flight: the camera loop drops frames instead of queueing them.
export function decoderBusy() {
  return Boolean(messenger?.busy);
}

/// Decodes one ImageBitmap (transferred, so the caller must not use it afterwards). With `stage`,
/// resolves {staged, corners, width, height} (what the vault worker staged), else {text, bytes,
/// corners, width, height}; or {error}.
export function decodeBitmap(bitmap, mode, { stage = false } = {}) {
  const worker = decoder();
  let timer;
  const hung = new Promise((resolve) => {
    timer = setTimeout(() => {
      worker.terminate(); // resolves the pending call with {error: cancelled}
      resolve({ error: { kind: 'cancelled', field: '', message: 'decoding took too long' } });
    }, HUNG_MS);
  });
  const decoded = worker.callTransferring('decodeImage', [bitmap, mode, stage], [bitmap]);
  return Promise.race([decoded, hung]).finally(() => clearTimeout(timer));
}

/// Tells the decoder a new stream begins (it forgets what earlier frames left behind).
export function startDecoderStream() {
  return decoder().call('startStream');
}

/// Frees the scanner's wasm instance when no scanning is going on.
export function releaseDecoder() {
  messenger?.terminate();
  messenger = null;
}
