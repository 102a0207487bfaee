// Restore an encrypted backup file with its password (a new browser, or replacing this one's vault).
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { field } from '../ui/form-field.js';
import { confirmDialog } from '../ui/dialog.js';

export class RestoreScreen {
  constructor({ app, session }) {
    const file = field({ label: t('restore.file'), hint: t('restore.fileHint'), input: h('input', { type: 'file', required: true }) });
    const password = field({ label: t('restore.password'), input: h('input', { type: 'password', autocomplete: 'current-password', required: true }) });
    const status = h('p', { role: 'alert', class: 'problem' });
    const submit = h('button', { type: 'submit', class: 'button primary', text: t('restore.submit') });
    const form = h('form', { class: 'card', novalidate: true }, file.element, password.element, status,
      h('div', { class: 'button-row' }, submit,
        h('button', { type: 'button', class: 'button', text: t('common.back'), onclick: () => app.back() })));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      const chosen = file.input.files?.[0];
      if (!chosen) {
        file.setProblem(t('restore.noFile'));
        return file.input.focus();
      }
      file.setProblem(null);
      const { current } = await session.stored();
      if (current && !(await confirmDialog({ title: t('restore.replaceTitle'), message: t('restore.replaceMessage'), confirmLabel: t('restore.replaceConfirm'), danger: true }))) return;
      submit.disabled = true;
      submit.textContent = t('unlock.working');
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const result = await session.restore(bytes, password.input.value);
      submit.disabled = false;
      submit.textContent = t('restore.submit');
      if (result.error) {
        status.textContent = result.error.kind === 'wrong_password' ? t('restore.wrong') : app.describeError(result.error);
        return;
      }
      password.input.value = '';
      app.unlocked({ restored: true });
    });

    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'restore-title' },
      h('h2', { id: 'restore-title', tabindex: '-1', text: t('restore.title') }),
      h('p', { text: t('restore.intro') }),
      form);
  }
}
