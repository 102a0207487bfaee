// What can go wrong with the copy of the vault that sync keeps outside this browser: on a WebDAV
// server (webdav-file.js) or in a folder the user picked (folder-file.js).

/// The largest file read back: the vault file limit the restore screen uses too.
export const MAX_REMOTE_BYTES = 16 * 1024 * 1024;

/// kind: 'unreachable' (network, CORS or CSP), 'unauthorized' (401/403), 'full' (507, 413, or a
/// disk without room), 'conflict' (412, or the folder's file changed since it was read: another
/// device wrote first), 'too_large', 'no_etag' (the server names no version, or CORS hides it),
/// 'folder_gone' (the picked folder was moved or deleted), 'folder_permission' (the browser no
/// longer lets the page write there), 'refused' (any other answer).
export class RemoteError extends Error {
  constructor(kind, status = 0) {
    super(status ? `${kind} (HTTP ${status})` : kind);
    this.kind = kind;
    this.status = status;
  }
}
