// WCAG AA contrast of the colour tokens in web/css/base.css, light and dark: body text and muted
// text 4.5:1 on every background they sit on, buttons' text on their fill 4.5:1, borders of
// inputs and the focus ring 3:1 (non-text contrast).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const css = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/css/base.css'), 'utf8');

function tokens(block) {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((match) => [match[1], match[2]]));
}

const light = tokens(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))));
const darkStart = css.indexOf(':root[data-theme="dark"]');
const dark = { ...light, ...tokens(css.slice(darkStart, css.indexOf('}', darkStart))) };

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const TEXT = [
  ['text', 'bg'], ['text', 'surface'], ['text', 'surface-2'], ['muted', 'bg'], ['muted', 'surface'], ['muted', 'surface-2'],
  ['primary', 'surface'], ['primary', 'bg'], ['primary', 'surface-2'], ['on-primary', 'primary'], ['on-danger', 'danger'],
  ['danger', 'surface'], ['success', 'surface'], ['warning-text', 'warning-bg'],
];
const NON_TEXT = [['focus', 'bg'], ['focus', 'surface'], ['ring-ending', 'surface'], ['input-border', 'surface'], ['input-border', 'bg'], ['primary', 'surface']];

for (const [name, theme] of Object.entries({ light, dark })) {
  test(`${name} theme: text pairs reach 4.5:1, focus ring and ring colours 3:1`, () => {
    for (const [fg, bg] of TEXT) assert.ok(contrast(theme[fg], theme[bg]) >= 4.5, `${fg} on ${bg}: ${contrast(theme[fg], theme[bg]).toFixed(2)}`);
    for (const [fg, bg] of NON_TEXT) assert.ok(contrast(theme[fg], theme[bg]) >= 3, `${fg} on ${bg}: ${contrast(theme[fg], theme[bg]).toFixed(2)}`);
  });
}

test('the dark theme for prefers-color-scheme equals the explicit dark theme', () => {
  const mediaStart = css.indexOf(':root:not([data-theme="light"])');
  assert.deepEqual(tokens(css.slice(mediaStart, css.indexOf('}', mediaStart))), tokens(css.slice(darkStart, css.indexOf('}', darkStart))));
});
