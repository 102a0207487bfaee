// The card shown after an account was read (scan, paste, file) and staged in the core: what will be
// saved and the live code, so the user can check it against the site before saving. It knows the
// candidate's id and preview, never its secret. Nothing is saved until the user presses Save.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { OtpPreview } from './otp-preview.js';
import { field } from './form-field.js';
import { confirmDuplicate } from './confirm-questions.js';
import { groupNames } from '../accounts/account-order.js';

export class ConfirmCard {
  #preview = null;

  /// candidate: a staged preview; onSaved(entry) after a successful save; onCancel() when dismissed
  /// (the candidate is dropped then).
  constructor({ app, session, candidate, source, onSaved, onCancel }) {
    this.#preview = new OtpPreview(session, candidate).start();
    const group = field({ label: t('field.group'), hint: t('field.groupHint'),
      input: h('input', { type: 'text', autocomplete: 'off', maxlength: 100, list: 'confirm-groups' }) });
    const status = h('p', { role: 'alert', class: 'problem' });
    const save = h('button', { type: 'button', class: 'button primary', text: t('confirm.save') });
    const unlocked = session.unlocked;
    save.addEventListener('click', async () => {
      save.disabled = true;
      const saveAs = (allowDuplicates) => session.saveCandidates([candidate.id], {
        group: group.input.value.trim(), allowDuplicates,
      });
      let result = await saveAs(false);
      if (result.error?.kind === 'duplicate' && await confirmDuplicate()) {
        result = await saveAs(true);
      }
      save.disabled = false;
      if (result.error) {
        if (result.error.kind !== 'duplicate') status.textContent = app.describeError(result.error);
        return;
      }
      this.destroy();
      onSaved?.(result.added[0]);
    });
    this.element = h('section', { class: 'card confirm-card', 'aria-labelledby': 'confirm-title' },
      h('h3', { id: 'confirm-title', tabindex: '-1', text: t('confirm.title') }),
      source ? h('p', { class: 'small-print', text: t(`confirm.source.${source}`) }) : null,
      this.#preview.element,
      h('p', { class: 'small-print', text: t('confirm.check') }),
      unlocked ? group.element : h('p', { class: 'notice', text: t('confirm.locked') }),
      h('datalist', { id: 'confirm-groups' }, groupNames(session.entries).map((value) => h('option', { value }))),
      status,
      h('div', { class: 'button-row' }, unlocked ? save : null,
        h('button', { type: 'button', class: 'button', text: t('common.cancel'), onclick: () => {
          this.destroy();
          session.discardCandidate(candidate.id);
          onCancel?.();
        } })));
  }

  focus() {
    this.element.querySelector('h3')?.focus();
  }

  destroy() {
    this.#preview?.stop();
    this.#preview = null;
  }
}
