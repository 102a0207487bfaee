// Modal dialogs on the native <dialog> element: it traps focus, closes on Escape and returns focus
// to the element that opened it.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { actionButton } from './action-button.js';

/// Opens a dialog built by `build(close)`; resolves with the value passed to close(value) (undefined on Escape).
export function openDialog({ labelledBy, build, className }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const dialog = h('dialog', { class: className, 'aria-labelledby': labelledBy });
    let value;
    const close = (result) => {
      value = result;
      dialog.close();
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
      resolve(value);
    });
    dialog.append(build(close));
    document.body.append(dialog);
    dialog.showModal();
  });
}

let counter = 0;

/// Yes/no question; resolves true only when the user confirms.
export async function confirmDialog({ title, message, confirmLabel, danger = false, details = [] }) {
  const id = `confirm-title-${++counter}`;
  const answer = await openDialog({
    labelledBy: id,
    build: (close) => h('div', { class: 'screen' },
      h('h2', { id, text: title }),
      message ? h('p', { text: message }) : null,
      details.length ? h('ul', {}, details.map((line) => h('li', { text: line }))) : null,
      h('div', { class: 'button-row' },
        actionButton(confirmLabel, () => close(true), { variant: danger ? 'danger' : 'primary' }),
        h('button', {
          type: 'button', class: 'button', text: t('common.cancel'), autofocus: true, onclick: () => close(false),
        }))),
  });
  return answer === true;
}
