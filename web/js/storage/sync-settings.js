// Where this device syncs its vault (docs/sync.md): either a WebDAV file (its address and user name,
// and the app password sealed under the vault's key by the core: it opens only while the vault is
// unlocked with the key it was sealed under) or a folder the user picked (its name here; the handle
// itself is in IndexedDB, folder-handle-store.js). Per device: another device has its own.
// localStorage, like the other settings; the sealed password is ciphertext.
const KEY = 'authenticator.sync';

/// The origin this deployment may sync with (build-web --sync-origin), or null: then the page has
/// no WebDAV sync, as its CSP allows no other server.
export function allowedSyncOrigin() {
  return document.querySelector('meta[name="authenticator-sync-origin"]')?.content || null;
}

/// {kind: 'webdav', url, user, sealedPassword: Uint8Array, lastSyncedAt} or {kind: 'folder',
/// folderName, lastSyncedAt}, or null when sync is off.
export function loadSyncSettings() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (stored?.kind === 'folder') {
      if (typeof stored.folderName !== 'string') return null;
      return { kind: 'folder', folderName: stored.folderName, lastSyncedAt: Number(stored.lastSyncedAt) || 0 };
    }
    if (!stored || typeof stored.url !== 'string' || typeof stored.user !== 'string' || typeof stored.sealedPassword !== 'string') return null;
    const binary = atob(stored.sealedPassword);
    const sealedPassword = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return { kind: 'webdav', url: stored.url, user: stored.user, sealedPassword, lastSyncedAt: Number(stored.lastSyncedAt) || 0 };
  } catch {
    return null;
  }
}

/// Throws when storage refuses (full or disabled): the caller says sync could not be turned on.
export function saveSyncSettings({ kind = 'webdav', url, user, sealedPassword, folderName, lastSyncedAt = 0 }) {
  if (kind === 'folder') {
    localStorage.setItem(KEY, JSON.stringify({ kind, folderName, lastSyncedAt }));
    return;
  }
  let binary = '';
  for (const byte of sealedPassword) binary += String.fromCharCode(byte);
  localStorage.setItem(KEY, JSON.stringify({ kind, url, user, sealedPassword: btoa(binary), lastSyncedAt }));
}

export function clearSyncSettings() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
