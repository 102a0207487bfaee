// Draws the app icon at build time (no binary files in git): a countdown ring around a keyhole on
// the theme blue. "any" icons are a rounded square; "maskable" ones fill the square and keep the
// drawing inside the central 80 % safe zone, as the maskable-icon spec asks.
import { encodeIndexedPng, encodePng } from './png.mjs';

export const THEME_COLOR = '#0b57d0';
const BACKGROUND = [0x0b, 0x57, 0xd0];
const FOREGROUND = [0xff, 0xff, 0xff];

// Shape tests in unit coordinates (0..1, y down). scale shrinks the drawing toward the centre.
function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideDrawing(x, y, scale) {
  const u = (x - 0.5) / scale;
  const v = (y - 0.5) / scale;
  const r = Math.hypot(u, v);
  // Ring covering 300 degrees, open at the top right like a countdown in progress.
  const angle = (Math.atan2(v, u) * 180) / Math.PI; // -180..180, 0 = right, -90 = top
  const inGap = angle > -90 && angle < -30;
  if (r >= 0.34 && r <= 0.42 && !inGap) return true;
  // Keyhole: a disc and a tapering slot below it.
  if (Math.hypot(u, v + 0.05) <= 0.1) return true;
  if (v >= -0.02 && v <= 0.19) {
    const half = 0.045 + (v + 0.02) * 0.2;
    return Math.abs(u) <= half;
  }
  return false;
}

/// Renders one icon's pixels (RGBA); kind is 'any' or 'maskable'. 4x4 supersampling gives smooth
/// edges.
export function renderIconPixels(size, kind = 'any') {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  const scale = kind === 'maskable' ? 0.78 : 1;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let coverage = 0;
      let ink = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const inBackground = kind === 'maskable' || insideRoundedSquare(x, y, 0.2);
          if (!inBackground) continue;
          coverage++;
          if (insideDrawing(x, y, scale)) ink++;
        }
      }
      const total = samples * samples;
      const i = (py * size + px) * 4;
      const t = coverage ? ink / coverage : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BACKGROUND[c] * (1 - t) + FOREGROUND[c] * t);
      rgba[i + 3] = Math.round((255 * coverage) / total);
    }
  }
  return rgba;
}

/// One icon as a PNG file: a palette PNG (the drawing has few colours), RGBA if it ever has more.
export function renderIcon(size, kind = 'any') {
  const rgba = renderIconPixels(size, kind);
  return encodeIndexedPng(size, size, rgba) ?? encodePng(size, size, rgba);
}

/// Every icon file the page and the manifest refer to, as {path: Buffer}.
export function iconFiles() {
  return {
    'icons/icon-192.png': renderIcon(192, 'any'),
    'icons/icon-512.png': renderIcon(512, 'any'),
    'icons/maskable-192.png': renderIcon(192, 'maskable'),
    'icons/maskable-512.png': renderIcon(512, 'maskable'),
    'icons/apple-touch-icon.png': renderIcon(180, 'maskable'),
    'icons/favicon-32.png': renderIcon(32, 'any'),
  };
}
