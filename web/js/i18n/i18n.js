// Message catalogues (en, lv), chosen from the browser language unless the user picked one.
// t(key, params) fills {name} placeholders; a message may be {zero, one, other} chosen by
// Intl.PluralRules on params.count. Dates and numbers go through Intl with the current locale.
// Static markup is translated through data-i18n="key" (text) and data-i18n-attr="attr:key;...".
import en from './en.js';
import lv from './lv.js';

export const catalogues = { en, lv };
export const languages = Object.keys(catalogues);

let current = 'en';
const listeners = new Set();

export function browserLanguage(preferred = navigator.languages ?? [navigator.language]) {
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (languages.includes(base)) return base;
  }
  return 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = languages.includes(lang) ? lang : 'en';
  document.documentElement.lang = current;
  translateTree(document);
  for (const listener of listeners) listener(current);
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
  let message = catalogues[current][key] ?? catalogues.en[key];
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
