// Minimal PNG encoder (8-bit RGBA, no filtering beyond "none") for build-time icons and test images.
// Node's zlib does the compression; the CRC table is computed once.
import { deflateSync } from 'node:zlib';

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/// rgba: Uint8Array of width*height*4 bytes. Returns a Buffer holding the PNG file.
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter method variants, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/// The same picture as an 8-bit palette PNG (colour type 3, alpha in a tRNS chunk), or null when it
/// has more than 256 distinct colours. The app's icons are two colours blended at their edges:
/// about a third of the bytes of the RGBA file, and every browser and installer reads it.
export function encodeIndexedPng(width, height, rgba) {
  const index = new Map();
  const colours = [];
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // no filter: the PNG spec's advice for palette images
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // Fully transparent pixels are one colour whatever their RGB.
      const key = rgba[i + 3] === 0 ? 0 : ((rgba[i] << 24) | (rgba[i + 1] << 16) | (rgba[i + 2] << 8) | rgba[i + 3]) >>> 0;
      let n = index.get(key);
      if (n === undefined) {
        if (colours.length === 256) return null;
        n = colours.length;
        index.set(key, n);
        colours.push(key);
      }
      raw[y * (width + 1) + 1 + x] = n;
    }
  }
  // Opaque colours last, so that tRNS can stop before them.
  const opaque = (n) => (colours[n] & 0xff) === 255;
  const all = colours.map((key, n) => n);
  const order = [...all.filter((n) => !opaque(n)), ...all.filter(opaque)];
  const remap = new Uint8Array(colours.length);
  order.forEach((n, position) => { remap[n] = position; });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = remap[raw[y * (width + 1) + 1 + x]];
  const palette = Buffer.alloc(colours.length * 3);
  const alpha = [];
  order.forEach((n, position) => {
    const key = colours[n];
    palette[position * 3] = key >>> 24;
    palette[position * 3 + 1] = (key >>> 16) & 0xff;
    palette[position * 3 + 2] = (key >>> 8) & 0xff;
    if ((key & 0xff) !== 255) alpha.push(key & 0xff);
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit indices, palette, deflate, no filter variants, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    ...(alpha.length ? [chunk('tRNS', Buffer.from(alpha))] : []),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
