// Runs one import call (importFile / importText) in a fresh import worker and terminates it when the
// answer comes, or after TIMEOUT_MS. A legitimate encrypted export costs at most a few seconds of key
// derivation (the core refuses costlier files with 'kdf_too_costly'); the timeout is the last line
// against anything that still runs away.
import { WorkerMessenger } from '../worker/worker-messenger.js';
import { scriptUrl } from '../security/script-urls.js';

export const TIMEOUT_MS = 60_000;

/// Resolves the binding's result, or {error} (kind 'timeout' when it took too long).
export async function runImport(action, ...args) {
  const worker = new WorkerMessenger(scriptUrl('js/worker/import-worker.js'));
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
