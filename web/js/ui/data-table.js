// A table that scrolls sideways on a narrow screen instead of widening the page, with a caption
// for screen readers (the heading above it is what the eye reads) and column headings.
import { h } from './dom.js';

export function dataTable({ caption, headings, rows }) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', { class: 'sr-only', text: caption }),
      h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, rows)));
}

/// A short label in a cell ("new", "possible duplicate"); `warn` marks one that needs a look.
export function tag(text, { warn = false } = {}) {
  return h('span', { class: warn ? 'tag warn' : 'tag', text });
}
