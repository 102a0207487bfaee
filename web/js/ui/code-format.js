// How a code is shown and spoken: grouped for the eye (123 456, 1234 5678, 12345 -> 12 345 for
// Steam's five characters), one character at a time for screen readers.

export function groupCode(code) {
  const text = String(code ?? '');
  if (text.length < 5) return text;
  if (text.length === 5) return `${text.slice(0, 2)} ${text.slice(2)}`;
  if (text.length === 7) return `${text.slice(0, 3)} ${text.slice(3)}`;
  const half = Math.ceil(text.length / 2);
  return `${text.slice(0, half)} ${text.slice(half)}`;
}

export function spokenCode(code) {
  return String(code ?? '').split('').join(' ');
}
