// First run: choose the vault password (strength feedback, confirmation, and the plain warning that
// a forgotten password cannot be recovered), then offer an encrypted backup download.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { checkbox, passwordField, vaultUsernameField } from '../ui/form-field.js';
import { actionButton } from '../ui/action-button.js';
import { passwordStrength, MIN_LENGTH } from '../vault/password-strength.js';

export class CreateVaultScreen {
  constructor({ app, session }) {
    this.app = app;
    this.session = session;
    const password = passwordField({
      label: t('create.password'), hint: t('create.passwordHint', { min: MIN_LENGTH }),
      autocomplete: 'new-password', required: true, minlength: MIN_LENGTH,
    });
    const repeat = passwordField({ label: t('create.repeat'), autocomplete: 'new-password', required: true });
    const meter = h('div', { class: 'strength', 'aria-hidden': 'true' }, h('span'));
    const strengthText = h('p', { class: 'small-print', id: 'strength-text', 'aria-live': 'polite' });
    const show = checkbox({ label: t('create.show'), onchange: () => {
      for (const input of [password.input, repeat.input]) input.type = show.input.checked ? 'text' : 'password';
    } });
    const understood = checkbox({ label: t('create.understand'), required: true });
    const status = h('p', { role: 'alert', class: 'problem' });
    const submit = h('button', { type: 'submit', class: 'button primary', text: t('create.submit') });

    password.input.addEventListener('input', () => {
      const { score, reason } = passwordStrength(password.input.value);
      meter.dataset.score = String(score);
      meter.firstChild.style.width = `${(score / 4) * 100}%`;
      strengthText.textContent = password.input.value ? t(`strength.${reason}`, { min: MIN_LENGTH }) : '';
    });
    // The strength line describes the password too, after the field's own hint.
    const describedBy = password.input.getAttribute('aria-describedby') ?? '';
    password.input.setAttribute('aria-describedby', `${describedBy} strength-text`.trim());

    const form = h('form', { class: 'card', novalidate: true },
      vaultUsernameField(t('app.vaultUser')), password.element, meter, strengthText, repeat.element, show.element,
      h('p', { class: 'notice warning', text: t('create.warning') }), understood.element, status,
      h('div', { class: 'button-row' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      const value = password.input.value;
      const { score, reason } = passwordStrength(value);
      password.setProblem(score < 2 ? t(`strength.${reason}`, { min: MIN_LENGTH }) : null);
      repeat.setProblem(repeat.input.value !== value ? t('create.mismatch') : null);
      if (score < 2) return password.input.focus();
      if (repeat.input.value !== value) return repeat.input.focus();
      if (!understood.input.checked) {
        status.textContent = t('create.mustUnderstand');
        return understood.input.focus();
      }
      submit.disabled = true;
      submit.textContent = t('create.working');
      const result = await this.session.create(value);
      password.input.value = '';
      repeat.input.value = '';
      if (result.error) {
        submit.disabled = false;
        submit.textContent = t('create.submit');
        status.textContent = this.app.describeError(result.error);
        return;
      }
      this.app.vaultCreated();
    });

    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'create-title' },
      h('h2', { id: 'create-title', tabindex: '-1', text: t('create.title') }),
      h('p', { text: t('create.intro') }),
      form,
      h('p', {}, t('create.haveBackup'), ' ',
        actionButton(t('restore.open'), () => this.app.showRestore(), { variant: 'link' })));
  }
}
