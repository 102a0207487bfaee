// Settings -> Sync: keeps this vault in step with other devices through storage the user already
// has (docs/sync.md): a folder that a sync client keeps in step (OneDrive, Nextcloud, Syncthing;
// Chromium's File System Access API) or a WebDAV server (Nextcloud and the like). Off by default.
// While off: "Choose a folder" where the browser can, and the WebDAV form (the file's address, the
// user name and an app password) where the deployment names a server (built with --sync-origin: its
// CSP allows that one server). While on: what the last sync did, "Sync now" and "Turn off sync";
// when the copy is under another password, a field for it; when the browser asks again about the
// folder, a button to allow it.
import { h } from '../ui/dom.js';
import { t, formatDateTime } from '../i18n/i18n.js';
import { field, passwordField } from '../ui/form-field.js';
import { actionButton } from '../ui/action-button.js';
import { allowedSyncOrigin } from '../storage/sync-settings.js';
import { folderPickerSupported } from '../storage/folder-file.js';

const ERROR_KEYS = {
  unreachable: 'sync.errorUnreachable',
  unauthorized: 'sync.errorUnauthorized',
  full: 'sync.errorFull',
  conflict: 'sync.errorConflict',
  too_large: 'sync.errorTooLarge',
  no_etag: 'sync.errorNoEtag',
  integrity_failure: 'sync.errorTampered',
  malformed_file: 'sync.errorTampered',
  app_password_lost: 'sync.errorAppPassword',
  folder_gone: 'sync.errorFolderGone',
  folder_permission: 'sync.errorFolderPermission',
};

/// The file's address must be on the one origin this build may reach.
function checkUrl(text, origin) {
  try {
    const url = new URL(text);
    return url.origin === origin && url.pathname.length > 1 ? null : t('sync.urlWrongOrigin', { origin });
  } catch {
    return t('sync.urlInvalid');
  }
}

export function syncSection(app) {
  const origin = allowedSyncOrigin();
  const folders = folderPickerSupported();
  const body = h('div', {});
  const element = h('section', { class: 'card', 'aria-labelledby': 'settings-sync' },
    h('h3', { id: 'settings-sync', text: t('sync.title') }), body);
  if (!origin && !folders) {
    body.append(h('p', { text: t('sync.intro') }), h('p', { class: 'notice', text: t('sync.notInThisBrowser') }));
    return { element, stop: () => {} };
  }
  const sync = app.sync;
  const render = () => body.replaceChildren(...(sync.enabled ? onView(app, sync) : [
    h('p', { text: t('sync.intro') }),
    folders ? folderView(sync, render) : null,
    origin ? offView(app, sync, origin, render) : h('p', { class: 'small-print', text: t('sync.notInThisBuild') }),
  ]));
  const onState = () => render();
  sync.addEventListener('state', onState);
  render();
  return { element, stop: () => sync.removeEventListener('state', onState) };
}

/// "Choose a folder": the browser's folder picker, which also asks to let the page write there.
function folderView(sync, render) {
  const status = h('p', { role: 'alert', class: 'problem' });
  const choose = actionButton(t('sync.chooseFolder'), async () => {
    let folder;
    try {
      folder = await globalThis.showDirectoryPicker({ id: 'authenticator-sync', mode: 'readwrite' });
    } catch (error) {
      status.textContent = error?.name === 'AbortError' ? '' : t('sync.folderRefused');
      return;
    }
    choose.disabled = true;
    const result = await sync.turnOnFolder(folder);
    if (result?.error) status.textContent = t('sync.errorOther');
    render();
  }, { variant: 'primary' });
  return h('section', { class: 'sync-choice', 'aria-labelledby': 'sync-folder-title' },
    h('h4', { id: 'sync-folder-title', text: t('sync.folderTitle') }),
    h('p', { class: 'small-print', text: t('sync.folderHint') }),
    status, h('div', { class: 'button-row' }, choose));
}

function offView(app, sync, origin, render) {
  const url = field({ label: t('sync.url'), hint: t('sync.urlHint', { origin }), input: h('input', { type: 'url', autocomplete: 'off', spellcheck: false }) });
  const user = field({ label: t('sync.user'), input: h('input', { type: 'text', autocomplete: 'username' }) });
  const password = passwordField({ label: t('sync.appPassword'), hint: t('sync.appPasswordHint'), autocomplete: 'off' });
  const status = h('p', { role: 'alert', class: 'problem' });
  const submit = h('button', { type: 'submit', class: 'button primary', text: t('sync.turnOn') });
  const form = h('form', { novalidate: true }, url.element, user.element, password.element, status, h('div', { class: 'button-row' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = checkUrl(url.input.value.trim(), origin);
    url.setProblem(problem);
    if (problem) return url.input.focus();
    if (!user.input.value.trim() || !password.input.value) {
      status.textContent = t('sync.credentialsMissing');
      return;
    }
    submit.disabled = true;
    await sync.turnOn({ url: url.input.value.trim(), user: user.input.value.trim(), password: password.input.value });
    render();
  });
  return h('section', { class: 'sync-choice', 'aria-labelledby': 'sync-webdav-title' },
    h('h4', { id: 'sync-webdav-title', text: t('sync.webdavTitle') }), form);
}

/// What the sync card's status line says for `state` (the app's sync banner says the same).
export function syncStateText(state) {
  switch (state.status) {
    case 'syncing': return t('sync.syncing');
    case 'ok': return t('sync.synced', {
      time: formatDateTime(new Date(state.at), { timeStyle: 'short' }),
      added: state.changes.added, updated: state.changes.updated, deleted: state.changes.deleted,
    });
    case 'needs_password': return t(state.wrongPassword ? 'sync.wrongPassword' : 'sync.needsPassword');
    case 'needs_permission': return t('sync.needsPermission');
    case 'failed': return `${t(ERROR_KEYS[state.error?.kind] ?? 'sync.errorOther')} ${t('sync.keptHere')}`;
    default: return t('sync.idle');
  }
}

function onView(app, sync) {
  const state = sync.state;
  const line = h('p', { role: 'status', class: state.status === 'failed' ? 'notice error' : 'sync-state', text: syncStateText(state) });
  const { kind, url, user, folderName } = sync.settings;
  const whereText = kind === 'folder' ? t('sync.whereFolder', { folder: folderName }) : t('sync.where', { url, user });
  const parts = [h('p', { class: 'small-print', text: whereText }), line];
  if (state.status === 'needs_permission') {
    parts.push(h('div', { class: 'button-row' }, actionButton(t('sync.allowFolder'), () => sync.allowFolder(), { variant: 'primary' })));
  }
  if (state.status === 'needs_password') {
    const password = passwordField({ label: t('sync.vaultPassword'), hint: t('sync.vaultPasswordHint'), autocomplete: 'off' });
    const join = h('button', { type: 'submit', class: 'button primary', text: t('sync.join') });
    const form = h('form', { novalidate: true }, password.element, h('div', { class: 'button-row' }, join));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      join.disabled = true;
      sync.syncNow({ password: password.input.value });
    });
    parts.push(form);
  }
  parts.push(h('div', { class: 'button-row' },
    actionButton(t('sync.now'), () => sync.syncNow()),
    actionButton(t('sync.turnOff'), () => sync.turnOff())));
  return parts;
}
