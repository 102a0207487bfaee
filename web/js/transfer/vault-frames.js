// The QR sequence that moves a vault to another device (docs/sync.md, "Move to another device"):
// the encrypted copy from vaultTransferCopy() cut into numbered parts, one QR code each:
//
//   VAULT1:<set>:<part>/<total>:<Base32 of the part's bytes>
//
// Every character is in QR's alphanumeric set (upper-case letters, digits, ":" and "/"), which packs
// 5.5 bits per character against byte mode's 8: the most bytes per code of a given size. The
// receiver takes parts in any order, ignores repeats, and starts over when a new set begins (the
// sender opened the screen again, with a new code). Nothing here is secret: the bytes are the
// encrypted copy, which opens only with the one-time code shown beside it.

export const FRAME_PREFIX = 'VAULT1:';
/// Base32 characters per part (a multiple of 8: 400 bytes): with the longest header (24 characters)
/// a version 17 code at error correction M (85 modules, 666 characters at most), which a laptop
/// camera reads from another laptop's screen at arm's length (tests/e2e/transfer.test.mjs).
export const PART_CHARS = 640;
/// Bounds a hostile or broken sequence before anything is kept: 2,000 parts are 800 KB, more than
/// a vault of 1,000 accounts.
export const MAX_PARTS = 2000;
const SET_ID_CHARS = 6;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const FRAME_PATTERN = /^VAULT1:([A-Z2-7]{6}):([1-9][0-9]{0,3})\/([1-9][0-9]{0,3}):([A-Z2-7]+)$/;

/// RFC 4648 Base32, upper case, no padding.
export function base32Encode(bytes) {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/// The bytes of unpadded upper-case Base32, or null for any other character or a length that no
/// byte count gives (1, 3 or 6 characters left over).
export function base32Decode(text) {
  if ([1, 3, 6].includes(text.length % 8)) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[at++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return bytes;
}

export function newSetId() {
  const random = crypto.getRandomValues(new Uint8Array(SET_ID_CHARS));
  return Array.from(random, (byte) => ALPHABET[byte & 31]).join('');
}

/// The texts of the QR codes for `bytes` (the encrypted copy): [] when it is too large to send.
export function framesOf(bytes, setId = newSetId()) {
  const text = base32Encode(bytes);
  const total = Math.max(1, Math.ceil(text.length / PART_CHARS));
  if (total > MAX_PARTS) return [];
  const frames = [];
  for (let part = 0; part < total; part++) {
    frames.push(`${FRAME_PREFIX}${setId}:${part + 1}/${total}:${text.slice(part * PART_CHARS, (part + 1) * PART_CHARS)}`);
  }
  return frames;
}

export function isVaultFrame(text) {
  return typeof text === 'string' && text.startsWith(FRAME_PREFIX);
}

/// Collects the parts of one sequence, as the camera reads them.
export class FrameCollector {
  #setId = null;
  #total = 0;
  #parts = new Map(); // part number -> Base32 text

  /// 'added' | 'repeat' | 'restarted' (a new set: what was collected is dropped) | 'invalid'.
  add(text) {
    const match = typeof text === 'string' && text.length <= 64 + PART_CHARS ? FRAME_PATTERN.exec(text) : null;
    if (!match) return 'invalid';
    const [, setId, partText, totalText, data] = match;
    const part = Number(partText);
    const total = Number(totalText);
    // Every part but the last is full; the last is not empty (its length is checked on decode).
    if (total > MAX_PARTS || part > total || data.length > PART_CHARS || (part < total && data.length !== PART_CHARS)) return 'invalid';
    let status = 'added';
    if (setId !== this.#setId || total !== this.#total) {
      status = this.#setId === null ? 'added' : 'restarted';
      this.#setId = setId;
      this.#total = total;
      this.#parts.clear();
    }
    if (this.#parts.has(part)) return 'repeat';
    this.#parts.set(part, data);
    return status;
  }

  get received() {
    return this.#parts.size;
  }

  get total() {
    return this.#total;
  }

  get complete() {
    return this.#total > 0 && this.#parts.size === this.#total;
  }

  /// The copy's bytes once complete (null before, or when the parts do not make Base32).
  bytes() {
    if (!this.complete) return null;
    let text = '';
    for (let part = 1; part <= this.#total; part++) text += this.#parts.get(part);
    return base32Decode(text);
  }

  clear() {
    this.#setId = null;
    this.#total = 0;
    this.#parts.clear();
  }
}
