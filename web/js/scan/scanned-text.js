// What a scanned or pasted text is, so the page can say what was found instead of failing quietly.
/// {kind: 'otpauth'|'migration'|'link'|'text'|'empty', text}
export function classifyText(raw) {
  const text = String(raw ?? '').trim();
  if (!text) return { kind: 'empty', text };
  const lower = text.toLowerCase();
  if (lower.startsWith('otpauth://')) return { kind: 'otpauth', text };
  if (lower.startsWith('otpauth-migration://')) return { kind: 'migration', text };
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: 'link', text };
  return { kind: 'text', text };
}

/// A short, safe excerpt of found text for messages (never the whole thing: it may hold secrets).
export function excerpt(text, max = 60) {
  const clean = String(text).replace(/\s+/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
