// tools/lib/png.mjs encodeIndexedPng(), which writes the app's icons: read back by the PNG rules
// (chunks, palette, tRNS, no filter), every pixel is the RGBA it was given; more than 256 colours
// are refused (the icons then stay RGBA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { encodeIndexedPng } from '../../tools/lib/png.mjs';
import { iconFiles, renderIconPixels } from '../../tools/lib/icons.mjs';

function readPng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = {};
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IDAT') idat.push(data);
    else chunks[type] = data;
    at += 12 + length;
  }
  const width = chunks.IHDR.readUInt32BE(0);
  const height = chunks.IHDR.readUInt32BE(4);
  assert.equal(chunks.IHDR[8], 8, 'bit depth');
  assert.equal(chunks.IHDR[9], 3, 'colour type: palette');
  const palette = chunks.PLTE;
  const alpha = chunks.tRNS ?? Buffer.alloc(0);
  assert.ok(palette.length % 3 === 0 && palette.length / 3 <= 256);
  assert.ok(alpha.length <= palette.length / 3);
  const raw = inflateSync(Buffer.concat(idat));
  assert.equal(raw.length, (width + 1) * height);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (width + 1)], 0, 'filter type none');
    for (let x = 0; x < width; x++) {
      const n = raw[y * (width + 1) + 1 + x];
      assert.ok(n < palette.length / 3, 'index inside the palette');
      const i = (y * width + x) * 4;
      rgba.set([palette[n * 3], palette[n * 3 + 1], palette[n * 3 + 2], n < alpha.length ? alpha[n] : 255], i);
    }
  }
  return { width, height, rgba };
}

test('an icon read back from its palette PNG has every pixel it was drawn with', () => {
  for (const [size, kind] of [[192, 'any'], [180, 'maskable'], [32, 'any']]) {
    const drawn = renderIconPixels(size, kind);
    const read = readPng(encodeIndexedPng(size, size, drawn));
    assert.equal(read.width, size);
    assert.equal(read.height, size);
    for (let i = 0; i < drawn.length; i += 4) {
      if (drawn[i + 3] === 0) assert.equal(read.rgba[i + 3], 0, `pixel ${i / 4} transparent`);
      else assert.deepEqual([...read.rgba.subarray(i, i + 4)], [...drawn.subarray(i, i + 4)], `pixel ${i / 4}`);
    }
  }
});

test('every icon file of the build is a palette PNG', () => {
  for (const [name, bytes] of Object.entries(iconFiles())) assert.equal(bytes[25], 3, `${name}: colour type`);
});

test('a picture of more than 256 colours is refused', () => {
  const rgba = new Uint8Array(17 * 17 * 4);
  for (let i = 0; i < 17 * 17; i++) rgba.set([i & 0xff, i >> 8, 0, 255], i * 4);
  assert.equal(encodeIndexedPng(17, 17, rgba), null);
  assert.notEqual(encodeIndexedPng(16, 16, rgba.subarray(0, 16 * 16 * 4)), null);
});
