// QR benchmark, one run under Node: our wasm module against zxing-wasm 3.1.4 (the same ZXing-cpp
// engine, their build, their JS-side RGBA -> grey conversion) and jsQR 1.4.0.
//   node bench/qr.mjs            (after `cmake --build --preset wasm`; QR_BENCH_ROUNDS=25 by default)
// 1. Detection on every image of ../shared/data/qr, per folder: ours in 'still' mode (and 'live'),
//    zxing-wasm with its default options (QR only), jsQR with its defaults.
// 2. Median milliseconds per synthetic 1280x720 RGBA frame, with a code and without one: ours in
//    'live' mode; zxing-wasm with the same options as our live mode and with its defaults; jsQR.
// Writes qr_frame_720p and qr_detection into build/bench/results.json (bench/lib/results.mjs).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes, ZXING_WASM_VERSION } from 'zxing-wasm/reader';
import { median, projectRoot, recordResult } from './lib/results.mjs';

const require = createRequire(import.meta.url);
const SHARED_QR = path.resolve(projectRoot, '..', 'shared', 'data', 'qr');
const MODULE = path.join(projectRoot, 'build', 'wasm', 'module', 'authcore_wasm.mjs');
const URI = 'otpauth://totp/authentik%3Akristine.majore%40example.lv?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30&issuer=authentik';

if (!existsSync(MODULE)) {
  console.error(`${MODULE} is missing: build the wasm preset first`);
  process.exit(2);
}
const ours = await (await import(MODULE)).default();
// zxing-wasm fetches its .wasm from a CDN by default; hand it the packaged file instead.
const zxingWasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
await prepareZXingModule({ overrides: { wasmBinary: zxingWasm }, fireImmediately: true });

const ZXING_DEFAULTS = { formats: ['QRCode'], textMode: 'Plain', maxNumberOfSymbols: 1 };
// What our 'live' preset asks of the same engine (core/src/qr/QrDecoder.cpp), except the
// resolution: zxing-wasm always reads the full frame (its own downscaling only adds a smaller copy
// after the full one), where ours reads 720p frames at half resolution two calls in three.
const ZXING_AS_OUR_LIVE = {
  formats: ['QRCodeModel1', 'QRCodeModel2'], textMode: 'Plain', maxNumberOfSymbols: 1,
  tryHarder: true, tryInvert: true, tryDownscale: false, tryRotate: false,
};

const decoders = {
  ours: (img, mode = 'live') => {
    const r = ours.decodeQr(img.data, img.width, img.height, 'rgba', mode);
    return r.error ? null : r.text;
  },
  zxing_wasm: async (img, options = ZXING_DEFAULTS) => (await readBarcodes(img, options))[0]?.text ?? null,
  jsqr: (img) => jsQR(img.data, img.width, img.height)?.data ?? null,
};

// --- 1. detection on the shared samples -------------------------------------------------------------
function loadImage(file) {
  const bytes = readFileSync(file);
  const { data, width, height } = file.endsWith('.png') ? PNG.sync.read(bytes) : jpeg.decode(bytes, { useTArray: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height };
}

const detection = {};
if (existsSync(SHARED_QR)) {
  console.log(`Detection on ${SHARED_QR} (decoded text must equal NAME.txt)`);
  console.log('folder      images  ours still  ours live  zxing-wasm  jsQR');
  for (const folder of readdirSync(SHARED_QR).filter((f) => f.startsWith('qrcode-')).sort()) {
    const dir = path.join(SHARED_QR, folder);
    const counts = { images: 0, ours_still: 0, ours_live: 0, zxing_wasm: 0, jsqr: 0 };
    for (const file of readdirSync(dir).filter((f) => /\.(png|jpg)$/.test(f))) {
      const img = loadImage(path.join(dir, file));
      const expected = readFileSync(path.join(dir, file.replace(/\.(png|jpg)$/, '.txt')), 'utf8');
      counts.images++;
      counts.ours_still += decoders.ours(img, 'still') === expected;
      counts.ours_live += decoders.ours(img, 'live') === expected;
      counts.zxing_wasm += (await decoders.zxing_wasm(img)) === expected;
      counts.jsqr += decoders.jsqr(img) === expected;
    }
    detection[folder] = counts;
    const c = counts;
    console.log(`${folder.padEnd(11)} ${String(c.images).padStart(6)}  ${String(c.ours_still).padStart(10)}  ${String(c.ours_live).padStart(9)}  ${String(c.zxing_wasm).padStart(10)}  ${String(c.jsqr).padStart(4)}`);
  }
  const behind = Object.entries(detection).filter(([, c]) => c.ours_still < c.zxing_wasm).map(([f]) => f);
  console.log(behind.length ? `BEHIND zxing-wasm in: ${behind.join(', ')}` : 'ours (still) >= zxing-wasm in every folder');
  recordResult('qr_detection', { folders: detection, zxing_wasm_version: ZXING_WASM_VERSION, ours_at_least_zxing_wasm: behind.length === 0 });
} else {
  console.log(`SKIP detection: ${SHARED_QR} not found`);
}

// --- 2. synthetic 1280x720 frames ------------------------------------------------------------------
// A cluttered desk or screen (uneven light, rectangles, text-like bars), the code projected at a
// given size and angle, light sensor noise: the same kind of frame as tests/support/SyntheticFrame.h.
function lcg(seed) {
  let state = seed >>> 0;
  return (n) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >>> 8) % n;
}

function renderFrame(code, { width = 1280, height = 720, cx = 640, cy = 360, ppm = 4, angle = 0, seed = 1, withCode = true }) {
  const rnd = lcg(seed);
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) grey[y * width + x] = 150 + Math.trunc((60 * x) / width) - Math.trunc((40 * y) / height);
  const fill = (rx, ry, rw, rh, level, outline) => {
    for (let y = ry; y < ry + rh; y++)
      for (let x = rx; x < rx + rw; x++)
        if (!outline || y < ry + 3 || y >= ry + rh - 3 || x < rx + 3 || x >= rx + rw - 3) grey[y * width + x] = level;
  };
  for (let i = 0; i < 60; i++) {
    const rw = 10 + rnd(width / 5), rh = 10 + rnd(height / 5);
    fill(rnd(width - rw), rnd(height - rh), rw, rh, rnd(256), rnd(2) === 0);
  }
  for (let i = 0; i < 200; i++) {
    const bw = 4 + rnd(40), bh = 3 + rnd(5);
    fill(rnd(width - bw), rnd(height - bh), bw, bh, rnd(60), false);
  }
  if (withCode) {
    const a = (angle * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
    const half = (code.width * ppm) / 2;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        // frame -> code coordinates (inverse rotation and scale), bilinear
        const dx = x + 0.5 - cx, dy = y + 0.5 - cy;
        const u = (dx * c + dy * s + half) / ppm - 0.5, v = (-dx * s + dy * c + half) / ppm - 0.5;
        if (u < -0.5 || v < -0.5 || u >= code.width - 0.5 || v >= code.height - 0.5) continue;
        const x0 = Math.floor(u), y0 = Math.floor(v), fx = u - x0, fy = v - y0;
        const at = (px, py) => code.pixels[Math.min(code.height - 1, Math.max(0, py)) * code.width + Math.min(code.width - 1, Math.max(0, px))];
        grey[y * width + x] = Math.round((at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy);
      }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < grey.length; i++) {
    const g = grey[i] + rnd(13) - 6; // noise
    data[4 * i] = g + 12; data[4 * i + 1] = g; data[4 * i + 2] = g - 20; data[4 * i + 3] = 255; // faint colour cast
  }
  return { data, width: 1280, height: 720 };
}

const code = ours.encodeQr(URI, { scale: 1, margin: 4 });
const withCode = [
  { ppm: 3, angle: 0, cx: 600, cy: 380 }, { ppm: 4, angle: 0, cx: 640, cy: 360 }, { ppm: 4, angle: 12, cx: 520, cy: 330 },
  { ppm: 5, angle: 30, cx: 700, cy: 360 }, { ppm: 6, angle: 0, cx: 640, cy: 360 }, { ppm: 5, angle: 180, cx: 760, cy: 400 },
].map((spec, i) => renderFrame(code, { ...spec, seed: 10 + i }));
const withoutCode = [1, 2, 3, 4].map((seed) => renderFrame(code, { seed: 100 + seed, withCode: false }));

// The contenders take turns on each frame, call by call, so that a load change on the machine
// (other builds) hits them all alike and the ratios stay meaningful.
async function frameTimes(contenders, frames, rounds) {
  const perFrame = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const found = Object.fromEntries(Object.keys(contenders).map((k) => [k, 0]));
  const fastest = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const means = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (const frame of frames) {
    const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    // Found: read by any of three consecutive calls (our live mode reads frames of 720 pixels and
    // more at full resolution one call in three, at half resolution the other two).
    for (const [name, decode] of Object.entries(contenders)) {
      let read = false;
      for (let i = 0; i < 3; i++) read = ((await decode(frame)) === URI) || read;
      found[name] += read;
    }
    for (let round = 0; round < rounds; round++)
      for (const [name, decode] of Object.entries(contenders)) {
        const t0 = performance.now();
        await decode(frame);
        times[name].push(performance.now() - t0);
      }
    for (const name of Object.keys(contenders)) {
      perFrame[name].push(median(times[name]));
      fastest[name].push(Math.min(...times[name]));
      means[name].push(times[name].reduce((a, b) => a + b, 0) / times[name].length);
    }
  }
  return Object.fromEntries(Object.keys(contenders).map((k) => [k, { ms: median(perFrame[k]), minMs: median(fastest[k]), meanMs: median(means[k]), found: found[k] }]));
}

const contenders = {
  ours: (f) => decoders.ours(f, 'live'),
  zxing_wasm: (f) => decoders.zxing_wasm(f, ZXING_AS_OUR_LIVE),
  zxing_wasm_defaults: (f) => decoders.zxing_wasm(f, ZXING_DEFAULTS),
  jsqr: (f) => decoders.jsqr(f),
};
const rounds = Number(process.env.QR_BENCH_ROUNDS ?? 30); // a multiple of 3: whole cycles of our live mode
console.log(`\nMedian ms per 1280x720 RGBA frame (${withCode.length} frames with a code, ${withoutCode.length} without, ${rounds} rounds)`);
console.log('median of the calls on each frame, then over frames; [mean of the calls] (fastest call); found = read within 3 calls');
console.log('decoder                           with code                   found   without code');
const timedWith = await frameTimes(contenders, withCode, rounds);
const timedWithout = await frameTimes(contenders, withoutCode, rounds);
const frame = {};
for (const name of Object.keys(contenders)) {
  const a = timedWith[name], b = timedWithout[name];
  frame[name] = {
    with_code_ms: a.ms, without_code_ms: b.ms, with_code_mean_ms: a.meanMs, without_code_mean_ms: b.meanMs,
    with_code_min_ms: a.minMs, without_code_min_ms: b.minMs, found: a.found,
  };
  const label = { ours: 'ours (live)', zxing_wasm: 'zxing-wasm (our live options)', zxing_wasm_defaults: 'zxing-wasm (defaults, QR only)', jsqr: 'jsQR' }[name];
  const cell = (v) => `${v.ms.toFixed(2).padStart(7)} [${v.meanMs.toFixed(2).padStart(6)}] (${v.minMs.toFixed(2).padStart(6)})`;
  console.log(`${label.padEnd(32)} ${cell(a)}  ${`${a.found}/${withCode.length}`.padStart(6)}   ${cell(b)}`);
}

const ratio = (a, b) => Math.round((a / b) * 100) / 100;
const result = {
  ours_ms: frame.ours.with_code_ms,
  zxing_wasm_ms: frame.zxing_wasm.with_code_ms,
  jsqr_ms: frame.jsqr.with_code_ms,
  zxing_wasm_defaults_ms: frame.zxing_wasm_defaults.with_code_ms,
  ours_mean_ms: frame.ours.with_code_mean_ms,
  zxing_wasm_mean_ms: frame.zxing_wasm.with_code_mean_ms,
  ours_no_code_ms: frame.ours.without_code_ms,
  zxing_wasm_no_code_ms: frame.zxing_wasm.without_code_ms,
  zxing_wasm_defaults_no_code_ms: frame.zxing_wasm_defaults.without_code_ms,
  jsqr_no_code_ms: frame.jsqr.without_code_ms,
  found: Object.fromEntries(Object.entries(frame).map(([k, v]) => [k, `${v.found}/${withCode.length}`])),
  ours_vs_zxing_wasm: ratio(frame.ours.with_code_ms, frame.zxing_wasm.with_code_ms),
  ours_vs_zxing_wasm_means: ratio(frame.ours.with_code_mean_ms, frame.zxing_wasm.with_code_mean_ms),
  ours_vs_zxing_wasm_fastest: ratio(frame.ours.with_code_min_ms, frame.zxing_wasm.with_code_min_ms),
  ours_vs_zxing_wasm_defaults: ratio(frame.ours.with_code_ms, frame.zxing_wasm_defaults.with_code_ms),
  jsqr_vs_ours: ratio(frame.jsqr.with_code_ms, frame.ours.with_code_ms),
  ours_no_code_vs_code: ratio(frame.ours.without_code_ms, frame.ours.with_code_ms),
};
console.log(`\nours / zxing-wasm (same options): ${result.ours_vs_zxing_wasm} (target <= 0.5); means ${result.ours_vs_zxing_wasm_means}, fastest ${result.ours_vs_zxing_wasm_fastest}`);
console.log(`ours / zxing-wasm (its defaults): ${result.ours_vs_zxing_wasm_defaults}`);
console.log(`jsQR / ours: ${result.jsqr_vs_ours} (target >= 20)`);
console.log(`ours without a code / with a code: ${result.ours_no_code_vs_code} (target <= 1)`);
recordResult('qr_frame_720p', result);
