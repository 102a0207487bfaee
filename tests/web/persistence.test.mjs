// Storage persistence is asked, never awaited (a Firefox prompt nobody answers must not hold up the
// app), and WebKit without installation is recognised for the eviction warning and the more frequent
// backup reminder. navigator is replaced per test: these modules read it at call time.
import { test } from 'node:test';
import assert from 'node:assert/strict';

function fakeNavigator(storage) {
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'node', storage }, configurable: true, writable: true });
}

// backup-reminder.js reaches settings.js, which reads localStorage and listens on window at load.
globalThis.window ??= { addEventListener() {} };
globalThis.localStorage ??= { getItem: () => null, setItem() {} };
globalThis.document ??= { documentElement: {}, addEventListener() {} };

const { askPersistence, persistenceState, onPersistenceChange, evictionRisk } = await import('../../web/js/storage/persistence.js');
const { reminderDue, EVICTION_REMINDER_DAYS } = await import('../../web/js/ui/backup-reminder.js');

test('askPersistence returns at once while the browser\'s prompt stays unanswered, and reports the answer when it comes', async () => {
  let answer;
  fakeNavigator({ persisted: async () => false, persist: () => new Promise((resolve) => { answer = resolve; }) });
  const states = [];
  const stop = onPersistenceChange((state) => states.push(state));
  assert.equal(askPersistence(), undefined, 'nothing to await');
  assert.equal(persistenceState(), 'asking');
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(persistenceState(), 'asking', 'still waiting for the prompt, and nobody else is');
  askPersistence(); // a second ask while the first is open does not ask again
  answer(true);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(persistenceState(), 'persisted');
  assert.deepEqual(states, ['asking', 'persisted']);
  stop();
});

test('WebKit (Safari, iOS browsers) not installed is at risk of eviction; Chromium and Firefox are not', () => {
  const safari = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
  const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
  const iosChrome = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0 Mobile/15E148 Safari/604.1';
  const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
  assert.equal(evictionRisk({ userAgent: safari, standalone: false }), true);
  assert.equal(evictionRisk({ userAgent: safari, standalone: true }), false, 'installed to the Dock / home screen');
  assert.equal(evictionRisk({ userAgent: iosChrome, standalone: false }), true);
  assert.equal(evictionRisk({ userAgent: chrome, standalone: false }), false);
  assert.equal(evictionRisk({ userAgent: firefox, standalone: false }), false);
});

test('the backup reminder comes every few days where the browser may evict the vault', () => {
  const day = 24 * 60 * 60 * 1000;
  const settings = { backupReminderDays: 14, changedSinceBackup: true, reminderSnoozedAt: 0 };
  const now = EVICTION_REMINDER_DAYS * day + 1;
  assert.equal(reminderDue(settings, now), false);
  assert.equal(reminderDue(settings, now, { atRisk: true }), true);
  assert.equal(reminderDue({ ...settings, backupReminderDays: 0 }, now, { atRisk: true }), false, '"never" stays never');
});
