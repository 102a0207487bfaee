// One file on a WebDAV server the user names (Nextcloud, ownCloud, Apache mod_dav, WsgiDAV): read
// with its ETag, written only if it is still the version read (If-Match) or, the first time, only if
// no file is there yet (If-None-Match: *). So two devices writing at once never overwrite each
// other: the second gets 'conflict', reads again and merges. Only the encrypted vault file is ever
// sent (docs/sync.md); the app password goes in the Authorization header, to that server only.

import { RemoteError, MAX_REMOTE_BYTES } from './remote-error.js';

export { RemoteError, MAX_REMOTE_BYTES };

function kindOfStatus(status) {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 507 || status === 413) return 'full';
  if (status === 412) return 'conflict';
  return 'refused';
}

function basicAuthorization(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/// The body, refusing more than `limit` bytes before reading them all (a hostile server cannot make
/// the page hold more than that).
async function boundedBody(response, limit) {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) throw new RemoteError('too_large', response.status);
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new RemoteError('too_large', response.status);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export class WebDavFile {
  #url;
  #authorization;
  #fetch;

  /// url: the file's full address (https://cloud.example.lv/remote.php/dav/files/anna/authenticator.vault).
  constructor({ url, user, password, fetch = globalThis.fetch.bind(globalThis) }) {
    this.#url = url;
    this.#authorization = basicAuthorization(user, password);
    this.#fetch = fetch;
  }

  async #request(method, headers = {}, body = undefined) {
    try {
      return await this.#fetch(this.#url, {
        method, body, cache: 'no-store', credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer',
        headers: { Authorization: this.#authorization, ...headers },
      });
    } catch {
      throw new RemoteError('unreachable');
    }
  }

  /// {bytes, etag}, or null when no file is there yet.
  async read() {
    const response = await this.#request('GET');
    if (response.status === 404) return null;
    if (!response.ok) throw new RemoteError(kindOfStatus(response.status), response.status);
    const etag = response.headers.get('ETag');
    // Without an ETag no write can be made conditional, and two devices could overwrite each other.
    // (A server behind CORS must also expose it: Access-Control-Expose-Headers: ETag.)
    if (!etag) throw new RemoteError('no_etag', response.status);
    return { bytes: await boundedBody(response, MAX_REMOTE_BYTES), etag };
  }

  /// Writes `bytes` if the file is still the one with `etag` (null: only if there is none yet).
  /// Resolves {etag} (null when the server names none); throws RemoteError ('conflict' on 412).
  async write(bytes, etag) {
    const condition = etag ? { 'If-Match': etag } : { 'If-None-Match': '*' };
    const response = await this.#request('PUT', { 'Content-Type': 'application/octet-stream', ...condition }, bytes);
    if (!response.ok) throw new RemoteError(kindOfStatus(response.status), response.status);
    return { etag: response.headers.get('ETag') };
  }
}
