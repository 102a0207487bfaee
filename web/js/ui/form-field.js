// Labelled form fields with hint and problem text wired through aria-describedby, so screen readers
// read the label, the hint and the current problem for every control.
import { h, uniqueId } from './dom.js';

/// Returns {element, input, setProblem(text|null), setHint(text)}.
export function field({ label, hint, input }) {
  const id = input.id || uniqueId('field');
  input.id = id;
  const hintElement = h('span', { class: 'hint', id: `${id}-hint`, text: hint ?? '' });
  const problemElement = h('span', { class: 'problem', id: `${id}-problem`, hidden: true });
  const describe = () => {
    const ids = [hint ? hintElement.id : null, problemElement.hidden ? null : problemElement.id].filter(Boolean);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  };
  describe();
  const element = h('div', { class: 'field' },
    h('label', { for: id, text: label }), input, hint ? hintElement : null, problemElement);
  return {
    element,
    input,
    setProblem(text, kind = 'problem') {
      problemElement.textContent = text ?? '';
      problemElement.className = kind;
      problemElement.hidden = !text;
      if (kind === 'problem' && text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      describe();
    },
    setHint(text) {
      hint = text;
      hintElement.textContent = text ?? '';
      if (text && !hintElement.isConnected) input.after(hintElement);
      describe();
    },
  };
}

export function checkbox({ label, checked = false, required = false, onchange }) {
  const input = h('input', { type: 'checkbox', checked, required, onchange });
  return { element: h('label', { class: 'check' }, input, h('span', { text: label })), input };
}

export function select({ options, value }) {
  // Compared as text: a <select>'s value is always a string, settings hold numbers.
  const selected = (optionValue) => String(optionValue) === String(value);
  const option = ([optionValue, text]) => h('option', { value: optionValue, text, selected: selected(optionValue) });
  return h('select', {}, options.map(option));
}

/// A hidden user name beside password fields: password managers and screen readers expect one, and
/// it names what the password opens ("Authenticator vault"), never a real account.
export function vaultUsernameField(value) {
  return h('input', {
    type: 'text', name: 'username', autocomplete: 'username', value,
    readonly: true, hidden: true, tabindex: '-1', 'aria-hidden': 'true',
  });
}

/// A labelled password input; other attributes go to the input. `autocomplete` tells password
/// managers which password it is ('current-password', 'new-password'; 'off' for another vault's).
export function passwordField({ label, hint, ...attributes }) {
  return field({ label, hint, input: h('input', { type: 'password', ...attributes }) });
}
