// Settings: language, theme, auto-lock, backup (download, reminder, restore), passkeys, password change,
// import/export, and the device clock with seconds so the user can compare it with a real clock.
import { h } from '../ui/dom.js';
import { t, languages, formatDateTime, browserLanguage } from '../i18n/i18n.js';
import { field, checkbox, select } from '../ui/form-field.js';
import { getSettings, updateSettings } from '../storage/settings.js';
import { downloadBackup } from '../storage/backup-file.js';
import { showToast } from '../ui/announcer.js';
import { everySecond } from '../ui/second-ticker.js';
import { ChangePasswordForm } from '../ui/change-password-form.js';
import { PasskeySettings } from '../ui/passkey-settings.js';
import { persistenceState, onPersistenceChange, evictionRisk } from '../storage/persistence.js';

const LANGUAGE_NAMES = { en: 'English', lv: 'Latviešu' };

function section(id, title, ...children) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h3', { id, text: title }), children);
}

export class SettingsScreen {
  #stopClock;
  #stopStorage;

  constructor({ app, session }) {
    const settings = getSettings();
    const languageSelect = select({ options: [['', t('settings.languageAuto', { language: LANGUAGE_NAMES[browserLanguage()] })], ...languages.map((code) => [code, LANGUAGE_NAMES[code]])], value: settings.language ?? '' });
    languageSelect.addEventListener('change', () => updateSettings({ language: languageSelect.value || null }));
    const themeSelect = select({ options: [['system', t('settings.themeSystem')], ['light', t('settings.themeLight')], ['dark', t('settings.themeDark')]], value: settings.theme });
    themeSelect.addEventListener('change', () => updateSettings({ theme: themeSelect.value }));
    const lockSelect = select({ options: [[1, t('settings.minutes', { count: 1 })], [2, t('settings.minutes', { count: 2 })], [5, t('settings.minutes', { count: 5 })],
      [10, t('settings.minutes', { count: 10 })], [30, t('settings.minutes', { count: 30 })], [0, t('settings.never')]], value: settings.autoLockMinutes });
    lockSelect.addEventListener('change', () => updateSettings({ autoLockMinutes: Number(lockSelect.value) }));
    const hidden = checkbox({ label: t('settings.lockHidden'), checked: settings.lockWhenHidden, onchange: () => updateSettings({ lockWhenHidden: hidden.input.checked }) });
    const clipboardSelect = select({ options: [...[15, 30, 60, 120].map((count) => [count, t('settings.seconds', { count })]), [0, t('settings.never')]], value: settings.clipboardClearSeconds });
    clipboardSelect.addEventListener('change', () => updateSettings({ clipboardClearSeconds: Number(clipboardSelect.value) }));
    const reminderSelect = select({ options: [[7, t('settings.everyDays', { count: 7 })], [14, t('settings.everyDays', { count: 14 })], [30, t('settings.everyDays', { count: 30 })], [0, t('settings.never')]], value: settings.backupReminderDays });
    reminderSelect.addEventListener('change', () => updateSettings({ backupReminderDays: Number(reminderSelect.value) }));

    const lastBackup = h('p', { class: 'small-print', text: settings.lastBackupAt ? t('settings.lastBackup', { date: formatDateTime(new Date(settings.lastBackupAt), { dateStyle: 'long', timeStyle: 'short' }) }) : t('settings.noBackup') });
    const clock = h('p', { class: 'device-time', 'aria-live': 'off' });
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.#stopClock = everySecond((now) => {
      clock.textContent = formatDateTime(new Date(now), { dateStyle: 'full', timeStyle: 'medium' });
    });
    this.password = new ChangePasswordForm({ app, session });
    this.passkeys = app.has('vaultAddPasskey') ? new PasskeySettings({ app, session }) : null;
    // The persistence answer may arrive while this screen is open (a prompt answered late).
    const STATE_KEYS = { persisted: 'storage.statePersisted', refused: 'storage.stateRefused', asking: 'storage.stateAsking', unsupported: 'storage.stateUnsupported', unknown: 'storage.stateUnknown' };
    const storageState = h('p', { class: 'storage-state', role: 'status', text: t(STATE_KEYS[persistenceState()]) });
    this.#stopStorage = onPersistenceChange((state) => {
      storageState.textContent = t(STATE_KEYS[state]);
    });

    this.element = h('section', { class: 'screen', 'aria-labelledby': 'settings-title' },
      h('h2', { id: 'settings-title', tabindex: '-1', text: t('settings.title') }),
      section('settings-look', t('settings.look'),
        field({ label: t('settings.language'), input: languageSelect }).element,
        field({ label: t('settings.theme'), input: themeSelect }).element),
      section('settings-clock', t('settings.clock'),
        h('p', { text: t('settings.clockIntro') }),
        clock,
        h('p', { class: 'small-print', text: t('settings.timeZone', { zone }) })),
      section('settings-security', t('settings.security'),
        field({ label: t('settings.autoLock'), input: lockSelect }).element,
        hidden.element,
        field({ label: t('settings.clipboardClear'), input: clipboardSelect }).element,
        h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'button', text: t('nav.lock'), onclick: () => app.lock('user') }))),
      section('settings-backup', t('settings.backup'),
        h('p', { text: t('settings.backupIntro') }),
        lastBackup,
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'button primary', text: t('backup.download'), onclick: async () => {
            if (await downloadBackup(session)) {
              showToast(t('backup.downloaded'));
              lastBackup.textContent = t('settings.lastBackup', { date: formatDateTime(new Date(), { dateStyle: 'long', timeStyle: 'short' }) });
            }
          } }),
          app.has('vaultPreviewMerge')
            // Merged into this vault after a preview; replacing it stays a choice there.
            ? h('button', { type: 'button', class: 'button', text: t('merge.open'), onclick: () => app.navigate('merge') })
            : h('button', { type: 'button', class: 'button', text: t('restore.open'), onclick: () => {
              // A restore replaces this vault: lock it first, so nothing decrypted stays open meanwhile.
              app.lock('user');
              app.showRestore();
            } })),
        field({ label: t('settings.reminder'), input: reminderSelect }).element),
      app.has('importFile') || app.has('exportAccounts') || app.has('vaultExportUris') ? section('settings-move', t('settings.move'),
        h('p', { text: t('settings.moveIntro') }),
        h('div', { class: 'button-row' },
          app.has('importFile') ? h('button', { type: 'button', class: 'button', text: t('import.title'), onclick: () => app.navigate('import') }) : null,
          app.has('vaultExportUris') ? h('button', { type: 'button', class: 'button', text: t('export.title'), onclick: () => app.navigate('export') }) : null)) : null,
      this.passkeys ? section('settings-passkeys', t('passkey.title'), this.passkeys.element) : null,
      section('settings-storage', t('storage.title'),
        storageState,
        evictionRisk() ? h('div', { class: 'notice warning storage-eviction' },
          h('p', { text: t('storage.evictionRisk') }),
          h('ul', {}, h('li', { text: t('storage.evictionInstall') }), h('li', { text: t('storage.evictionBackup') }))) : null),
      section('settings-password', t('password.title'), this.password.element));
  }

  get busy() {
    return this.password.busy || Boolean(this.passkeys?.busy);
  }

  destroy() {
    this.#stopClock?.();
    this.#stopStorage?.();
    this.password.destroy();
    this.passkeys?.destroy();
  }
}
