// A long list of sections (heading + <ul>) that keeps in the document only the rows on screen or
// near it, so what the page costs at rest, on a search keystroke or on unlock depends on the screen,
// not on the number of accounts. Rows left out are stood in for by two spacers per list whose heights
// come from measured rows (ResizeObserver) or, before a row was ever shown, the mean row height; the
// page scrolls as if every row were there.
//
// For assistive technology each row carries aria-setsize/aria-posinset ("12 of 1000"), and focus
// moving to a row near the edge (Tab, Shift+Tab) brings the rows beyond it in at once, so the
// keyboard reaches every account; search finds any account whether it is rendered or not. The row
// holding the focus stays in the document while the page scrolls away from it (up to 50 rows
// away), so Tab goes on from where it was.
import { h } from './dom.js';
import { visibleBand, windowRange, includeRow, spacerHeights, HeightEstimate } from './list-window.js';

const FIRST_GUESS_PX = 110; // a row's height before any was measured (it is corrected in one frame)
const OVERSCAN_VIEWPORTS = 0.75; // rows kept ready above and below the viewport, in viewport heights
const OVERSCAN_AFTER_SET_MS = 250; // a new set's ready rows wait this long for the next keystroke

export class WindowedList {
  element = h('div', { class: 'windowed-list' });
  #sections = [];
  #heights = new Map(); // row key -> measured border-box height in px, kept across renders
  #estimate = new HeightEstimate(FIRST_GUESS_PX);
  #keys = new WeakMap(); // row element -> key, for ResizeObserver records
  #gap = null;
  #frame = 0;
  #afterPaint = 0;
  // Offsets seen at the last measured update: the first list's top below the container's top,
  // with and without a heading, and from one list's bottom to the next list's top (its heading).
  #layout = { untitled: null, titled: null, afterList: null };
  #createRow;
  #releaseRow;
  #reuseRow;
  #keyOf;
  #pool = null; // key -> {item, row}: the rows of the previous sections, during setSections only
  #resizeObserver;
  #onViewportChange = () => this.scheduleUpdate();

  /// createRow(item, {index, count, section}) -> {element}; releaseRow(item, row) when it leaves;
  /// reuseRow(item, row, {index, count, section}) -> true when a row made for an earlier render of
  /// the same key can stand for item (a search keystroke then moves rows instead of rebuilding them).
  constructor({ createRow, releaseRow, reuseRow = () => false, keyOf = (item) => item.id }) {
    this.#createRow = createRow;
    this.#releaseRow = releaseRow;
    this.#reuseRow = reuseRow;
    this.#keyOf = keyOf;
    this.#resizeObserver = new ResizeObserver((records) => this.#measured(records));
    window.addEventListener('scroll', this.#onViewportChange, { passive: true });
    window.addEventListener('resize', this.#onViewportChange);
    // Tab onto a row near the window's edge: the browser scrolls it into view; render the rows past
    // it now, before the next key press, so the following Tab finds them.
    this.element.addEventListener('focusin', () => this.update());
  }

  /// sections: [{title|null, label, items}], in display order. Rows whose key is rendered again are
  /// offered to reuseRow; the others are released.
  setSections(sections) {
    // Where the lists will stand, read before the DOM changes (layout is clean then, so this costs
    // nothing) and worked out from the last layout: reading it after the change would force a
    // second style and layout pass on every search keystroke.
    const tops = this.#estimatedTops(sections);
    this.#pool = new Map();
    for (const section of this.#sections) {
      section.rows.forEach((row, offset) => {
        const item = section.items[section.start + offset];
        this.#pool.set(this.#keyOf(item), { item, row });
      });
      section.rows = [];
    }
    this.#sections = sections.map((section) => ({
      ...section,
      list: h('ul', { class: 'account-list', 'aria-label': section.label }),
      top: spacer(),
      bottom: spacer(),
      start: 0,
      end: 0,
      rows: [],
    }));
    this.element.replaceChildren(...this.#sections.flatMap((section) => {
      section.list.append(section.top, section.bottom);
      const title = section.title ? h('h3', { class: 'group-title', text: section.title }) : null;
      return title ? [title, section.list] : [section.list];
    }));
    // Until the window is worked out, each list stands at its estimated full height, so the page
    // does not get shorter for a moment (which would lose the scroll position).
    for (const section of this.#sections) setSpacer(section.top, this.#totalHeight(section.items));
    // On a new set (a search keystroke) only the rows on screen are built now; the rows kept ready
    // above and below follow once that frame is painted, so the keystroke shows its result first.
    try {
      this.update({ overscan: false, tops });
    } finally {
      for (const { item, row } of this.#pool.values()) this.#releaseElement(item, row);
      this.#pool = null;
    }
    this.#scheduleAfterPaint();
  }

  #totalHeight(items) {
    const heightOf = (index) => this.#heightOf(items[index]);
    return windowRange({ count: items.length, heightOf, gap: this.#gap ?? 0, top: Infinity, bottom: Infinity }).total;
  }

  // Each new section's list top (viewport coordinates) from the container's top and the offsets
  // seen at the last measured update; null when one is not known yet (update then measures).
  // Only the first section can be untitled (sections()), the others each follow a heading.
  #estimatedTops(sections) {
    const first = sections[0]?.title ? this.#layout.titled : this.#layout.untitled;
    const unknownAfterList = sections.length > 1 && this.#layout.afterList === null;
    if (!this.element.isConnected || first === null || unknownAfterList) return null;
    let top = this.element.getBoundingClientRect().top + first;
    return sections.map((section, index) => {
      if (index > 0) top += this.#totalHeight(sections[index - 1].items) + this.#layout.afterList;
      return top;
    });
  }

  // The rows kept ready above and below come once typing pauses: each search keystroke makes a new
  // set, and rows built for a set the next keystroke replaces are wasted work in the keystroke's own
  // time (at 1,000 accounts they were half of a keystroke's main-thread cost). Scrolling or Tab in
  // the meantime fills them at once (scheduleUpdate, focusin).
  #scheduleAfterPaint() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#afterPaint);
    this.#afterPaint = setTimeout(() => this.update(), OVERSCAN_AFTER_SET_MS);
  }

  /// Rendered rows, in display order.
  *rows() {
    for (const section of this.#sections) yield* section.rows;
  }

  scheduleUpdate() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.update();
    });
  }

  update({ overscan: withOverscan = true, tops = null } = {}) {
    if (!this.#sections.length) return;
    // The gap between rows comes from the style sheet, readable once the list is in the document.
    if (this.#gap === null && this.element.isConnected) {
      this.#gap = parseFloat(getComputedStyle(this.#sections[0].list).rowGap) || 0;
    }
    const gap = this.#gap ?? 0;
    const viewportHeight = window.innerHeight || document.documentElement.clientHeight;
    const overscan = withOverscan ? viewportHeight * OVERSCAN_VIEWPORTS : 0;
    const measuredTops = tops ?? this.#measureTops();
    this.#sections.forEach((section, index) => {
      const band = visibleBand({ listTop: measuredTops[index], viewportHeight, overscan });
      const heightOf = (index) => this.#heightOf(section.items[index]);
      const range = windowRange({ count: section.items.length, heightOf, gap, ...band });
      this.#show(section, includeRow(range, this.#focusedIndex(section), { heightOf, gap }), gap);
    });
  }

  // The lists' tops as laid out now, remembered as offsets for the next setSections.
  #measureTops() {
    const tops = this.#sections.map((section) => section.list.getBoundingClientRect().top);
    if (!this.element.isConnected) return tops;
    const first = tops[0] - this.element.getBoundingClientRect().top;
    if (this.#sections[0].title) this.#layout.titled = first;
    else this.#layout.untitled = first;
    if (tops.length > 1) {
      this.#layout.afterList = tops[1] - (tops[0] + this.#sections[0].list.getBoundingClientRect().height);
    }
    return tops;
  }

  // The index of the section's row holding the keyboard focus, or null.
  #focusedIndex(section) {
    const focused = document.activeElement;
    if (!focused || !section.list.contains(focused)) return null;
    const position = section.rows.findIndex((row) => row.element.contains(focused));
    return position < 0 ? null : section.start + position;
  }

  #heightOf(item) {
    return this.#heights.get(this.#keyOf(item)) ?? this.#estimate.value;
  }

  // Moves the section's rendered rows to [range.start, range.end), keeping the rows that stay (and
  // so the focus inside them), then sizes the spacers.
  #show(section, range, gap) {
    const { start, end } = range;
    const count = section.items.length;
    if (end <= section.start || start >= section.end) {
      for (let index = section.start; index < section.end; index++) this.#release(section, index);
      section.rows = [];
      section.start = start;
      section.end = start;
    }
    while (section.start < start && section.start < section.end) {
      this.#release(section, section.start);
      section.rows.shift();
      section.start += 1;
    }
    while (section.end > end && section.end > section.start) {
      section.end -= 1;
      this.#release(section, section.end);
      section.rows.pop();
    }
    if (section.start === section.end) {
      section.start = start;
      section.end = start;
    }
    const before = [];
    for (let index = start; index < section.start; index++) before.push(this.#render(section, index, count));
    const after = [];
    for (let index = section.end; index < end; index++) after.push(this.#render(section, index, count));
    section.top.after(...before.map((row) => row.element));
    section.bottom.before(...after.map((row) => row.element));
    section.rows = [...before, ...section.rows, ...after];
    section.start = start;
    section.end = end;
    const spacers = spacerHeights(range, gap);
    setSpacer(section.top, spacers.top);
    setSpacer(section.bottom, spacers.bottom);
  }

  #render(section, index, count) {
    const item = section.items[index];
    const key = this.#keyOf(item);
    const context = { index, count, section };
    const pooled = this.#pool?.get(key);
    let row;
    if (pooled) {
      this.#pool.delete(key);
      if (this.#reuseRow(item, pooled.row, context)) row = pooled.row;
      else this.#releaseElement(pooled.item, pooled.row);
    }
    if (!row) {
      row = this.#createRow(item, context);
      this.#keys.set(row.element, key);
      this.#resizeObserver.observe(row.element);
    }
    setAttributeIfChanged(row.element, 'aria-setsize', String(count));
    setAttributeIfChanged(row.element, 'aria-posinset', String(index + 1));
    return row;
  }

  #release(section, index) {
    const row = section.rows[index - section.start];
    if (row) this.#releaseElement(section.items[index], row);
  }

  #releaseElement(item, row) {
    this.#resizeObserver.unobserve(row.element);
    row.element.remove();
    this.#releaseRow?.(item, row);
  }

  #releaseAll() {
    for (const section of this.#sections) {
      for (let index = section.start; index < section.end; index++) this.#release(section, index);
      section.rows = [];
    }
  }

  // Heights come in after layout; the spacers and the window follow in the next frame (changing
  // them inside the observer's callback would loop it).
  #measured(records) {
    let changed = false;
    for (const record of records) {
      const key = this.#keys.get(record.target);
      if (key === undefined || !record.target.isConnected) continue;
      const height = record.borderBoxSize?.[0]?.blockSize ?? record.target.getBoundingClientRect().height;
      const previous = this.#heights.get(key);
      if (!height || (previous !== undefined && Math.abs(previous - height) < 0.5)) continue;
      // A row first seen was laid out at the estimate; when it is as tall as that, the spacers
      // stand as they are and no second update (another forced layout) is needed.
      const assumed = previous ?? this.#estimate.value;
      this.#heights.set(key, height);
      this.#estimate.add(height, previous);
      if (Math.abs(assumed - height) >= 0.5) changed = true;
    }
    if (changed) this.scheduleUpdate();
  }

  destroy() {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#afterPaint);
    this.#frame = 0;
    window.removeEventListener('scroll', this.#onViewportChange);
    window.removeEventListener('resize', this.#onViewportChange);
    this.#releaseAll();
    this.#resizeObserver.disconnect();
    this.#sections = [];
  }
}

// Stand-ins are presentational list items, hidden from assistive technology: the rows' own
// aria-setsize/aria-posinset say how many there are.
function spacer() {
  return h('li', { class: 'list-spacer', 'aria-hidden': 'true', role: 'presentation', hidden: true });
}

function setSpacer(element, height) {
  element.hidden = height <= 0;
  element.style.height = `${Math.max(0, height)}px`;
}

function setAttributeIfChanged(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
