// Change the vault password: the core makes a new master key and re-encrypts the accounts, and the
// page overwrites the kept previous version, so nothing in this browser opens with the old password.
// Backups downloaded before still do: the form says so and offers a new backup right there.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { passwordField, vaultUsernameField } from './form-field.js';
import { actionButton } from './action-button.js';
import { showToast } from './announcer.js';
import { passwordStrength, MIN_LENGTH } from '../vault/password-strength.js';
import { downloadBackup } from '../storage/backup-file.js';

export class ChangePasswordForm {
  constructor({ app, session }) {
    const current = passwordField({ label: t('password.current'), autocomplete: 'current-password' });
    const hint = t('create.passwordHint', { min: MIN_LENGTH });
    const next = passwordField({ label: t('password.new'), hint, autocomplete: 'new-password' });
    const repeat = passwordField({ label: t('create.repeat'), autocomplete: 'new-password' });
    const status = h('p', { role: 'alert', class: 'problem' });
    const done = h('div', { class: 'notice password-changed', role: 'status', hidden: true });
    this.inputs = [current.input, next.input, repeat.input];
    const form = h('form', { novalidate: true },
      vaultUsernameField(t('app.vaultUser')), current.element, next.element, repeat.element, status, done,
      h('p', { class: 'small-print', text: t('password.backupNote') }),
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button', text: t('password.submit') })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      const { score, reason } = passwordStrength(next.input.value);
      next.setProblem(score < 2 ? t(`strength.${reason}`, { min: MIN_LENGTH }) : null);
      repeat.setProblem(repeat.input.value !== next.input.value ? t('create.mismatch') : null);
      if (score < 2) return next.input.focus();
      if (repeat.input.value !== next.input.value) return repeat.input.focus();
      const result = await session.changePassword(current.input.value, next.input.value);
      if (result.error) {
        if (result.error.kind === 'wrong_password') {
          current.setProblem(t('password.wrongCurrent'));
          current.input.focus();
        } else {
          status.textContent = app.describeError(result.error);
        }
        return;
      }
      for (const input of this.inputs) input.value = '';
      current.setProblem(null);
      // Passkeys were bound to the old password: saying so needs longer than a plain toast.
      if (result.passkeysDropped) {
        showToast(`${t('password.changed')} ${t('password.passkeysDropped')}`, { timeout: 15_000 });
      }
      else showToast(t('password.changed'));
      const download = actionButton(t('password.downloadBackup'), async () => {
        if (await downloadBackup(session)) showToast(t('backup.downloaded'));
      }, { variant: 'primary' });
      done.replaceChildren(h('p', { text: t('password.changedBackups') }), h('div', { class: 'button-row' }, download));
      done.hidden = false;
    });
    this.element = form;
  }

  get busy() {
    return this.inputs.some((input) => input.value);
  }

  destroy() {
    for (const input of this.inputs) input.value = '';
  }
}
