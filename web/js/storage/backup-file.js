// The encrypted backup: the stored vault file itself, downloaded as-is. It opens only with the vault
// password, so it is safe to keep on a USB stick or in a mailbox. A download is one more place the
// vault's opaque bytes are stored, so this lives with storage, below every screen and component
// that offers it.
import { updateSettings } from './settings.js';

export const BACKUP_EXTENSION = '.authvault';

export function backupFileName(date = new Date()) {
  const day = date.toISOString().slice(0, 10);
  return `authenticator-backup-${day}${BACKUP_EXTENSION}`;
}

/// Offers bytes as a file download without any network request (a blob: URL).
export function downloadBytes(bytes, fileName, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  // A plain element, not ui/dom.js's h(): storage stays below the components that import it.
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/// Downloads the stored vault; resolves false when there is nothing stored.
export async function downloadBackup(session) {
  const bytes = await session.backupBytes();
  if (!bytes) return false;
  downloadBytes(bytes, backupFileName());
  updateSettings({ lastBackupAt: Date.now(), changedSinceBackup: false, reminderSnoozedAt: 0 });
  return true;
}
