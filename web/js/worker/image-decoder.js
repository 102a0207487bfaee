// Turns an image the page sent (ImageBitmap, or {pixels, width, height} already in RGBA) into the
// pixels decodeQr wants. Runs inside the worker: drawing and reading pixels never touch the page.
// Grey conversion happens in wasm (format 'rgba'), not here.

let canvas = null;
let context = null;

function pixelsOf(bitmap) {
  const { width, height } = bitmap;
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  context.drawImage(bitmap, 0, 0);
  bitmap.close?.();
  return context.getImageData(0, 0, width, height).data;
}

/// source: ImageBitmap | {pixels: Uint8ClampedArray, width, height}; mode: 'live' | 'still'.
/// A live frame without a code may carry hint: 'further' | 'still' | 'glare' (see qrScanHint).
export function decodeImage(m, source, mode = 'still') {
  const width = source.width;
  const height = source.height;
  const pixels = source.pixels ?? pixelsOf(source);
  const found = m.decodeQr(pixels, width, height, 'rgba', mode);
  if (!found.error) return { ...found, width, height };
  // A camera frame with a code in view that could not be read: say why, so the page can help.
  const hint = mode === 'live' ? m.qrScanHint() : '';
  return hint ? { ...found, hint } : found;
}

/// A new camera or screen stream: the decoder forgets what it kept of the previous one.
export function startStream(m) {
  m.resetQrStream();
  return true;
}
