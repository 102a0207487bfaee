// Decodes QR codes in image files (picker, drag and drop, pasted screenshots). Each file is decoded
// in the scanner worker in 'still' mode (slower, more thorough than the camera loop).
import { decodeBitmap } from './decoder-worker-client.js';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/// Resolves [{file, text} | {file, staged} (with `stage`, see decodeBitmap) | {file, error: {kind}}]
/// in the order given.
export async function decodeImageFiles(files, { stage = false } = {}) {
  const results = [];
  for (const file of files) {
    if (file.type && !IMAGE_TYPES.includes(file.type)) {
      results.push({ file, error: { kind: 'not_image' } });
      continue;
    }
    let bitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      results.push({ file, error: { kind: 'unreadable_image' } });
      continue;
    }
    const found = await decodeBitmap(bitmap, 'still', { stage });
    if (found.error) results.push({ file, error: found.error });
    else results.push(stage ? { file, staged: found.staged } : { file, text: found.text });
  }
  return results;
}
