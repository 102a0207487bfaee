// The channel between a worker that reads secrets from outside (a decoder worker, an import worker)
// and the vault worker: a MessagePort pair the page sets up and hands to both. What the outside
// worker read goes over it straight to the vault worker's Session, so the text (which holds the
// secret) never passes through the page: the page only gets what the vault worker staged
// (candidate ids and previews). The vault worker only stages what comes this way; nothing else is
// callable over the port.

let port = null;
const waiting = new Map();
let nextId = 1;

/// In the decoder or import worker: the end that reaches the vault worker.
export function connectVault(vaultPort) {
  port = vaultPort;
  port.onmessage = ({ data }) => {
    waiting.get(data?.id)?.(data.result);
    waiting.delete(data?.id);
  };
  return true;
}

function send(message) {
  if (!port) return Promise.resolve({ error: { kind: 'unavailable', field: 'vault', message: 'no vault worker to stage in' } });
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    port.postMessage({ id, ...message });
  });
}

/// Staged result of a scanned `text` ({kind, candidates, ...} or {error}).
export function stageInVault(text) {
  return send({ text });
}

/// Staged result of an import's otpauth:// links ({candidates} or {error}; all or none).
export function stageUrisInVault(uris) {
  return send({ uris });
}

/// In the vault worker: stages what the worker at the other end of `outsidePort` sends.
export function serveStaging(m, outsidePort) {
  outsidePort.onmessage = ({ data }) => {
    let result;
    try {
      result = Array.isArray(data?.uris) ? m.sessionStageUris(data.uris) : m.sessionStageText(data?.text);
    } catch (error) {
      // A wasm trap: its message, never the text.
      result = { error: { kind: 'internal', field: 'session', message: String(error?.message ?? error) } };
    }
    outsidePort.postMessage({ id: data?.id, result });
  };
  return true;
}
