// The list of accounts about to be imported: issuer, name, type, and what will happen to each
// (a possible duplicate of an account already in the vault, a problem the importer reported).
// Labels from files are shown as text only.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { fold } from '../accounts/account-order.js';

function key(issuer, name) {
  return `${fold(issuer)}\u0000${fold(name)}`;
}

/// Marks an imported account that has the same issuer and name as a vault entry. The core decides
/// real duplicates (same secret too) on import; this only warns ahead.
export function possibleDuplicates(accounts, entries) {
  const existing = new Set(entries.map((entry) => key(entry.issuer, entry.name)));
  return accounts.map((account) => existing.has(key(account.issuer, account.name)));
}

export function importPreview({ accounts, problems, duplicates }) {
  const rows = accounts.map((account, index) => h('tr', { class: duplicates[index] ? 'duplicate' : null },
    h('td', { text: account.issuer || t('account.noIssuer') }),
    h('td', { text: account.name }),
    h('td', { text: t(`type.${account.type}`) }),
    h('td', {}, duplicates[index] ? h('span', { class: 'tag warn', text: t('import.possibleDuplicate') }) : h('span', { class: 'tag', text: t('import.new') }))));
  return h('div', { class: 'screen' },
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('caption', { class: 'sr-only', text: t('import.previewCaption') }),
        h('thead', {}, h('tr', {}, [t('field.issuer'), t('field.name'), t('field.type'), t('import.status')].map((text) => h('th', { scope: 'col', text })))),
        h('tbody', {}, rows))),
    problems.length ? h('div', { class: 'notice warning' },
      h('p', {}, h('strong', { text: t('import.problems', { count: problems.length }) })),
      h('ul', {}, problems.map((problem) => h('li', { text: t('import.problemLine', { number: problem.index + 1, message: problem.message }) })))) : null);
}
