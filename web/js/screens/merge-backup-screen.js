// Restore a backup into the unlocked vault: the backup is merged (accounts added on either side are
// kept, the newer edit of each field wins, deletes hold only if newer), after a preview of what will
// change. Replacing the vault with the backup stays possible, as an explicit, confirmed choice.
// The backup is opened in wasm and held there until the merge, Cancel, leaving, or locking.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { field, passwordField } from '../ui/form-field.js';
import { actionButton } from '../ui/action-button.js';
import { confirmReplaceVault } from '../ui/confirm-questions.js';
import { showToast } from '../ui/announcer.js';
import { mergePreview, mergeSummary } from '../transfer/merge-preview.js';

export class MergeBackupScreen {
  #bytes = null;
  #previewing = false;

  constructor({ app, session }, options = {}) {
    this.app = app;
    this.session = session;
    this.file = field({ label: t('restore.file'), hint: t('restore.fileHint'), input: h('input', { type: 'file' }) });
    this.password = passwordField({ label: t('restore.password'), autocomplete: 'off' });
    this.status = h('p', { role: 'alert', class: 'problem' });
    this.submit = h('button', { type: 'submit', class: 'button primary', text: t('merge.preview') });
    this.#bytes = options.bytes ?? null;
    const form = h('form', { class: 'card', novalidate: true },
      options.bytes ? h('p', { text: t('merge.chosenFile', { name: options.fileName ?? '' }) }) : this.file.element,
      this.password.element, this.status,
      h('div', { class: 'button-row' }, this.submit,
        actionButton(t('common.back'), () => app.navigate('settings'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#preview();
    });
    this.stage = h('div', { class: 'screen' });
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'merge-title' },
      h('h2', { id: 'merge-title', tabindex: '-1', text: t('merge.title') }),
      h('p', { text: t('merge.intro') }),
      form, this.stage);
  }

  #problem(error) {
    this.stage.replaceChildren(h('p', { class: 'notice error', role: 'alert', text: this.app.describeError(error) }));
  }

  async #chosenBytes() {
    if (this.#bytes) return this.#bytes;
    const chosen = this.file.input.files?.[0];
    return chosen ? new Uint8Array(await chosen.arrayBuffer()) : null;
  }

  async #preview() {
    this.status.textContent = '';
    this.stage.replaceChildren();
    const bytes = await this.#chosenBytes();
    if (!bytes) {
      this.file.setProblem(t('restore.noFile'));
      return this.file.input.focus();
    }
    this.file.setProblem(null);
    this.submit.disabled = true;
    this.submit.textContent = t('unlock.working');
    const preview = await this.session.previewMerge(bytes, this.password.input.value);
    this.submit.disabled = false;
    this.submit.textContent = t('merge.preview');
    if (preview.error) {
      const wrong = preview.error.kind === 'wrong_password';
      this.status.textContent = wrong ? t('restore.wrong') : this.app.describeError(preview.error);
      return;
    }
    this.#previewing = true;
    const merge = actionButton(t('merge.confirm'), () => this.#merge(), { variant: 'primary' });
    const cancel = actionButton(t('common.cancel'), () => this.#cancel());
    const replace = actionButton(t('merge.replace'), () => this.#replace(bytes), { variant: 'danger' });
    this.stage.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'merge-preview-title' },
      h('h3', { id: 'merge-preview-title', tabindex: '-1', text: t('merge.previewTitle') }),
      mergePreview(preview),
      h('div', { class: 'button-row' }, merge, cancel),
      h('p', { class: 'small-print', text: t('merge.replaceHint') }),
      h('div', { class: 'button-row' }, replace)));
    this.stage.querySelector('h3').focus();
  }

  async #merge() {
    const result = await this.session.applyMerge();
    this.#previewing = false;
    if (result.error) {
      this.#problem(result.error);
      return;
    }
    this.password.input.value = '';
    showToast(t('merge.done', { summary: mergeSummary(result) }));
    this.app.navigate('accounts');
  }

  async #replace(bytes) {
    if (!(await confirmReplaceVault())) return;
    await this.session.discardMerge();
    this.#previewing = false;
    const password = this.password.input.value;
    this.password.input.value = '';
    const result = await this.session.restore(bytes, password);
    if (result.error) {
      this.#problem(result.error);
      return;
    }
    this.app.unlocked({ restored: true });
  }

  #cancel() {
    this.session.discardMerge();
    this.#previewing = false;
    this.stage.replaceChildren();
  }

  get busy() {
    return this.#previewing;
  }

  destroy() {
    if (this.session.unlocked) this.session.discardMerge();
    this.password.input.value = '';
    this.#bytes = null;
  }
}
