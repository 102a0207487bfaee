// Feedback for everyone: a short visible toast and the same words in the polite live region that
// screen readers read (the toast container itself is aria-hidden to avoid reading it twice).
import { h } from './dom.js';
import { actionButton } from './action-button.js';

const TOAST_MS = 4000;

export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes screen readers repeat an identical message ("Copied" twice in a row).
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/// Shows a toast; `action` {label, run} adds a button (e.g. Undo). Returns a function that removes it.
export function showToast(message, { action, timeout = TOAST_MS } = {}) {
  const container = document.getElementById('toasts');
  announce(action ? `${message} ${action.hint ?? ''}`.trim() : message);
  if (!container) return () => {};
  // One plain message at a time: a newer one replaces older ones (actionable toasts, like Undo, stay).
  for (const old of container.querySelectorAll('.toast:not(.actionable)')) old.remove();
  const toast = h('div', { class: ['toast', action ? 'actionable' : null] }, h('span', { text: message }));
  let timer = null;
  const remove = () => {
    clearTimeout(timer);
    toast.remove();
    if (!container.querySelector('.toast button')) container.setAttribute('aria-hidden', 'true');
  };
  if (action) {
    toast.append(actionButton(action.label, () => {
      remove();
      action.run();
    }, { variant: 'small' }));
    // An actionable toast must be reachable by keyboard and screen readers.
    container.removeAttribute('aria-hidden');
  }
  container.append(toast);
  timer = setTimeout(remove, timeout);
  return remove;
}
