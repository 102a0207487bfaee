// What merging a backup will change, before the user agrees: one row per account added, updated or
// removed (deleted on the device the backup came from, after its last edit here), and how many stay
// as they are. Labels come from the file: shown as text only.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

export function mergeSummary({ added, updated, deleted, unchanged }) {
  return t('merge.summary', { added: added.length ?? added, updated: updated.length ?? updated, deleted: deleted.length ?? deleted, unchanged });
}

export function mergePreview(preview) {
  const rows = [['added', preview.added], ['updated', preview.updated], ['deleted', preview.deleted]].flatMap(([change, entries]) =>
    entries.map((entry) => h('tr', { class: `merge-${change}` },
      h('td', { text: entry.issuer || t('account.noIssuer') }),
      h('td', { text: entry.name }),
      h('td', {}, h('span', { class: change === 'deleted' ? 'tag warn' : 'tag', text: t(`merge.change.${change}`) })))));
  return h('div', { class: 'screen' },
    h('p', { role: 'status', text: mergeSummary(preview) }),
    rows.length ? h('div', { class: 'table-wrap' },
      h('table', {},
        h('caption', { class: 'sr-only', text: t('merge.previewCaption') }),
        h('thead', {}, h('tr', {}, [t('field.issuer'), t('field.name'), t('merge.change')].map((text) => h('th', { scope: 'col', text })))),
        h('tbody', {}, rows))) : h('p', { text: t('merge.nothing') }));
}
