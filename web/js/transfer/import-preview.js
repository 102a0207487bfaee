// The list of accounts about to be imported: issuer, name, type, and what will happen to each
// (a possible duplicate of an account already in the vault, a problem the importer reported).
// Labels from files are shown as text only.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { dataTable, tag } from '../ui/data-table.js';
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

function accountRow(account, duplicate) {
  return h('tr', { class: duplicate ? 'duplicate' : null },
    h('td', { text: account.issuer || t('account.noIssuer') }),
    h('td', { text: account.name }),
    h('td', { text: t(`type.${account.type}`) }),
    h('td', {}, duplicate ? tag(t('import.possibleDuplicate'), { warn: true }) : tag(t('import.new'))));
}

// What could not be read, by entry number, so the user can find it in the file.
function problemList(problems) {
  const line = (problem) => t('import.problemLine', { number: problem.index + 1, message: problem.message });
  return h('div', { class: 'notice warning' },
    h('p', {}, h('strong', { text: t('import.problems', { count: problems.length }) })),
    h('ul', {}, problems.map((problem) => h('li', { text: line(problem) }))));
}

export function importPreview({ accounts, problems, duplicates }) {
  const rows = accounts.map((account, index) => accountRow(account, duplicates[index]));
  const headings = [t('field.issuer'), t('field.name'), t('field.type'), t('import.status')];
  return h('div', { class: 'screen' },
    dataTable({ caption: t('import.previewCaption'), headings, rows }),
    problems.length ? problemList(problems) : null);
}
