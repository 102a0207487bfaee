// Runs one import call (importFile / importText) in a fresh import worker and terminates it when the
// answer comes, or after TIMEOUT_MS. A legitimate encrypted export costs at most a few seconds of key
// derivation (the core refuses costlier files with 'kdf_too_costly'); the timeout is the last line
// against anything that still runs away.
import { WorkerMessenger } from '../worker/worker-messenger.js';
import { scriptUrl } from '../security/script-urls.js';

export const TIMEOUT_MS = 60_000;

/// Resolves the binding's result, or {error} (kind 'timeout' when it took too long). The accounts
/// read go to `vault` (the vault worker's messenger) over a port and are staged there; the result
/// holds their previews (worker/import-worker.js).
export async function runImport(vault, action, ...args) {
  const worker = new WorkerMessenger(scriptUrl('js/worker/import-worker.js'));
  const { port1, port2 } = new MessageChannel();
  vault.callTransferring('acceptImporter', [port1], [port1]);
  worker.callTransferring('connectVault', [port2], [port2]);
  let timer;
  const late = new Promise((resolve) => {
    const timedOut = { error: { kind: 'timeout', field: action, message: 'the import took too long and was stopped' } };
    timer = setTimeout(() => resolve(timedOut), TIMEOUT_MS);
  });
  try {
    return await Promise.race([worker.call(action, ...args), late]);
  } finally {
    clearTimeout(timer);
    worker.terminate();
  }
}
