// VaultSync's decisions (web/js/vault/vault-sync.js) with a stand-in session and server: the first
// device writes with If-None-Match, a 412 makes it read and merge again (three times at most), a
// copy under another key asks for the password, a connection that fails once is tried again, and a
// failure leaves nothing applied. The real server and core are in tests/e2e/sync.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const store = new Map();
globalThis.localStorage ??= { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
globalThis.document ??= { addEventListener() {}, visibilityState: 'visible' };

const { VaultSync } = await import('../../web/js/vault/vault-sync.js');
const { RemoteError } = await import('../../web/js/storage/webdav-file.js');

const LOCAL = new Uint8Array([1]);
const MERGED = new Uint8Array([2]);

/// A session whose preview answers `preview` (or a function of the call number).
function fakeSession(preview) {
  const calls = [];
  const session = new EventTarget();
  Object.assign(session, {
    unlocked: true,
    calls,
    async sealDeviceSecret(text) { return { sealed: new TextEncoder().encode(`sealed:${text}`) }; },
    async openDeviceSecret() { return { secret: 'app' }; },
    async stored() { return { current: { bytes: LOCAL } }; },
    async previewSync(bytes, password, keepThisKey) {
      calls.push(['preview', bytes, password, keepThisKey]);
      return typeof preview === 'function' ? preview(calls.length) : preview;
    },
    async applySync(options) { calls.push(['apply', options]); return { merge: {}, file: MERGED }; },
    async discardMerge() { calls.push(['discard']); },
  });
  return session;
}

/// A server answering from `script`: a list of functions, one per request, each returning the
/// answer or throwing a RemoteError.
function fakeRemote(script) {
  const requests = [];
  const remote = {
    requests,
    async read() { requests.push(['read']); return script.shift()('read'); },
    async write(bytes, etag) { requests.push(['write', bytes, etag]); return script.shift()('write'); },
  };
  return remote;
}

const nothingNew = { added: 0, updated: 0, deleted: 0, unchanged: 1, syncedCopyBehind: false, adoptsSyncedKey: false };

test('the first device writes its stored file only if none is there', async () => {
  const session = fakeSession(nothingNew);
  const remote = fakeRemote([() => null, () => ({ etag: '"1"' })]);
  const sync = new VaultSync(session, { makeRemote: () => remote });
  const state = await sync.turnOn({ url: 'https://dav.example/v', user: 'anna', password: 'app' });
  assert.equal(state.status, 'ok');
  assert.deepEqual(remote.requests, [['read'], ['write', LOCAL, null]]);
  assert.ok(!localStorage.getItem('authenticator.sync').includes('"app"'), 'the app password is kept sealed');
  sync.turnOff();
});

test('two first devices at once: the one whose If-None-Match write gets 412 reads and merges the other\'s', async () => {
  const session = fakeSession({ ...nothingNew, added: 1 });
  const remote = fakeRemote([() => null, () => { throw new RemoteError('conflict', 412); }, () => ({ bytes: new Uint8Array([9]), etag: '"e"' })]);
  const sync = new VaultSync(session, { makeRemote: () => remote });
  const state = await sync.turnOn({ url: 'https://dav.example/v', user: 'anna', password: 'app' });
  assert.equal(state.status, 'ok');
  assert.deepEqual(remote.requests.map(([kind]) => kind), ['read', 'write', 'read']);
  assert.ok(session.calls.some(([kind]) => kind === 'apply'), 'the other device\'s file was merged');
  sync.turnOff();
});

test('a 412 makes the sync read and merge again; three in a row give up with nothing lost', async () => {
  const behind = { ...nothingNew, added: 1, syncedCopyBehind: true };
  const conflict = () => { throw new RemoteError('conflict', 412); };
  const found = () => ({ bytes: new Uint8Array([9]), etag: '"e"' });
  let session = fakeSession(behind);
  let remote = fakeRemote([found, conflict, found, () => ({ etag: '"f"' })]);
  let sync = new VaultSync(session, { makeRemote: () => remote });
  assert.equal((await sync.turnOn({ url: 'https://dav.example/v', user: 'anna', password: 'app' })).status, 'ok');
  assert.deepEqual(remote.requests.map(([kind]) => kind), ['read', 'write', 'read', 'write']);
  assert.deepEqual(remote.requests[3], ['write', MERGED, '"e"']);
  sync.turnOff();

  session = fakeSession(behind);
  remote = fakeRemote([found, conflict, found, conflict, found, conflict]);
  sync = new VaultSync(session, { makeRemote: () => remote });
  const state = await sync.turnOn({ url: 'https://dav.example/v', user: 'anna', password: 'app' });
  assert.deepEqual([state.status, state.error.kind], ['failed', 'conflict']);
  sync.turnOff();
});

test('a copy under another key asks for the password; with it the key is adopted', async () => {
  const session = fakeSession((call) => (call === 1 ? { needsPassword: true } : { ...nothingNew, added: 2, syncedCopyBehind: true, adoptsSyncedKey: true }));
  const found = () => ({ bytes: new Uint8Array([9]), etag: '"e"' });
  const remote = fakeRemote([found, found, () => ({ etag: '"f"' })]);
  const sync = new VaultSync(session, { makeRemote: () => remote });
  assert.equal((await sync.turnOn({ url: 'https://dav.example/v', user: 'anna', password: 'app' })).status, 'needs_password');
  assert.equal(session.calls.some(([kind]) => kind === 'apply'), false, 'nothing applied without the password');
  const state = await sync.syncNow({ password: 'grupas parole' });
  assert.equal(state.status, 'ok');
  assert.deepEqual(session.calls.find(([kind]) => kind === 'apply'), ['apply', { adoptsSyncedKey: true }]);
  assert.deepEqual(session.calls[1].slice(2), ['grupas parole', false]);
  sync.turnOff();
});

test('a connection that fails once is tried again; a server that stays away is reported, nothing applied', async () => {
  const away = () => { throw new RemoteError('unreachable'); };
  let session = fakeSession(nothingNew);
  let remote = fakeRemote([away, () => ({ bytes: new Uint8Array([9]), etag: '"e"' })]);
  let sync = new VaultSync(session, { makeRemote: () => remote });
  assert.equal((await sync.turnOn({ url: 'https://dav.example/v', user: 'anna', password: 'app' })).status, 'ok');
  sync.turnOff();

  session = fakeSession(nothingNew);
  remote = fakeRemote([away, away]);
  sync = new VaultSync(session, { makeRemote: () => remote });
  const state = await sync.turnOn({ url: 'https://dav.example/v', user: 'anna', password: 'app' });
  assert.deepEqual([state.status, state.error.kind], ['failed', 'unreachable']);
  assert.deepEqual(session.calls, [], 'nothing was previewed or applied');
  sync.turnOff();
});
