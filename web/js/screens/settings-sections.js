// The cards of the Settings screen, one function each. A preference control writes its setting as
// soon as it changes (no Save button: settings are not secret and apply at once). Sections that
// watch something (the clock, the storage state) return a stop function with their element.
import { h } from '../ui/dom.js';
import { t, languages, formatDateTime, browserLanguage } from '../i18n/i18n.js';
import { field, checkbox, select } from '../ui/form-field.js';
import { getSettings, updateSettings } from '../storage/settings.js';
import { downloadBackup } from '../storage/backup-file.js';
import { showToast } from '../ui/announcer.js';
import { everySecond } from '../ui/second-ticker.js';
import { evictionAdvice } from '../ui/banners.js';
import { persistenceState, onPersistenceChange, evictionRisk } from '../storage/persistence.js';

// Each language in its own words, so a user who cannot read the current one still finds theirs.
const LANGUAGE_NAMES = { en: 'English', lv: 'Latviešu' };
const THEME_KEYS = { system: 'settings.themeSystem', light: 'settings.themeLight', dark: 'settings.themeDark' };
const LOCK_MINUTES = [1, 2, 5, 10, 30];
const CLIPBOARD_SECONDS = [15, 30, 60, 120];
const REMINDER_DAYS = [7, 14, 30];
const STORAGE_STATE_KEYS = {
  persisted: 'storage.statePersisted',
  refused: 'storage.stateRefused',
  asking: 'storage.stateAsking',
  unsupported: 'storage.stateUnsupported',
  unknown: 'storage.stateUnknown',
};

export function section(id, title, ...children) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h3', { id, text: title }), children);
}

function button(text, onclick, { primary = false } = {}) {
  return h('button', { type: 'button', class: primary ? 'button primary' : 'button', text, onclick });
}

/// A labelled <select> for one setting; `parse` turns the option's string back into the setting.
function settingSelect({ label, key, options, parse = Number }) {
  const input = select({ options, value: getSettings()[key] ?? '' });
  input.addEventListener('change', () => updateSettings({ [key]: parse(input.value) }));
  return field({ label, input }).element;
}

/// [[value, text]] for a list of counts, with "Never" (0) last.
function countOptions(counts, key) {
  return [...counts.map((count) => [count, t(key, { count })]), [0, t('settings.never')]];
}

function lastBackupText(at) {
  if (!at) return t('settings.noBackup');
  return t('settings.lastBackup', { date: formatDateTime(new Date(at), { dateStyle: 'long', timeStyle: 'short' }) });
}

export function lookSection() {
  const automatic = t('settings.languageAuto', { language: LANGUAGE_NAMES[browserLanguage()] });
  const languageOptions = [['', automatic], ...languages.map((code) => [code, LANGUAGE_NAMES[code]])];
  const themeOptions = Object.entries(THEME_KEYS).map(([theme, key]) => [theme, t(key)]);
  return section('settings-look', t('settings.look'),
    // '' is the automatic choice: stored as null, which follows the browser.
    settingSelect({
      label: t('settings.language'), key: 'language', options: languageOptions, parse: (code) => code || null,
    }),
    settingSelect({ label: t('settings.theme'), key: 'theme', options: themeOptions, parse: String }));
}

/// The device clock with seconds, so the user can compare it with a real clock: {element, stop}.
export function clockSection() {
  const clock = h('p', { class: 'device-time', 'aria-live': 'off' });
  const stop = everySecond((now) => {
    clock.textContent = formatDateTime(new Date(now), { dateStyle: 'full', timeStyle: 'medium' });
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const element = section('settings-clock', t('settings.clock'),
    h('p', { text: t('settings.clockIntro') }),
    clock,
    h('p', { class: 'small-print', text: t('settings.timeZone', { zone }) }));
  return { element, stop };
}

export function securitySection(app) {
  const hidden = checkbox({
    label: t('settings.lockHidden'),
    checked: getSettings().lockWhenHidden,
    onchange: () => updateSettings({ lockWhenHidden: hidden.input.checked }),
  });
  return section('settings-security', t('settings.security'),
    settingSelect({
      label: t('settings.autoLock'), key: 'autoLockMinutes', options: countOptions(LOCK_MINUTES, 'settings.minutes'),
    }),
    hidden.element,
    settingSelect({
      label: t('settings.clipboardClear'),
      key: 'clipboardClearSeconds',
      options: countOptions(CLIPBOARD_SECONDS, 'settings.seconds'),
    }),
    h('div', { class: 'button-row' }, button(t('nav.lock'), () => app.lock('user'))));
}

// A backup is merged into this vault after a preview; replacing the vault stays a choice there.
function mergeOrRestoreButton(app) {
  return button(t('merge.open'), () => app.navigate('merge'));
}

export function backupSection(app, session) {
  const lastBackup = h('p', { class: 'small-print', text: lastBackupText(getSettings().lastBackupAt) });
  const download = button(t('backup.download'), async () => {
    if (!await downloadBackup(session)) return;
    showToast(t('backup.downloaded'));
    lastBackup.textContent = lastBackupText(Date.now());
  }, { primary: true });
  return section('settings-backup', t('settings.backup'),
    h('p', { text: t('settings.backupIntro') }),
    lastBackup,
    h('div', { class: 'button-row' }, download, mergeOrRestoreButton(app)),
    settingSelect({
      label: t('settings.reminder'),
      key: 'backupReminderDays',
      options: countOptions(REMINDER_DAYS, 'settings.everyDays'),
    }));
}

/// Import from and export to other apps; send to or receive from another device of this app by QR.
export function moveSection(app) {
  return section('settings-move', t('settings.move'),
    h('p', { text: t('settings.moveIntro') }),
    h('div', { class: 'button-row' },
      button(t('import.title'), () => app.navigate('import')),
      button(t('export.title'), () => app.navigate('export'))),
    h('p', { text: t('settings.deviceIntro') }),
    h('div', { class: 'button-row' },
      button(t('send.title'), () => app.navigate('send')),
      button(t('receive.title'), () => app.navigate('receive'))));
}

/// Whether the browser keeps the vault: {element, stop}. The answer to the persistence request may
/// arrive while the screen is open (a prompt answered late), so the line follows it.
export function storageSection() {
  const stateText = (current) => t(STORAGE_STATE_KEYS[current]);
  const state = h('p', { class: 'storage-state', role: 'status', text: stateText(persistenceState()) });
  const stop = onPersistenceChange((current) => {
    state.textContent = stateText(current);
  });
  const eviction = evictionRisk() ? h('div', { class: 'notice warning storage-eviction' }, ...evictionAdvice()) : null;
  const element = section('settings-storage', t('storage.title'), state, eviction);
  return { element, stop };
}
