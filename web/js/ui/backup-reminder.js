// A gentle reminder on the account list: accounts changed since the last backup download and the
// reminder interval has passed. One click downloads the encrypted backup.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { getSettings, updateSettings } from '../storage/settings.js';
import { downloadBackup } from '../storage/backup-file.js';
import { showToast } from './announcer.js';
import { evictionRisk } from '../storage/persistence.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/// Where the browser deletes an unused site's data after 7 days (WebKit, not installed), the reminder
/// comes at least this often, so a backup exists well inside that window.
export const EVICTION_REMINDER_DAYS = 2;

/// `atRisk`: the browser may evict the vault (see evictionRisk in storage/persistence.js).
export function reminderDue(settings, now = Date.now(), { atRisk = false } = {}) {
  if (!settings.backupReminderDays || !settings.changedSinceBackup) return false;
  const days = atRisk ? Math.min(settings.backupReminderDays, EVICTION_REMINDER_DAYS) : settings.backupReminderDays;
  const snoozed = settings.reminderSnoozedAt ?? 0;
  return now - snoozed >= days * DAY_MS;
}

export function backupReminder(session) {
  if (!reminderDue(getSettings(), Date.now(), { atRisk: evictionRisk() })) return null;
  const element = h('div', { class: 'notice banner', role: 'region', 'aria-label': t('reminder.label') },
    h('span', { text: t('reminder.text') }),
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'button primary small', text: t('backup.download'), onclick: async () => {
        if (await downloadBackup(session)) {
          element.remove();
          showToast(t('backup.downloaded'));
        }
      } }),
      h('button', { type: 'button', class: 'button small', text: t('reminder.later'), onclick: () => {
        updateSettings({ reminderSnoozedAt: Date.now() });
        element.remove();
      } })));
  return element;
}
