// Message catalogues (en, lv), chosen from the browser language unless the user picked one; only the
// one shown is loaded.
// t(key, params) fills {name} placeholders; a message may be {zero, one, other} chosen by
// Intl.PluralRules on params.count. Dates and numbers go through Intl with the current locale.
// Static markup is translated through data-i18n="key" (text) and data-i18n-attr="attr:key;...".

import { LANGUAGES, browserLanguage } from './language-choice.js';

export { browserLanguage };

// Each catalogue is a chunk of its own (the build splits dynamic imports off main.js): a page loads
// the language it shows, not both. main.js waits for it before the first screen; boot.js has asked
// for it already (language-choice.js).
const CATALOGUE_LOADERS = { en: () => import('./en.js'), lv: () => import('./lv.js') };
export const languages = LANGUAGES;
const catalogues = {}; // language -> messages, once loaded

let current = 'en';
let requested = 0; // the latest setLanguage call wins, whichever catalogue arrives first
const listeners = new Set();

export function language() {
  return current;
}

/// Loads a language's catalogue (once); `lang` outside the list means English.
export async function loadLanguage(lang) {
  const chosen = languages.includes(lang) ? lang : 'en';
  catalogues[chosen] ??= (await CATALOGUE_LOADERS[chosen]()).default;
  return chosen;
}

/// Shows the page in `lang` once its catalogue is loaded. Resolves when it is applied.
export async function setLanguage(lang) {
  const request = ++requested;
  const chosen = await loadLanguage(lang);
  if (request !== requested) return;
  current = chosen;
  document.documentElement.lang = current;
  translateTree(document);
  for (const listener of listeners) listener(current);
}

/// True when the current language (or English, once loaded) has a message for `key`.
export function hasMessage(key) {
  return key in (catalogues[current] ?? {}) || key in (catalogues.en ?? {});
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fill(message, params) {
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// Intl objects are costly to make (a search keystroke over 1,000 accounts made thousands): one per
// language and options, kept for the page's life.
const formatters = new Map();
function formatter(kind, options) {
  const key = `${kind} ${current} ${options ? JSON.stringify(options) : ''}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl[kind](current, options);
    formatters.set(key, made);
  }
  return made;
}

export function t(key, params = {}) {
  let message = catalogues[current]?.[key] ?? catalogues.en?.[key];
  if (message === undefined) return key;
  if (typeof message === 'object') {
    const category = formatter('PluralRules').select(Number(params.count ?? 0));
    message = message[category] ?? message.other;
  }
  const shown = { ...params };
  if (typeof params.count === 'number') shown.count = formatNumber(params.count);
  return fill(message, shown);
}

export function formatNumber(value, options) {
  return formatter('NumberFormat', options).format(value);
}

/// Makes the number and plural formatters of the current language now. The first of each took
/// about 25 ms in Chromium (ICU data); the codes screen needs both for its first row ("17 seconds
/// left"), so the unlock screen has them made while the password is typed, not after the press.
export function prepareFormatters() {
  formatter('NumberFormat').format(0);
  formatter('PluralRules').select(0);
}

export function formatDateTime(date, options = { dateStyle: 'medium', timeStyle: 'medium' }) {
  return formatter('DateTimeFormat', options).format(date);
}

export function translateTree(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      if (attribute && key) element.setAttribute(attribute.trim(), t(key.trim()));
    }
  }
}
