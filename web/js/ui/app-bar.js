// The app bar's buttons while the vault is open: Accounts, Add, Settings and Lock. The current
// screen's button says so (aria-current), so screen readers announce where the user is.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { icon } from './icons.js';

function barButton({ iconName, label, current, onclick }) {
  return h('button', { type: 'button', class: 'button quiet small', 'aria-current': current ? 'page' : null, onclick },
    icon(iconName), h('span', { class: 'action-label', text: label }));
}

/// `current` is the screen shown; navigate(name) and lock() do what the buttons say.
export function appBarButtons(current, { navigate, lock }) {
  const screen = (name, iconName, label) => barButton({
    iconName, label, current: current === name, onclick: () => navigate(name),
  });
  return [
    screen('accounts', 'list', t('nav.accounts')),
    screen('add', 'plus', t('nav.add')),
    screen('settings', 'settings', t('nav.settings')),
    barButton({ iconName: 'lock', label: t('nav.lock'), current: false, onclick: lock }),
  ];
}
