// Finding elements the way a user (and a screen reader) does: by the label of a field, by the role
// and accessible name of a control, or by visible text. It runs inside the page, identically in
// every engine (each driver sends this function's source with the query), so "fill by label" means
// the same thing in Chromium, Firefox and WebKit. A simplified accessible-name computation:
// aria-labelledby, aria-label, <label>s, then text content, whitespace collapsed.

/// In-page: returns the first visible element matching `query`, or null.
/// query: {label, exact?} | {role, name?, exact?} | {text, exact?} | {css}; optional `within` (a
/// CSS selector the match must be inside) and `all: true` (returns every match).
export function locateInPage(query) {
  const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const visible = (el) => {
    if (!el.isConnected || el.closest('[hidden], [inert]')) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    return el.getClientRects().length > 0;
  };
  const textOf = (el) => {
    if (el.nodeType === Node.TEXT_NODE) return el.textContent;
    if (el.nodeType !== Node.ELEMENT_NODE) return '';
    if (el.getAttribute('aria-hidden') === 'true') return '';
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.tagName === 'IMG') return el.getAttribute('alt') ?? '';
    if (el.tagName === 'svg') return '';
    return [...el.childNodes].map(textOf).join('');
  };
  const nameOf = (el) => {
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) return clean(labelledby.split(/\s+/).map((id) => { const ref = document.getElementById(id); return ref ? textOf(ref) : ''; }).join(' '));
    if (el.getAttribute('aria-label')) return clean(el.getAttribute('aria-label'));
    if (el.labels?.length) return clean([...el.labels].map(textOf).join(' '));
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type)) return clean(el.value);
    if (el.tagName === 'DIALOG' || el.tagName === 'SECTION') return '';
    return clean(textOf(el));
  };
  const ROLES = {
    button: 'button, input[type=button], input[type=submit], input[type=reset], [role=button], summary',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    link: 'a[href], [role=link]',
    checkbox: 'input[type=checkbox], [role=checkbox]',
    radio: 'input[type=radio], [role=radio]',
    textbox: 'input:not([type]), input[type=text], input[type=password], input[type=search], input[type=email], input[type=url], textarea, [role=textbox]',
    combobox: 'select, [role=combobox]',
    dialog: 'dialog, [role=dialog], [role=alertdialog]',
    navigation: 'nav, [role=navigation]',
    list: 'ul, ol, [role=list]',
    listitem: 'li, [role=listitem]',
    status: '[role=status]',
    alert: '[role=alert]',
    region: 'section[aria-label], section[aria-labelledby], [role=region]',
  };
  const matches = (actual, wanted, exact) => {
    if (wanted === undefined) return true;
    if (wanted instanceof Object && wanted.regex) return new RegExp(wanted.regex, wanted.flags).test(actual);
    return exact ? actual === wanted : actual.toLowerCase().includes(String(wanted).toLowerCase());
  };
  const scope = query.within ? document.querySelector(query.within) : document;
  if (!scope) return query.all ? [] : null;
  let candidates;
  if (query.css) candidates = [...scope.querySelectorAll(query.css)];
  else if (query.role) candidates = [...scope.querySelectorAll(ROLES[query.role] ?? `[role=${query.role}]`)].filter((el) => matches(nameOf(el), query.name, query.exact));
  else if (query.label !== undefined) {
    candidates = [...scope.querySelectorAll('input, select, textarea, [role=textbox], [role=combobox], [role=checkbox]')]
      .filter((el) => el.type !== 'hidden' && matches(nameOf(el), query.label, query.exact ?? true));
  } else if (query.text !== undefined) {
    // The innermost elements whose own text matches.
    candidates = [...scope.querySelectorAll('body *')].filter((el) => matches(clean(el.textContent), query.text, query.exact)
      && ![...el.children].some((child) => matches(clean(child.textContent), query.text, query.exact)));
  } else throw new Error(`unknown query ${JSON.stringify(query)}`);
  // File inputs are often visually hidden behind a styled label: they count as present.
  const shown = candidates.filter((el) => (el.type === 'file' ? el.isConnected : visible(el)));
  return query.all ? shown : shown[0] ?? null;
}

/// Node side: a regular expression travels as {regex, flags}.
export function queryArg(query) {
  const out = { ...query };
  for (const key of ['name', 'label', 'text']) {
    if (out[key] instanceof RegExp) out[key] = { regex: out[key].source, flags: out[key].flags };
  }
  return out;
}

export const LOCATE_SOURCE = locateInPage.toString();
