// decodeQr / encodeQr through the Embind binding, as the page's worker calls them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { loadAuthcore } from './loadModule.mjs';

const URI = 'otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30&issuer=authentik';
const SHARED_QR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'qr');

function toRgba(grey, Kind = Uint8ClampedArray) {
  const rgba = new Kind(grey.length * 4);
  for (let i = 0; i < grey.length; i++) rgba.set([grey[i], grey[i], grey[i], 255], 4 * i);
  return rgba;
}

// The encoded code pasted into a mid-grey 1280x720 RGBA frame at (left, top).
function frameWith(code, left, top, width = 1280, height = 720) {
  const rgba = new Uint8ClampedArray(width * height * 4).fill(128);
  for (let y = 0; y < code.height; y++)
    for (let x = 0; x < code.width; x++) {
      const v = code.pixels[y * code.width + x];
      rgba.set([v, v, v, 255], ((top + y) * width + left + x) * 4);
    }
  return rgba;
}

test('encodeQr -> decodeQr round trip, grey', async () => {
  const m = await loadAuthcore();
  const code = m.encodeQr(URI);
  assert.equal(code.error, undefined);
  assert.ok(code.pixels instanceof Uint8Array);
  assert.equal(code.pixels.length, code.width * code.height);
  assert.equal(code.width, code.height);
  assert.ok(code.pixels.every((p) => p === 0 || p === 255));
  for (const mode of ['live', 'still']) {
    const result = m.decodeQr(code.pixels, code.width, code.height, 'grey', mode);
    assert.equal(result.text, URI, mode);
    assert.ok(result.bytes instanceof Uint8Array);
    assert.deepEqual(result.bytes, new TextEncoder().encode(URI));
    assert.equal(result.corners.length, 4);
  }
});

test('encodeQr options: scale and margin set the size, omitted means the defaults', async () => {
  const m = await loadAuthcore();
  const modules = m.encodeQr(URI, { scale: 1, margin: 0 }).width;
  assert.equal(m.encodeQr(URI, { scale: 3, margin: 2 }).width, (modules + 4) * 3);
  assert.equal(m.encodeQr(URI).width, (modules + 8) * 8);
  assert.equal(m.encodeQr(URI, {}).width, (modules + 8) * 8);
  assert.equal(m.encodeQr(URI, { scale: 2 }).width, (modules + 8) * 2);
});

test('encodeQr -> decodeQr round trip, RGBA from Uint8ClampedArray and Uint8Array', async () => {
  const m = await loadAuthcore();
  const code = m.encodeQr('Kristīne Bērziņa', { scale: 4, margin: 4 });
  for (const Kind of [Uint8ClampedArray, Uint8Array]) {
    const rgba = toRgba(code.pixels, Kind);
    for (const mode of ['live', 'still'])
      assert.equal(m.decodeQr(rgba, code.width, code.height, 'rgba', mode).text, 'Kristīne Bērziņa', `${Kind.name} ${mode}`);
  }
});

test('corners are in frame pixels: top-left, top-right, bottom-right, bottom-left', async () => {
  const m = await loadAuthcore();
  const scale = 4, margin = 4;
  const code = m.encodeQr(URI, { scale, margin });
  const left = 300, top = 150;
  const result = m.decodeQr(frameWith(code, left, top), 1280, 720, 'rgba', 'live');
  assert.equal(result.text, URI);
  const first = margin * scale, last = code.width - margin * scale - 1;
  const expected = [[first, first], [last, first], [last, last], [first, last]];
  result.corners.forEach((corner, i) => {
    assert.deepEqual(Object.keys(corner).sort(), ['x', 'y']);
    assert.ok(Math.abs(corner.x - (left + expected[i][0])) <= scale, `corner ${i} x ${corner.x}`);
    assert.ok(Math.abs(corner.y - (top + expected[i][1])) <= scale, `corner ${i} y ${corner.y}`);
  });
});

test('results stay valid after later calls (they are copies, not views of wasm memory)', async () => {
  const m = await loadAuthcore();
  const a = m.encodeQr('first', { scale: 2 });
  const first = m.decodeQr(a.pixels, a.width, a.height, 'grey', 'live');
  const b = m.encodeQr('second second second', { scale: 9 });
  m.decodeQr(toRgba(b.pixels), b.width, b.height, 'rgba', 'still');
  assert.deepEqual(first.bytes, new TextEncoder().encode('first'));
  assert.equal(a.pixels.length, a.width * a.height);
});

test('noise gives no_code_found in both modes', async () => {
  const m = await loadAuthcore();
  let state = 1;
  const noise = new Uint8ClampedArray(1280 * 720 * 4).map(() => (state = (state * 1664525 + 1013904223) >>> 0) >>> 24);
  for (const mode of ['live', 'still']) {
    const result = m.decodeQr(noise, 1280, 720, 'rgba', mode);
    assert.equal(result.error.kind, 'no_code_found', mode);
    assert.equal(result.error.field, 'image');
    assert.equal(typeof result.error.message, 'string');
  }
  const blank = new Uint8Array(640 * 480).fill(255);
  assert.equal(m.decodeQr(blank, 640, 480, 'grey', 'live').error.kind, 'no_code_found');
});

test('bad arguments give invalid_argument with the field, never an exception', async () => {
  const m = await loadAuthcore();
  const grey = new Uint8Array(100);
  const field = (result) => {
    assert.equal(result.error?.kind, 'invalid_argument', JSON.stringify(result));
    return result.error.field;
  };
  assert.equal(field(m.decodeQr(grey, 10, 10, 'bgr', 'live')), 'format');
  assert.equal(field(m.decodeQr(grey, 10, 10, 'grey', 'fast')), 'mode');
  assert.equal(field(m.decodeQr(grey, 10, 10, undefined, 'live')), 'format');
  assert.equal(field(m.decodeQr(grey, 10, 11, 'grey', 'live')), 'pixels');
  assert.equal(field(m.decodeQr(grey, 10, 10, 'rgba', 'live')), 'pixels'); // 100 bytes are grey, not RGBA
  assert.equal(field(m.decodeQr([1, 2, 3, 4], 2, 2, 'grey', 'live')), 'pixels');
  assert.equal(field(m.decodeQr(new Float32Array(100), 10, 10, 'grey', 'live')), 'pixels');
  assert.equal(field(m.decodeQr(grey, 10.5, 10, 'grey', 'live')), 'width');
  assert.equal(field(m.decodeQr(grey, '10', 10, 'grey', 'live')), 'width');
  assert.equal(field(m.decodeQr(grey, 10, 0, 'grey', 'live')), 'height');
  assert.equal(field(m.decodeQr(grey, 10, -1, 'grey', 'live')), 'height');
  assert.equal(field(m.encodeQr('')), 'text');
  assert.equal(field(m.encodeQr(42)), 'text');
  assert.equal(field(m.encodeQr('x'.repeat(3000))), 'text');
  assert.equal(field(m.encodeQr('x', { scale: 0 })), 'scale');
  assert.equal(field(m.encodeQr('x', { scale: 1.5 })), 'scale');
  assert.equal(field(m.encodeQr('x', { margin: -1 })), 'margin');
  assert.equal(field(m.encodeQr('x', 'big')), 'options');
});

test('PNGs from the shared samples decode through the binding', async () => {
  assert.ok(existsSync(SHARED_QR), `shared QR samples not found at ${SHARED_QR} (lay shared/ beside the clone)`);
  const m = await loadAuthcore();
  const folder = path.join(SHARED_QR, 'qrcode-1');
  const files = readdirSync(folder).filter((f) => f.endsWith('.png'));
  assert.equal(files.length, 8);
  for (const file of files) {
    const png = PNG.sync.read(readFileSync(path.join(folder, file)));
    const expected = readFileSync(path.join(folder, file.replace(/\.png$/, '.txt')), 'utf8');
    const result = m.decodeQr(png.data, png.width, png.height, 'rgba', 'still');
    assert.equal(result.text, expected, file);
  }
});
