// The pure parts of the large-vault codes screen (issue 15) under Node: the windowing arithmetic of
// the account list, the per-period code cache and the countdown ring's phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleBand, windowRange, spacerHeights, HeightEstimate } from '../../web/js/ui/list-window.js';
import { CodeCache } from '../../web/js/ui/code-cache.js';
import { ringPhase } from '../../web/js/ui/countdown-ring.js';

const uniform = (height) => () => height;

// A brute-force layout: every row's [top, bottom) laid out one by one, as the browser would.
function layout(heights, gap) {
  const rows = [];
  let y = 0;
  heights.forEach((height, index) => {
    rows.push({ index, top: y, bottom: y + height });
    y += height + gap;
  });
  return rows;
}

test('the band is the viewport in the list\'s coordinates, widened by the overscan', () => {
  assert.deepEqual(visibleBand({ listTop: 300, viewportHeight: 900, overscan: 100 }), { top: -400, bottom: 700 });
  assert.deepEqual(visibleBand({ listTop: -5000, viewportHeight: 900, overscan: 0 }), { top: 5000, bottom: 5900 });
});

test('a window at the top, in the middle and at the end of 1,000 equal rows', () => {
  const count = 1000;
  const top = windowRange({ count, heightOf: uniform(100), gap: 8, top: -200, bottom: 1000 });
  assert.deepEqual([top.start, top.end, top.before], [0, 10, 0]);
  assert.equal(top.total, 1000 * 100 + 999 * 8);
  assert.equal(top.after, 990 * 108);

  const middle = windowRange({ count, heightOf: uniform(100), gap: 8, top: 54_000, bottom: 55_000 });
  assert.deepEqual([middle.start, middle.end], [500, 510]);
  assert.equal(middle.before, 500 * 108);
  assert.equal(middle.before + (10 * 100 + 9 * 8) + middle.after, middle.total);

  const end = windowRange({ count, heightOf: uniform(100), gap: 8, top: 107_000, bottom: 109_000 });
  assert.deepEqual([end.start, end.end, end.after], [990, 1000, 0]); // row 990 spans 106,920-107,020
});

test('the window holds exactly the rows that intersect the band, for uneven heights and gaps', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let round = 0; round < 200; round++) {
    const count = Math.floor(random() * 40);
    const gap = Math.floor(random() * 3) * 4;
    const heights = Array.from({ length: count }, () => 60 + Math.floor(random() * 80));
    const total = heights.reduce((sum, height) => sum + height, 0) + Math.max(0, count - 1) * gap;
    const bandTop = Math.floor(random() * (total + 400)) - 200;
    const bandBottom = bandTop + Math.floor(random() * 600);
    const range = windowRange({ count, heightOf: (index) => heights[index], gap, top: bandTop, bottom: bandBottom });
    const expected = layout(heights, gap).filter((row) => row.bottom > bandTop && row.top < bandBottom).map((row) => row.index);
    const got = Array.from({ length: range.end - range.start }, (_, i) => range.start + i);
    assert.deepEqual(got, expected, `round ${round}`);
    assert.equal(range.total, total);
    if (got.length) {
      const rows = layout(heights, gap);
      assert.equal(range.before, rows[range.start].top, 'before = the first rendered row\'s y');
      assert.equal(range.after, total - rows[range.end - 1].bottom, 'after = what follows the last rendered row');
    } else {
      assert.equal(range.before + range.after, total);
    }
  }
});

test('an empty list, and a band above or below every row', () => {
  assert.deepEqual(windowRange({ count: 0, heightOf: uniform(50), gap: 8, top: 0, bottom: 900 }), { start: 0, end: 0, before: 0, after: 0, total: 0 });
  const above = windowRange({ count: 5, heightOf: uniform(50), gap: 10, top: -900, bottom: -1 });
  assert.deepEqual([above.start, above.end, above.before + above.after], [0, 0, 290]);
  const below = windowRange({ count: 5, heightOf: uniform(50), gap: 10, top: 290, bottom: 900 });
  assert.deepEqual([below.start, below.end, below.before + below.after], [5, 5, 290]);
});

test('spacers plus the rendered rows add up to the full list, whatever is rendered', () => {
  const gap = 8;
  const heights = [90, 110, 95, 100, 120, 80];
  const total = heights.reduce((a, b) => a + b) + (heights.length - 1) * gap;
  for (let start = 0; start <= heights.length; start++) {
    for (let end = start; end <= heights.length; end++) {
      const rows = layout(heights, gap);
      const range = start === end
        ? { start, end, before: total, after: 0, total }
        : { start, end, before: rows[start].top, after: total - rows[end - 1].bottom, total };
      const spacers = spacerHeights(range, gap);
      // What a grid with `gap` lays out: spacers shown (height > 0) and rows, a gap between any two.
      const items = [spacers.top, ...heights.slice(start, end), spacers.bottom].filter((height, i, all) => height > 0 || (i > 0 && i < all.length - 1));
      const laidOut = items.reduce((a, b) => a + b, 0) + Math.max(0, items.length - 1) * gap;
      assert.equal(laidOut, total, `rows ${start}..${end}`);
    }
  }
});

test('the height estimate is the mean of measured rows and follows re-measures', () => {
  const estimate = new HeightEstimate(110);
  assert.equal(estimate.value, 110);
  estimate.add(100);
  estimate.add(120);
  assert.equal(estimate.value, 110);
  estimate.add(140, 100); // the first row grew
  assert.equal(estimate.value, 130);
});

test('the code cache answers for the period the codes belong to, and counts down locally', () => {
  const cache = new CodeCache();
  const t0 = 1_750_000_000; // 1_750_000_000 % 30 = 10, % 60 = 40
  cache.store(t0, [
    { id: 'a', code: '123456', nextCode: '654321', secondsRemaining: 20, period: 30 },
    { id: 'b', code: '11112222', nextCode: '33334444', secondsRemaining: 20, period: 60 },
    { id: 'h', code: null, nextCode: null, secondsRemaining: null, period: null },
  ]);
  assert.deepEqual(cache.at('a', t0), { code: '123456', nextCode: '654321', period: 30, secondsRemaining: 20 });
  assert.equal(cache.at('a', t0 + 19).secondsRemaining, 1);
  assert.equal(cache.at('a', t0 + 20), null, 'a new 30 s period needs new codes');
  assert.equal(cache.at('b', t0 + 19).secondsRemaining, 1);
  assert.equal(cache.at('b', t0 + 20), null);
  assert.equal(cache.at('a', t0 - 11), null, 'nor does an earlier period use them');
  assert.equal(cache.at('h', t0), null, 'HOTP codes are not cached');
  assert.equal(cache.at('missing', t0), null);
  cache.clear();
  assert.equal(cache.at('a', t0), null);
});

test('the ring\'s phase is the time elapsed in the period, to the millisecond', () => {
  assert.equal(ringPhase(1_750_000_000_000, 30), 10);
  assert.equal(ringPhase(1_750_000_000_250, 30), 10.25);
  assert.equal(ringPhase(1_750_000_019_999, 30), 29.999);
  assert.equal(ringPhase(1_750_000_020_000, 30), 0);
  assert.equal(ringPhase(1_750_000_000_000, 60), 40);
});

test('the focused row is kept: the range widens to it, with spacers still adding up, within a limit', async () => {
  const { includeRow } = await import('../../web/js/ui/list-window.js');
  const heights = [100, 120, 90, 110, 100, 130, 95, 105];
  const gap = 8;
  const heightOf = (index) => heights[index];
  const rows = layout(heights, gap);
  const total = rows.at(-1).bottom;
  const range = windowRange({ count: heights.length, heightOf, gap, top: rows[5].top, bottom: rows[6].bottom });
  assert.deepEqual([range.start, range.end], [5, 7]);
  assert.equal(includeRow(range, 6, { heightOf, gap }), range, 'already in the range');
  assert.equal(includeRow(range, null, { heightOf, gap }), range, 'no focused row');
  const widened = includeRow(range, 1, { heightOf, gap });
  assert.deepEqual([widened.start, widened.end, widened.before], [1, 7, rows[1].top]);
  assert.equal(widened.after, total - rows[6].bottom);
  const after = includeRow({ start: 0, end: 2, before: 0, after: total - rows[1].bottom, total }, 4, { heightOf, gap });
  assert.deepEqual([after.start, after.end, after.before, after.after], [0, 5, 0, total - rows[4].bottom]);
  const fromEmpty = includeRow({ start: 8, end: 8, before: total, after: 0, total }, 3, { heightOf, gap });
  assert.deepEqual([fromEmpty.start, fromEmpty.end, fromEmpty.before, fromEmpty.after], [3, 4, rows[3].top, total - rows[3].bottom]);
  assert.equal(includeRow(range, 1, { heightOf, gap, limit: 2 }), range, 'too far: left to go');
});
