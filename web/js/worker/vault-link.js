// The channel between a decoder worker and the vault worker (a MessagePort pair the page sets up and
// hands to both). A decoded QR code that is to be staged goes over it straight to the vault worker's
// Session, so its text (which holds the secret) never passes through the page: the page only gets
// what the vault worker staged (candidate ids and previews).

let port = null;
const waiting = new Map();
let nextId = 1;

/// In the decoder worker: the end that reaches the vault worker.
export function connectVault(vaultPort) {
  port = vaultPort;
  port.onmessage = ({ data }) => {
    waiting.get(data?.id)?.(data.result);
    waiting.delete(data?.id);
  };
  return true;
}

/// In the decoder worker: staged result of `text` ({kind, candidates, ...} or {error}).
export function stageInVault(text) {
  if (!port) return Promise.resolve({ error: { kind: 'unavailable', field: 'vault', message: 'no vault worker to stage in' } });
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    port.postMessage({ id, text });
  });
}

/// In the vault worker: stages what the decoder worker at the other end of `decoderPort` sends.
export function serveDecoder(m, decoderPort) {
  decoderPort.onmessage = ({ data }) => {
    let result;
    try {
      result = m.sessionStageText(data.text);
    } catch (error) {
      // A wasm trap: its message, never the text.
      result = { error: { kind: 'internal', field: 'sessionStageText', message: String(error?.message ?? error) } };
    }
    decoderPort.postMessage({ id: data.id, result });
  };
  return true;
}
