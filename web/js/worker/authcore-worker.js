// The Web Worker that owns the wasm module. Protocol: {id, action, args} -> {id, result} | {id, error}.
// `result` is whatever the binding returned (itself possibly {error: {kind, field, message}});
// `error` means the call never reached a binding (module failed to load, binding missing, a throw).
// Nothing here logs arguments or results: they carry secrets.
import createAuthcore from '../../wasm/authcore_wasm.mjs';
import { decodeImage, startStream } from './image-decoder.js';

// Every binding the page may call. Anything else is refused, so a bug cannot reach Embind internals.
const BINDINGS = new Set([
  'parseOtpauthUri', 'codeForUri', 'decodeBase32',
  'decodeQr', 'encodeQr',
  'vaultKdfDefaults', 'vaultCreate', 'vaultUnlock', 'vaultLock', 'vaultIsUnlocked', 'vaultEntries',
  'vaultAddUri', 'vaultAddManual', 'vaultUpdate', 'vaultDelete', 'vaultUndoDelete', 'vaultReorder',
  'vaultChangePassword', 'vaultCodes', 'vaultNextHotp', 'vaultExportUri', 'vaultExportUris', 'vaultImportUris',
  'importFile', 'importText', 'exportAccounts',
]);

const moduleReady = createAuthcore();
// Keep the rejection observed so a failed load surfaces per call, not as an unhandled rejection.
moduleReady.catch(() => {});

// Actions implemented here, on top of the bindings.
const LOCAL_ACTIONS = {
  capabilities: (m) => ({ bindings: [...BINDINGS].filter((name) => typeof m[name] === 'function') }),
  decodeImage: (m, source, mode) => decodeImage(m, source, mode),
  startStream: (m) => startStream(m),
};

function unavailable(action) {
  return { kind: 'unavailable', field: action, message: `${action} is not available in this build` };
}

async function run(action, args) {
  let m;
  try {
    m = await moduleReady;
  } catch (error) {
    // Load failures carry no secrets; the reason helps whoever deploys the page.
    return { error: { kind: 'module_failed', field: '', message: `the WebAssembly module could not be loaded: ${error?.message ?? error}` } };
  }
  if (Object.hasOwn(LOCAL_ACTIONS, action)) return { result: await LOCAL_ACTIONS[action](m, ...args) };
  if (!BINDINGS.has(action) || typeof m[action] !== 'function') return { error: unavailable(action) };
  return { result: m[action](...args) };
}

self.addEventListener('message', async (event) => {
  const { id, action, args = [] } = event.data ?? {};
  let reply;
  try {
    reply = await run(String(action), args);
  } catch (error) {
    // Messages from our own code and Embind's argument checks; never include the arguments.
    reply = { error: { kind: 'internal', field: String(action), message: String(error?.message ?? error) } };
  }
  self.postMessage({ id, ...reply });
});
