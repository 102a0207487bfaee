// Folder sync's file (web/js/storage/folder-file.js) over an in-memory stand-in for the File System
// Access API's directory handle: absent file, the first write only when none is there, a write
// refused once the sync client replaced the file, conflict copies listed by their sync clients'
// names, a folder deleted, a full disk, an oversized file. And VaultSync merging conflict copies
// before the file and removing them only once the file holds them. The browser's own handles are
// exercised in tests/e2e/folder-sync.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.localStorage ??= (() => {
  const store = new Map();
  return { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
})();
globalThis.document ??= { addEventListener() {}, visibilityState: 'visible' };

const { FolderFile, VAULT_FILE_NAME, isConflictCopyName } = await import('../../web/js/storage/folder-file.js');
const { RemoteError, MAX_REMOTE_BYTES } = await import('../../web/js/storage/remote-error.js');
const { VaultSync } = await import('../../web/js/vault/vault-sync.js');

const domError = (name) => Object.assign(new Error(name), { name });

/// A folder: name -> {bytes, lastModified}; `gone` makes every call fail as a deleted folder does;
/// `full` makes writes fail as a full disk does.
function memoryFolder() {
  let clock = 1_000;
  const files = new Map();
  const folder = {
    files, gone: false, full: false,
    put(name, bytes) { files.set(name, { bytes: Uint8Array.from(bytes), lastModified: ++clock }); },
    async getFileHandle(name, { create = false } = {}) {
      if (folder.gone) throw domError('NotFoundError');
      if (!files.has(name)) {
        if (!create) throw domError('NotFoundError');
        folder.put(name, []);
      }
      return {
        kind: 'file',
        async getFile() {
          const { bytes, lastModified } = files.get(name);
          return { size: bytes.length, lastModified, async arrayBuffer() { return bytes.slice().buffer; } };
        },
        async createWritable() {
          let written = null;
          return {
            async write(bytes) { if (folder.full) throw domError('QuotaExceededError'); written = bytes; },
            async close() { folder.put(name, written); },
            async abort() {},
          };
        },
      };
    },
    keys() {
      return { async next() { if (folder.gone) throw domError('NotFoundError'); return { done: true }; } };
    },
    async *entries() {
      if (folder.gone) throw domError('NotFoundError');
      for (const name of files.keys()) yield [name, { kind: 'file' }];
    },
    async removeEntry(name) { files.delete(name); },
  };
  return folder;
}

async function kindOf(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RemoteError, String(error));
    return error.kind;
  }
  return 'no error';
}

test('read, first write, and a write refused once the file changed', async () => {
  const folder = memoryFolder();
  const file = new FolderFile({ folder });
  assert.equal(await file.read(), null);
  const { etag } = await file.write(new Uint8Array([1, 2]), null);
  assert.equal(await kindOf(file.write(new Uint8Array([3]), null)), 'conflict', 'no second "first" write');
  const found = await file.read();
  assert.deepEqual(found, { bytes: new Uint8Array([1, 2]), etag });
  folder.put(VAULT_FILE_NAME, [7, 7, 7]); // the sync client brings another computer's copy
  assert.equal(await kindOf(file.write(new Uint8Array([4]), etag)), 'conflict');
  assert.deepEqual(folder.files.get(VAULT_FILE_NAME).bytes, new Uint8Array([7, 7, 7]), 'not overwritten');
  const fresh = await file.read();
  await file.write(new Uint8Array([5]), fresh.etag);
  assert.deepEqual((await file.read()).bytes, new Uint8Array([5]));
});

test('a deleted folder, a full disk and an oversized file are clear errors that change nothing', async () => {
  const folder = memoryFolder();
  const file = new FolderFile({ folder });
  await file.write(new Uint8Array([1]), null);
  const { etag } = await file.read();
  folder.full = true;
  assert.equal(await kindOf(file.write(new Uint8Array([2]), etag)), 'full');
  assert.deepEqual(folder.files.get(VAULT_FILE_NAME).bytes, new Uint8Array([1]));
  folder.full = false;
  folder.put(VAULT_FILE_NAME, new Uint8Array(MAX_REMOTE_BYTES + 1));
  assert.equal(await kindOf(file.read()), 'too_large');
  folder.gone = true;
  assert.equal(await kindOf(file.read()), 'folder_gone');
  assert.equal(await kindOf(file.write(new Uint8Array([2]), null)), 'folder_gone');
});

test('conflict copies are recognised by the names sync clients give them', async () => {
  for (const name of [
    'authenticator-vault.sync-conflict-20261128-101010-ABCDEFG.authvault', // Syncthing
    'authenticator-vault (conflicted copy 2026-11-28 101010).authvault', // Nextcloud
    'authenticator-vault (Anna\'s conflicted copy 2026-11-28).authvault', // Dropbox
    'authenticator-vault-LAPTOP-2.authvault', // OneDrive
  ]) assert.ok(isConflictCopyName(name), name);
  for (const name of [VAULT_FILE_NAME, 'notes.txt', 'authenticator-backup-2026-11-28.authvault', 'authenticator-vault.authvault.tmp']) {
    assert.ok(!isConflictCopyName(name), name);
  }
  const folder = memoryFolder();
  folder.put(VAULT_FILE_NAME, [1]);
  folder.put('authenticator-vault-LAPTOP-2.authvault', [2]);
  folder.put('holiday.jpg', [3]);
  const file = new FolderFile({ folder });
  assert.deepEqual(await file.copies(), ['authenticator-vault-LAPTOP-2.authvault']);
  assert.deepEqual(await file.readCopy('authenticator-vault-LAPTOP-2.authvault'), new Uint8Array([2]));
});

test('VaultSync merges conflict copies first and removes them only once the file holds them', async () => {
  const MERGED = new Uint8Array([9, 9]);
  const calls = [];
  const session = new EventTarget();
  Object.assign(session, {
    unlocked: true,
    async sealDeviceSecret() { return { sealed: new Uint8Array([1]) }; },
    async stored() { return { current: { bytes: MERGED } }; },
    async previewSync(bytes) {
      calls.push(['preview', [...bytes]]);
      if (bytes[0] === 6) return { needsPassword: true }; // a copy under another key: left alone
      return { added: bytes[0] === 2 ? 1 : 0, updated: 0, deleted: 0, unchanged: 1, syncedCopyBehind: bytes[0] !== 2, adoptsSyncedKey: false };
    },
    async applySync() { calls.push(['apply']); return { merge: {}, file: MERGED }; },
    async discardMerge() { calls.push(['discard']); },
  });
  const folder = memoryFolder();
  folder.put(VAULT_FILE_NAME, [1]);
  folder.put('authenticator-vault-LAPTOP-2.authvault', [2]);
  folder.put('authenticator-vault-OTHER.authvault', [6]);
  const sync = new VaultSync(session, { makeRemote: () => new FolderFile({ folder }) });
  const state = await sync.turnOn({ url: 'https://unused.example/v', user: 'x', password: 'y' });
  assert.equal(state.status, 'ok', JSON.stringify(state));
  assert.equal(state.changes.added, 1, 'the copy\'s account counts');
  assert.deepEqual(calls.map(([kind]) => kind), ['preview', 'apply', 'preview', 'preview', 'discard']);
  assert.deepEqual(folder.files.get(VAULT_FILE_NAME).bytes, MERGED, 'the file now holds the merge');
  assert.deepEqual([...folder.files.keys()].sort(), ['authenticator-vault-OTHER.authvault', VAULT_FILE_NAME]);
  sync.turnOff();
});
