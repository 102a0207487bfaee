// The vault's copy in a folder the user picked with the File System Access API (Chromium): a folder
// that OneDrive, Nextcloud's desktop client, Syncthing or Dropbox keeps in step with the user's
// other computers. The same read/write contract as WebDavFile: read() gives the bytes and a version;
// write() writes only if the file is still that version (or, with none, only if there is no file),
// so a copy that the sync client brought in meanwhile is read and merged instead of overwritten.
// Sync clients that see two computers write at once keep both as "conflict copies" beside the file
// (Syncthing: NAME.sync-conflict-….authvault; Nextcloud, Dropbox: "NAME (… conflicted copy …)";
// OneDrive: NAME-COMPUTER.authvault): copies() lists them so that they are merged too, then removed.
import { RemoteError, MAX_REMOTE_BYTES } from './remote-error.js';

export const VAULT_FILE_NAME = 'authenticator-vault.authvault';
const FILE_STEM = 'authenticator-vault';
const FILE_EXTENSION = '.authvault';
/// Conflict copies merged per sync: a folder cannot make one sync read without end.
const MAX_COPIES = 16;

export function folderPickerSupported() {
  return typeof globalThis.showDirectoryPicker === 'function';
}

/// 'granted' | 'prompt' | 'denied': whether the page may write in `folder` now. With `ask` (only
/// from a click: the browser asks the user), a 'prompt' becomes the user's answer.
export async function folderPermission(folder, { ask = false } = {}) {
  const options = { mode: 'readwrite' };
  let state = await folder.queryPermission(options);
  if (state === 'prompt' && ask) state = await folder.requestPermission(options);
  return state;
}

function remoteErrorOf(error) {
  if (error instanceof RemoteError) return error;
  switch (error?.name) {
    case 'NotFoundError': return new RemoteError('folder_gone');
    case 'NotAllowedError':
    case 'SecurityError': return new RemoteError('folder_permission');
    case 'QuotaExceededError': return new RemoteError('full');
    default: return new RemoteError('refused');
  }
}

/// What says "the file changed": a sync client replaces the file, which changes its time (and
/// usually its size).
function versionOf(file) {
  return `${file.lastModified}:${file.size}`;
}

async function boundedBytes(fileHandle) {
  const file = await fileHandle.getFile();
  if (file.size > MAX_REMOTE_BYTES) throw new RemoteError('too_large');
  return { bytes: new Uint8Array(await file.arrayBuffer()), version: versionOf(file) };
}

export function isConflictCopyName(name) {
  return name !== VAULT_FILE_NAME && name.startsWith(FILE_STEM) && name.endsWith(FILE_EXTENSION)
    && name.length <= 255;
}

export class FolderFile {
  #folder;

  constructor({ folder }) {
    this.#folder = folder;
  }

  /// The vault file's handle, or null when there is none (the folder itself must still be there).
  async #fileHandle() {
    try {
      return await this.#folder.getFileHandle(VAULT_FILE_NAME);
    } catch (error) {
      if (error?.name !== 'NotFoundError') throw remoteErrorOf(error);
    }
    try {
      await this.#folder.keys().next(); // throws NotFoundError when the folder is gone
    } catch (error) {
      throw remoteErrorOf(error);
    }
    return null;
  }

  /// {bytes, etag}, or null when no file is there yet.
  async read() {
    const handle = await this.#fileHandle();
    if (!handle) return null;
    try {
      const { bytes, version } = await boundedBytes(handle);
      return { bytes, etag: version };
    } catch (error) {
      throw remoteErrorOf(error);
    }
  }

  /// Writes `bytes` if the file is still the version `etag` (null: only if there is none yet).
  /// Resolves {etag}; throws RemoteError ('conflict' when it changed).
  async write(bytes, etag) {
    let handle = await this.#fileHandle();
    try {
      const current = handle ? versionOf(await handle.getFile()) : null;
      if (current !== etag) throw new RemoteError('conflict');
      handle ??= await this.#folder.getFileHandle(VAULT_FILE_NAME, { create: true });
      // The browser writes to a temporary file and swaps it in on close(): the sync client never
      // sees half a vault.
      const writable = await handle.createWritable();
      try {
        await writable.write(bytes);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => {});
        throw error;
      }
      return { etag: versionOf(await handle.getFile()) };
    } catch (error) {
      throw remoteErrorOf(error);
    }
  }

  /// The names of conflict copies beside the file (at most MAX_COPIES).
  async copies() {
    const names = [];
    try {
      for await (const [name, entry] of this.#folder.entries()) {
        if (entry.kind === 'file' && isConflictCopyName(name)) names.push(name);
        if (names.length >= MAX_COPIES) break;
      }
    } catch (error) {
      throw remoteErrorOf(error);
    }
    return names.sort();
  }

  async readCopy(name) {
    try {
      return (await boundedBytes(await this.#folder.getFileHandle(name))).bytes;
    } catch (error) {
      throw remoteErrorOf(error);
    }
  }

  async removeCopy(name) {
    try {
      await this.#folder.removeEntry(name);
    } catch (error) {
      if (error?.name !== 'NotFoundError') throw remoteErrorOf(error);
    }
  }
}
