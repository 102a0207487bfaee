// Records every message a Web Worker sends to the page, and finds secrets in them. The recorder is
// an init script that wraps window.Worker before the app's first script runs; each message is
// flattened to its strings and byte arrays (as hex) when it arrives, so later changes to the objects
// do not hide anything.

/// Runs in the page (context.addInitScript): fills window.workerMessages with
/// {strings: [...], bytes: ['hex', ...]} per message.
export function recordWorkerMessages() {
  const Original = window.Worker;
  window.workerMessages = [];
  const hex = (view) => Array.from(view, (byte) => byte.toString(16).padStart(2, '0')).join('');
  function flatten(value, out, seen) {
    if (typeof value === 'string') out.strings.push(value);
    else if (value instanceof ArrayBuffer) out.bytes.push(hex(new Uint8Array(value)));
    else if (ArrayBuffer.isView(value)) out.bytes.push(hex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
    else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      for (const key of Object.keys(value)) {
        out.strings.push(key);
        flatten(value[key], out, seen);
      }
    } else if (value !== undefined && value !== null) out.strings.push(String(value));
  }
  window.Worker = class RecordedWorker extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const out = { strings: [], bytes: [] };
        flatten(event.data, out, new Set());
        window.workerMessages.push(out);
      });
    }
  };
}

const latin1 = (hexText) => Buffer.from(hexText, 'hex').toString('latin1');

/// The ways a secret (raw bytes) can be written: Base32 (the form in otpauth:// links, with or
/// without padding), hex, Base64 and the bytes themselves.
export function secretForms(secret) {
  const bytes = Buffer.from(secret);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let base32 = '';
  for (let i = 0; i < bits.length; i += 5) base32 += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return { base32, hex: bytes.toString('hex'), base64: bytes.toString('base64').replace(/=+$/, ''), raw: bytes.toString('latin1') };
}

/// What in one recorded message gives the secret away: [] when nothing does. Text is searched
/// case-insensitively and with white space, dashes and percent-encoding dropped (how keys are
/// printed and how links carry them); byte arrays as bytes and as text (the raw QR bytes are a link).
export function leaks(message, secret) {
  const forms = secretForms(secret);
  const found = [];
  const texts = [...message.strings, ...message.bytes.map(latin1)];
  for (const text of texts) {
    let decoded = text;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      // not percent-encoded
    }
    const folded = decoded.replace(/[\s-]+/g, '').toUpperCase();
    if (folded.includes(forms.base32)) found.push('base32');
    if (folded.includes(forms.hex.toUpperCase())) found.push('hex');
    if (decoded.includes(forms.base64)) found.push('base64');
    if (text.includes(forms.raw)) found.push('raw bytes');
  }
  return [...new Set(found)];
}
