// What merging a backup will change, before the user agrees: one row per account added, updated or
// removed (deleted on the device the backup came from, after its last edit here), and how many stay
// as they are. Labels come from the file: shown as text only.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { dataTable, tag } from '../ui/data-table.js';

export function mergeSummary({ added, updated, deleted, unchanged }) {
  // Lists of entries (a preview) or counts (a finished merge).
  const count = (value) => value.length ?? value;
  return t('merge.summary', { added: count(added), updated: count(updated), deleted: count(deleted), unchanged });
}

function changeRow(change, entry) {
  return h('tr', { class: `merge-${change}` },
    h('td', { text: entry.issuer || t('account.noIssuer') }),
    h('td', { text: entry.name }),
    h('td', {}, tag(t(`merge.change.${change}`), { warn: change === 'deleted' })));
}

export function mergePreview(preview) {
  const changes = [['added', preview.added], ['updated', preview.updated], ['deleted', preview.deleted]];
  const rows = changes.flatMap(([change, entries]) => entries.map((entry) => changeRow(change, entry)));
  const headings = [t('field.issuer'), t('field.name'), t('merge.change')];
  return h('div', { class: 'screen' },
    h('p', { role: 'status', text: mergeSummary(preview) }),
    rows.length ? dataTable({ caption: t('merge.previewCaption'), headings, rows })
      : h('p', { text: t('merge.nothing') }));
}
