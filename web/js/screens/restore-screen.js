// Restore an encrypted backup file with its password (a new browser, or replacing this one's vault).
// Wrong passwords share the unlock screen's delay (kept across reloads), so the restore screen is no
// way around it; a file over the size cap is refused before it is read.
import { h } from '../ui/dom.js';
import { t, prepareFormatters } from '../i18n/i18n.js';
import { field, passwordField } from '../ui/form-field.js';
import { actionButton } from '../ui/action-button.js';
import { confirmReplaceVault } from '../ui/confirm-questions.js';
import { secondsToWait, passwordFailed, passwordSucceeded } from '../vault/password-throttle.js';
import { countDown } from '../ui/wait-button.js';
import { tooLarge } from '../transfer/file-size.js';
import { FileReadAhead } from '../transfer/file-read-ahead.js';

export class RestoreScreen {
  #stopWait = null;
  #destroyed = false;

  constructor({ app, session }) {
    const fileInput = h('input', { type: 'file', required: true });
    // The chosen backup shapes the worker's rehearsal (Vault::rehearse): its Argon2 memory, and as
    // many accounts as its size suggests, so a large backup is not parsed by unoptimized code.
    const readAhead = new FileReadAhead(fileInput, { onRead: (bytes) => session.rehearse(bytes) });
    const file = field({ label: t('restore.file'), hint: t('restore.fileHint'), input: fileInput });
    const password = passwordField({ label: t('restore.password'), autocomplete: 'current-password', required: true });
    // As on the unlock screen: the worker warms up, and the codes screen's number formatters are
    // made while the password is typed (about 25 ms of ICU set-up otherwise paid after the press).
    password.input.addEventListener('input', () => {
      session.warmUp();
      setTimeout(prepareFormatters);
    }, { once: true });
    const status = h('p', { role: 'alert', class: 'problem' });
    const submit = h('button', { type: 'submit', class: 'button primary', text: t('restore.submit') });
    const form = h('form', { class: 'card', novalidate: true }, file.element, password.element, status,
      h('div', { class: 'button-row' }, submit,
        actionButton(t('common.back'), () => app.back())));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      const chosen = file.input.files?.[0];
      if (!chosen) {
        file.setProblem(t('restore.noFile'));
        return file.input.focus();
      }
      if (tooLarge(chosen)) {
        file.setProblem(t('error.too_large'));
        return file.input.focus();
      }
      file.setProblem(null);
      const early = await secondsToWait();
      if (early) {
        this.#wait(submit, status, early, false);
        return;
      }
      const { current } = await session.stored();
      if (current && !(await confirmReplaceVault())) return;
      submit.disabled = true;
      submit.textContent = t('unlock.working');
      const read = await readAhead.read(chosen);
      const result = read.error ? read : await session.restore(read.bytes, password.input.value);
      if (!result.error) readAhead.forget();
      submit.disabled = false;
      submit.textContent = t('restore.submit');
      if (result.error) {
        if (result.error.kind === 'wrong_password') this.#wait(submit, status, await passwordFailed(), true);
        else status.textContent = app.describeError(result.error);
        return;
      }
      await passwordSucceeded();
      password.input.value = '';
      app.unlocked({ ...result, restored: true });
      return;
    });
    secondsToWait().then((seconds) => this.#destroyed || this.#wait(submit, status, seconds, false));

    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'restore-title' },
      h('h2', { id: 'restore-title', tabindex: '-1', text: t('restore.title') }),
      h('p', { text: t('restore.intro') }),
      form);
  }

  #wait(submit, status, seconds, wrong) {
    this.#stopWait?.();
    this.#stopWait = null;
    status.textContent = wrong ? t('restore.wrong') : '';
    if (!seconds) return;
    status.textContent = `${status.textContent} ${t('unlock.wait', { count: seconds })}`.trim();
    this.#stopWait = countDown(submit, seconds, t('restore.submit'));
  }

  destroy() {
    this.#destroyed = true;
    this.#stopWait?.();
  }
}
