// The arithmetic of a windowed list, with no DOM: which rows of a list cover a band of the page, and
// how tall the stand-ins for the rows left out must be so the list keeps its full height (the scroll
// bar, Page Down and "scroll to the end" behave as if every row were there).
//
// Coordinates are the list's own: 0 is the list's top edge. Row i is heightOf(i) tall and `gap`
// separates neighbours, so row i starts at y(i) = sum over j < i of (heightOf(j) + gap).

/// The band of the list to keep rendered: the viewport, widened by `overscan` pixels each way, given
/// the list's top edge relative to the viewport (getBoundingClientRect().top).
export function visibleBand({ listTop, viewportHeight, overscan = 0 }) {
  return { top: -listTop - overscan, bottom: viewportHeight - listTop + overscan };
}

/// Rows [start, end) intersect [top, bottom); `before` is the height of everything above row
/// `start` (its y), `after` the height below row end - 1 (gaps included), `total` the list's height.
/// When no row intersects, start === end and before + after === total.
export function windowRange({ count, heightOf, gap = 0, top, bottom }) {
  let y = 0;
  let index = 0;
  while (index < count && y + heightOf(index) <= top) {
    y += heightOf(index) + gap;
    index += 1;
  }
  const start = index;
  const before = y;
  while (index < count && y < bottom) {
    y += heightOf(index) + gap;
    index += 1;
  }
  const end = index;
  const rendered = y;
  while (index < count) {
    y += heightOf(index) + gap;
    index += 1;
  }
  const total = count ? y - gap : 0;
  if (start === end) return { start, end, before: total, after: 0, total };
  // `rendered` counts a gap after row end - 1; that gap belongs to what follows, if anything does.
  return { start, end, before, after: total - (rendered - gap), total };
}

/// The range widened to hold row `index` too (the row with the keyboard focus, which must stay in
/// the document or the focus would fall back to the page), unless that needs more than `limit`
/// extra rows: then the range as it was.
export function includeRow(range, index, { heightOf, gap = 0, limit = 50 }) {
  const { start, end, total } = range;
  if (index === null || index === undefined || (index >= start && index < end)) return range;
  const empty = start === end;
  const from = empty ? index : Math.min(start, index);
  const to = empty ? index + 1 : Math.max(end, index + 1);
  if (to - from - (end - start) > limit) return range;
  let before = 0;
  for (let i = 0; i < from; i++) before += heightOf(i) + gap;
  let rendered = 0;
  for (let i = from; i < to; i++) rendered += heightOf(i) + (i > from ? gap : 0);
  return { start: from, end: to, before, after: total - before - rendered, total };
}

/// Heights of the two stand-ins of a list laid out with `gap` between items: a spacer before the
/// first rendered row and one after the last (0 = leave it out; a spacer shown takes a gap too).
export function spacerHeights({ start, end, before, after, total }, gap = 0) {
  if (start === end) return { top: total, bottom: 0 };
  return { top: before > 0 ? before - gap : 0, bottom: after > 0 ? after - gap : 0 };
}

/// A running mean of measured heights: the estimate for rows not measured yet.
export class HeightEstimate {
  #sum = 0;
  #count = 0;

  constructor(initial) {
    this.initial = initial;
  }

  add(height, previous) {
    if (previous === undefined) this.#count += 1;
    else this.#sum -= previous;
    this.#sum += height;
  }

  get value() {
    return this.#count ? this.#sum / this.#count : this.initial;
  }
}
