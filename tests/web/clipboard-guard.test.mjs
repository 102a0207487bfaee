// The clipboard guard (web/js/ui/clipboard-guard.js) with a fake clipboard, fake permissions and a
// fake timer: cleared after the chosen time and on demand (lock), left alone when the user copied
// something else since, never hanging on a clipboard call that does not answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClipboardGuard } from '../../web/js/ui/clipboard-guard.js';

function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  return {
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { fn, at: now + ms });
      return id;
    },
    clearTimer: (id) => timers.delete(id),
    /// Advances the fake clock, running every timer that falls due.
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = end;
    },
  };
}

function fakeClipboard({ readState = 'granted', writeFails = false, hangRead = false } = {}) {
  const clipboard = {
    text: '',
    writes: 0,
    readText: async () => (hangRead ? new Promise(() => {}) : clipboard.text),
    writeText: async (text) => {
      if (writeFails) throw new DOMException('Document is not focused.', 'NotAllowedError');
      clipboard.writes += 1;
      clipboard.text = text;
    },
  };
  const permissions = { query: async () => ({ state: readState }) };
  return { clipboard, permissions };
}

test('a copied code is cleared after the chosen number of seconds, not before', async () => {
  const timers = fakeTimers();
  const { clipboard, permissions } = fakeClipboard();
  const guard = new ClipboardGuard({ clipboard, permissions, ...timers });
  clipboard.text = '123456';
  guard.copied('123456', 30);
  await timers.advance(29_000);
  assert.equal(clipboard.text, '123456');
  await timers.advance(1_000);
  assert.equal(clipboard.text, '');
  assert.equal(guard.pending, false);
});

test('\'never\' (0 s) keeps the code until the lock clears it', async () => {
  const timers = fakeTimers();
  const { clipboard, permissions } = fakeClipboard();
  const guard = new ClipboardGuard({ clipboard, permissions, ...timers });
  clipboard.text = '654321';
  guard.copied('654321', 0);
  await timers.advance(3_600_000);
  assert.equal(clipboard.text, '654321');
  assert.equal(await guard.clear(), 'cleared');
  assert.equal(clipboard.text, '');
  assert.equal(await guard.clear(), 'none', 'nothing left to clear');
});

test('what the user copied since is left alone when the clipboard is readable', async () => {
  const timers = fakeTimers();
  const { clipboard, permissions } = fakeClipboard();
  const guard = new ClipboardGuard({ clipboard, permissions, ...timers });
  guard.copied('111111', 30);
  clipboard.text = 'a note the user copied later';
  await timers.advance(30_000);
  assert.equal(clipboard.text, 'a note the user copied later');
  assert.equal(clipboard.writes, 0);
});

test('without read permission it never asks: it clears blindly', async () => {
  for (const readState of ['prompt', 'denied']) {
    const timers = fakeTimers();
    const { clipboard, permissions } = fakeClipboard({ readState });
    let reads = 0;
    const readText = clipboard.readText;
    clipboard.readText = () => { reads += 1; return readText(); };
    const guard = new ClipboardGuard({ clipboard, permissions, ...timers });
    clipboard.text = '222222';
    guard.copied('222222', 30);
    assert.equal(await guard.clear(), 'cleared', readState);
    assert.equal(reads, 0, `${readState}: readText would show a prompt`);
    assert.equal(clipboard.text, '');
  }
  // Firefox and Safari: the permission name is unknown, query() throws.
  const timers = fakeTimers();
  const { clipboard } = fakeClipboard();
  const guard = new ClipboardGuard({ clipboard, permissions: { query: async () => { throw new TypeError('unknown name'); } }, ...timers });
  clipboard.text = '333333';
  guard.copied('333333', 30);
  assert.equal(await guard.clear(), 'cleared');
});

test('a clipboard read that never answers does not hold up the clear', async () => {
  const { clipboard, permissions } = fakeClipboard({ hangRead: true });
  const guard = new ClipboardGuard({ clipboard, permissions }); // real timers: the 1 s call timeout
  clipboard.text = '444444';
  guard.copied('444444', 0);
  const started = Date.now();
  assert.equal(await guard.clear(), 'cleared');
  assert.ok(Date.now() - started < 3000);
});

test('a refused write (page not focused) is retried once the page has focus again, if readable', async () => {
  const timers = fakeTimers();
  const { clipboard, permissions } = fakeClipboard({ writeFails: true, readState: 'granted' });
  const guard = new ClipboardGuard({ clipboard, permissions, ...timers });
  guard.copied('555555', 30);
  clipboard.text = '555555';
  assert.equal(await guard.clear(), 'failed');
  assert.equal(guard.pending, true);
  clipboard.writeText = async (text) => { clipboard.text = text; };
  assert.equal(await guard.focused(), 'cleared');
  assert.equal(clipboard.text, '');
  assert.equal(await guard.focused(), 'none');
});

test('without read permission, a refused clear is NOT retried blindly on focus (the user may have copied their password since)', async () => {
  const timers = fakeTimers();
  const { clipboard, permissions } = fakeClipboard({ writeFails: true, readState: 'prompt' });
  const guard = new ClipboardGuard({ clipboard, permissions, ...timers });
  guard.copied('666666', 30);
  assert.equal(await guard.clear(), 'failed');
  clipboard.writeText = async (text) => { clipboard.text = text; };
  clipboard.text = 'password copied from a password manager';
  assert.equal(await guard.focused(), 'kept');
  assert.equal(clipboard.text, 'password copied from a password manager');
  assert.equal(guard.pending, false);
});
