// Draws a QR code made by the core's writer (m.encodeQr: grey pixels, 0 black, 255 white) on a
// canvas. The text (which holds secrets) stays in the worker call; only pixels come back.
import { h } from '../ui/dom.js';

/// Resolves a <canvas> or {error}.
export async function qrCanvas(authcore, text, label) {
  const qr = await authcore.call('encodeQr', text, { scale: 6, margin: 4 });
  if (qr.error) return qr;
  const canvas = h('canvas', { class: 'qr-canvas', role: 'img', 'aria-label': label });
  drawQr(canvas, qr);
  return canvas;
}

/// Draws an encodeQr result on `canvas` (resized to it) and zeroes the result's pixels.
export function drawQr(canvas, qr) {
  canvas.width = qr.width;
  canvas.height = qr.height;
  const context = canvas.getContext('2d');
  const image = context.createImageData(qr.width, qr.height);
  for (let i = 0; i < qr.pixels.length; i++) {
    const grey = qr.pixels[i];
    image.data.set([grey, grey, grey, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
  qr.pixels.fill(0);
}
