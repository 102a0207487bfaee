// Copies a code. The async Clipboard API needs a secure context (https or localhost) and a user
// gesture; the old execCommand route is the fallback for browsers that refuse. A copied code is
// cleared again by the guard (after the chosen time and when the vault locks).
import { ClipboardGuard } from './clipboard-guard.js';

let guard = null;

/// The page's one guard, made on first use (it needs navigator) with a focus hook for retries.
export function clipboardGuard() {
  if (!guard) {
    guard = new ClipboardGuard({ clipboard: navigator.clipboard, permissions: navigator.permissions });
    window.addEventListener('focus', () => guard.focused());
  }
  return guard;
}

/// Copies `text`; with clearSeconds > 0 the clipboard is cleared again after that long.
export async function copyText(text, { clearSeconds = 0 } = {}) {
  const ok = await writeClipboard(text);
  if (ok) clipboardGuard().copied(text, clearSeconds);
  return ok;
}

async function writeClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sr-only';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
