// The worker side of the messenger protocol, shared by the vault worker and the import worker:
// {id, action, args} -> {id, result} | {id, error}. `result` is whatever the binding returned (itself
// possibly {error: {kind, field, message}}); `error` means the call never reached a binding (module
// failed to load, binding missing, a throw or a wasm trap). Only the bindings a worker allows are
// callable, so a bug cannot reach Embind internals. Nothing here logs arguments or results: they
// carry secrets.
import { loadAuthcoreModule } from './wasm-flavour.js';

/// Every binding the vault worker may call (the import worker allows only importFile and importText).
export const VAULT_WORKER_BINDINGS = [
  'parseOtpauthUri', 'codeForUri', 'decodeBase32',
  'decodeQr', 'encodeQr',
  'vaultKdfDefaults', 'vaultWarmUp', 'vaultCreate', 'vaultUnlock', 'vaultRestore', 'vaultLock', 'vaultIsUnlocked', 'vaultEntries',
  'vaultUpdate', 'vaultDelete', 'vaultUndoDelete', 'vaultReorder',
  'vaultChangePassword', 'vaultCodes', 'vaultNextHotp', 'vaultExportUri', 'vaultExportUris',
  'vaultPreviewMerge', 'vaultApplyMerge', 'vaultDiscardMerge',
  'vaultPreviewSync', 'vaultApplySync', 'vaultSealDeviceSecret', 'vaultOpenDeviceSecret',
  'vaultTransferCopy', 'vaultPreviewTransfer',
  'vaultRehearse', 'vaultPasskeysOf', 'vaultPasskeys', 'vaultPasskeySalt', 'vaultUnlockWithPasskey', 'vaultAddPasskey', 'vaultRemovePasskey',
  'exportAccounts',
  'sessionStageText', 'sessionStageManual', 'sessionCheckSecret', 'sessionCandidateCode', 'sessionCommit', 'sessionConfirmSaved',
  'sessionAbandon', 'sessionDiscard', 'sessionDiscardAll',
];

function unavailable(action) {
  return { kind: 'unavailable', field: action, message: `${action} is not callable in this worker` };
}

/// Loads the wasm module and answers messages. `bindings`: the names this worker allows;
/// `localActions`: {name: (module, ...args) => result} implemented in JavaScript on top.
export function serveBindings(bindings, localActions = {}) {
  const allowed = new Set(bindings);
  const actions = { ...localActions };
  const moduleReady = loadAuthcoreModule();
  // Keep the rejection observed so a failed load surfaces per call, not as an unhandled rejection.
  moduleReady.catch(() => {});

  async function run(action, args) {
    let m;
    try {
      m = await moduleReady;
    } catch (error) {
      // Load failures carry no secrets; the reason helps whoever deploys the page.
      return { error: { kind: 'module_failed', field: '', message: `the WebAssembly module could not be loaded: ${error?.message ?? error}` } };
    }
    if (Object.hasOwn(actions, action)) return { result: await actions[action](m, ...args) };
    if (!allowed.has(action)) return { error: unavailable(action) };
    // A User Timing entry per call (name only, never arguments): DevTools' Performance panel and
    // CDP traces show where unlock time goes.
    const start = performance.now();
    const result = m[action](...args);
    performance.measure(`authcore:${action}`, { start });
    return { result };
  }

  self.addEventListener('message', async (event) => {
    const { id, action, args = [] } = event.data ?? {};
    let reply;
    try {
      reply = await run(String(action), args);
    } catch (error) {
      // Messages from our own code, Embind's argument checks and wasm traps; never the arguments.
      reply = { error: { kind: 'internal', field: String(action), message: String(error?.message ?? error) } };
    }
    self.postMessage({ id, ...reply });
  });
}
