// The worker side of the messenger protocol, shared by the vault worker and the import worker:
// {id, action, args} -> {id, result} | {id, error}. `result` is whatever the binding returned (itself
// possibly {error: {kind, field, message}}); `error` means the call never reached a binding (module
// failed to load, binding missing, a throw or a wasm trap). Only the bindings a worker allows are
// callable, so a bug cannot reach Embind internals. Nothing here logs arguments or results: they
// carry secrets.
import { loadAuthcoreModule } from './wasm-flavour.js';
import { FIRST_CODE_ACTIONS } from './first-code-actions.js';

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

// The calls after which the rest of the module is fetched and linked in the background: a vault is
// open (or new) and its codes are on their way, so nothing on the way to the first code competes
// with it; the delay lets the page paint them first.
const OPENED = new Set(['openWithCodes', 'vaultCreate']);
const REST_AFTER_OPEN_MS = 250;

function moduleFailed(error) {
  // Load failures carry no secrets; the reason helps whoever deploys the page.
  return { error: { kind: 'module_failed', field: '', message: `the WebAssembly module could not be loaded: ${error?.message ?? error}` } };
}

/// Loads the wasm module and answers messages. `bindings`: the names this worker allows;
/// `localActions`: {name: (module, ...args) => result} implemented in JavaScript on top. The
/// first-code actions (first-code-actions.js) run on the module's first part alone; any other
/// action waits until the rest is linked, so it never falls back to a synchronous fetch.
export function serveBindings(bindings, localActions = {}) {
  const allowed = new Set(bindings);
  const actions = { ...localActions };
  const loading = loadAuthcoreModule();
  // Keep the rejection observed so a failed load surfaces per call, not as an unhandled rejection.
  loading.catch(() => {});
  let restScheduled = false;
  // Calls reach the module in the order they came: one waiting for the rest holds back those after
  // it (a code asked for after a change must see the change).
  let inOrder = Promise.resolve();

  async function run(action, args) {
    const ready = inOrder.then(async () => {
      const loaded = await loading;
      if (!FIRST_CODE_ACTIONS.has(action)) await loaded.loadRest();
      return loaded;
    });
    inOrder = ready.catch(() => {});
    let loaded;
    try {
      loaded = await ready;
    } catch (error) {
      return moduleFailed(error);
    }
    const m = loaded.module;
    if (Object.hasOwn(actions, action)) return { result: await actions[action](m, ...args) };
    if (!allowed.has(action)) return { error: unavailable(action) };
    // A User Timing entry per call (name only, never arguments): DevTools' Performance panel and
    // CDP traces show where unlock time goes.
    const start = performance.now();
    const result = m[action](...args);
    performance.measure(`authcore:${action}`, { start });
    return { result };
  }

  function afterReply(action, reply) {
    if (restScheduled || !OPENED.has(action) || reply.error || reply.result?.error) return;
    restScheduled = true;
    // A failure here is reported by the next call that needs the rest (it tries again).
    setTimeout(() => loading.then((loaded) => loaded.loadRest()).catch(() => {}), REST_AFTER_OPEN_MS);
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
    afterReply(String(action), reply);
  });
}
