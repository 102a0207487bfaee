// Notices across the top of the page (#banners) that stay until the user acts: the browser may
// delete the vault, it refused to keep it, the stored vault is older than one this browser saved,
// or sync needs the user (it failed, or asks for a password).
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';

function bannersArea() {
  return document.getElementById('banners');
}

function dismissButton() {
  return h('button', {
    type: 'button', class: 'button small', text: t('common.dismiss'),
    onclick: (event) => event.target.closest('.banner').remove(),
  });
}

// One banner of each kind: asking twice (every unlock) must not stack them.
function showOnce(kind, role, ...children) {
  if (bannersArea().querySelector(`.${kind}`)) return;
  bannersArea().append(h('div', { class: `notice warning banner ${kind}`, role }, ...children));
}

/// What WebKit's 7-day deletion means and its two remedies (banner and Settings say the same).
export function evictionAdvice() {
  return [
    h('p', { text: t('storage.evictionRisk') }),
    h('ul', {}, h('li', { text: t('storage.evictionInstall') }), h('li', { text: t('storage.evictionBackup') })),
  ];
}

export function showEvictionBanner() {
  showOnce('storage-eviction', 'status', h('div', {}, ...evictionAdvice()), dismissButton());
}

export function showStorageRefusedBanner() {
  showOnce('storage-refused', 'status', h('span', { text: t('storage.refused') }), dismissButton());
}

/// Replaces any earlier rollback banner (the figures may have changed); `onAccept` runs once the
/// user accepts the older vault, after the banner is gone.
export function showRollbackBanner({ stored, seen }, onAccept) {
  bannersArea().querySelector('.rollback')?.remove();
  const accept = h('button', {
    type: 'button', class: 'button small', text: t('rollback.accept'),
    onclick: (event) => {
      event.target.closest('.banner').remove();
      onAccept();
    },
  });
  bannersArea().append(h('div', { class: 'notice warning banner rollback', role: 'alert' },
    h('span', { text: t('rollback.warning', { stored, seen }) }), accept));
}

/// Sync needs the user: `text` says why; the button opens Settings, where the sync card is. Replaces
/// an earlier sync banner (the reason may have changed).
export function showSyncBanner(text, onOpen, { label = t('sync.bannerOpen') } = {}) {
  hideSyncBanner();
  const open = h('button', {
    type: 'button', class: 'button small', text: label,
    onclick: () => onOpen(),
  });
  bannersArea().append(h('div', { class: 'notice warning banner sync-attention', role: 'status' },
    h('span', { text }), open, dismissButton()));
}

export function hideSyncBanner() {
  bannersArea()?.querySelector('.sync-attention')?.remove();
}
