// storage/vault-prefetch.js: the read boot.js starts is the one the app takes, once; a failed read
// reaches the app as a rejection, not as an unhandled one. IndexedDB is a small in-memory stand-in
// with the calls idb.js makes (open, a transaction over both stores, get); the real one is used by
// every end-to-end scenario, each of which starts through boot.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const records = new Map();
let opens = 0;
let failNextGet = false;

function request(produce) {
  const req = {};
  queueMicrotask(() => {
    try {
      req.result = produce();
      req.onsuccess?.();
    } catch (error) {
      req.error = error;
      req.onerror?.();
    }
  });
  return req;
}

globalThis.indexedDB = {
  open() {
    opens++;
    const db = {
      objectStoreNames: { contains: () => true },
      transaction() {
        let pending = 0;
        const transaction = {
          objectStore: () => ({
            get(key) {
              pending++;
              const failing = failNextGet;
              failNextGet = false;
              const req = request(() => {
                if (failing) throw new DOMException('disk gone', 'UnknownError');
                return records.get(key);
              });
              const settle = () => {
                if (--pending === 0) setTimeout(() => (failing ? transaction.onabort?.() : transaction.oncomplete?.()));
              };
              queueMicrotask(() => queueMicrotask(settle));
              return req;
            },
          }),
          abort() {},
        };
        return transaction;
      },
    };
    return request(() => db);
  },
};

const { prefetchStoredVault, takePrefetchedVault } = await import('../../web/js/storage/vault-prefetch.js');

test('the prefetched read is taken once, with what was stored when it started', async () => {
  records.set('current', { bytes: new Uint8Array([1, 2, 3]), revision: 7 });
  assert.equal(takePrefetchedVault(), null, 'nothing before boot.js ran');
  prefetchStoredVault();
  const reading = takePrefetchedVault();
  assert.ok(reading instanceof Promise);
  assert.equal(takePrefetchedVault(), null, 'a second caller reads for itself');
  const { current, previous } = await reading;
  assert.equal(current.revision, 7);
  assert.deepEqual([...current.bytes], [1, 2, 3]);
  assert.equal(previous, undefined);
  assert.equal(opens, 1);
});

test('a failed read reaches whoever takes it, and is never an unhandled rejection', async () => {
  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    failNextGet = true;
    prefetchStoredVault();
    await new Promise((resolve) => setTimeout(resolve, 20)); // it fails before the app takes it
    await assert.rejects(takePrefetchedVault(), /disk gone|aborted/);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
