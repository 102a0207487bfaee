// The yes/no questions more than one screen asks, worded once.
import { t } from '../i18n/i18n.js';
import { confirmDialog } from './dialog.js';

/// Before a restored backup replaces the vault this browser holds: it cannot be undone.
export function confirmReplaceVault() {
  return confirmDialog({
    title: t('restore.replaceTitle'),
    message: t('restore.replaceMessage'),
    confirmLabel: t('restore.replaceConfirm'),
    danger: true,
  });
}

/// When the vault already holds an account with the same secret: add it a second time?
export function confirmDuplicate() {
  return confirmDialog({
    title: t('duplicate.title'), message: t('duplicate.message'), confirmLabel: t('duplicate.addAnyway'),
  });
}
