// Test images of QR codes, made with Debian's qrencode (the module matrix from its ASCII output),
// drawn into grey frames, and written as PNG files or as a YUV4MPEG2 (.y4m) video for Chromium's
// fake camera. Independent of our own encoder, so the scanner is checked against another writer.
import { execFileSync } from 'node:child_process';
import { writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { encodePng } from '../../../tools/lib/png.mjs';

/// The QR code of `text` as rows of booleans (true = dark module), quiet zone not included.
export function qrMatrix(text) {
  const ascii = execFileSync('qrencode', ['-t', 'ASCII', '-m', '0', '-l', 'M', text]).toString();
  return ascii.split('\n').filter((line) => line.length).map((line) => {
    const row = [];
    for (let i = 0; i < line.length; i += 2) row.push(line[i] === '#');
    return row;
  });
}

/// A grey frame (0 black, 255 white) of width x height with the code centred, `module` px per module.
export function frameWithCode(matrix, { width, height, module = 8, background = 255, invert = false } = {}) {
  const pixels = new Uint8Array(width * height).fill(background);
  const size = matrix.length * module;
  const left = Math.floor((width - size) / 2);
  const top = Math.floor((height - size) / 2);
  // A white quiet zone of 4 modules around the code, as printed codes have.
  const quiet = 4 * module;
  for (let y = Math.max(0, top - quiet); y < Math.min(height, top + size + quiet); y++) {
    for (let x = Math.max(0, left - quiet); x < Math.min(width, left + size + quiet); x++) pixels[y * width + x] = 255;
  }
  matrix.forEach((row, my) => row.forEach((dark, mx) => {
    if (dark === invert) return;
    for (let y = 0; y < module; y++) pixels.fill(0, (top + my * module + y) * width + left + mx * module, (top + my * module + y) * width + left + (mx + 1) * module);
  }));
  return pixels;
}

export function pngFromGrey(pixels, width, height) {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < pixels.length; i++) rgba.set([pixels[i], pixels[i], pixels[i], 255], i * 4);
  return encodePng(width, height, rgba);
}

export function writePng(path, text, { width = 400, height = 400, module = 6 } = {}) {
  writeFileSync(path, pngFromGrey(frameWithCode(qrMatrix(text), { width, height, module }), width, height));
}

/// A .y4m video (4:2:0, grey: U = V = 128): `blank` frames without a code, then `coded` frames with.
export function writeY4m(path, text, { width = 1280, height = 720, module = 8, blank = 3, coded = 5, fps = 30 } = {}) {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const empty = new Uint8Array(width * height).fill(235);
  const coded_ = frameWithCode(qrMatrix(text), { width, height, module, background: 235 });
  const fd = openSync(path, 'w');
  writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  for (let i = 0; i < blank + coded; i++) {
    writeSync(fd, 'FRAME\n');
    writeSync(fd, i < blank ? empty : coded_);
    writeSync(fd, chroma);
  }
  closeSync(fd);
}

/// A .y4m video of a busy scene without any code (random grey blocks, changing every frame), to
/// measure what the camera loop sustains when it keeps looking.
export function writeNoCodeY4m(path, { width = 1280, height = 720, frames = 10, block = 16, fps = 30 } = {}) {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const fd = openSync(path, 'w');
  writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let f = 0; f < frames; f++) {
    const luma = new Uint8Array(width * height);
    for (let by = 0; by < height; by += block) {
      for (let bx = 0; bx < width; bx += block) {
        const value = 40 + Math.floor(random() * 180);
        for (let y = by; y < Math.min(height, by + block); y++) luma.fill(value, y * width + bx, y * width + Math.min(width, bx + block));
      }
    }
    writeSync(fd, 'FRAME\n');
    writeSync(fd, luma);
    writeSync(fd, chroma);
  }
  closeSync(fd);
}
