// Asked before a restored backup replaces the vault this browser holds: it cannot be undone.
import { t } from '../i18n/i18n.js';
import { confirmDialog } from './dialog.js';

export function confirmReplaceVault() {
  return confirmDialog({
    title: t('restore.replaceTitle'),
    message: t('restore.replaceMessage'),
    confirmLabel: t('restore.replaceConfirm'),
    danger: true,
  });
}
