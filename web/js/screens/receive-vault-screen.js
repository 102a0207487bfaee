// Receive every account from another device by QR: the camera (or a shared screen, or image files)
// reads the other device's loop of codes, parts in any order, repeats ignored, progress shown; then
// the user types the one-time code shown there, sees what merging will change, and merges. Nothing is
// saved before the merge; accounts already here stay (the same account on both is one account).
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { field } from '../ui/form-field.js';
import { actionButton } from '../ui/action-button.js';
import { showToast } from '../ui/announcer.js';
import { ScanPanel } from '../scan/scan-panel.js';
import { FrameCollector, isVaultFrame } from '../transfer/vault-frames.js';
import { mergePreview, mergeSummary } from '../transfer/merge-preview.js';

export class ReceiveVaultScreen {
  #collector = new FrameCollector();
  #bytes = null;
  #previewing = false;

  constructor({ app, session }) {
    this.app = app;
    this.session = session;
    this.scan = new ScanPanel({
      continuous: true,
      onResults: (results) => this.#scanned(results),
      setBusy: (busy) => app.setBusy('scan', busy),
    });
    this.progress = h('progress', { max: '1', value: '0', 'aria-labelledby': 'receive-progress-text' });
    this.progressText = h('p', { id: 'receive-progress-text', role: 'status', text: t('receive.waiting') });
    this.stage = h('div', { class: 'screen' });
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'receive-title' },
      h('h2', { id: 'receive-title', tabindex: '-1', text: t('receive.title') }),
      h('p', { text: t('receive.intro') }),
      this.scan.element,
      h('section', { class: 'card transfer-progress' }, this.progressText, this.progress),
      this.stage,
      h('div', { class: 'button-row' }, actionButton(t('common.back'), () => app.navigate('settings'))));
  }

  #scanned(results) {
    if (this.#bytes) return;
    let other = false;
    for (const { text } of results) {
      if (!isVaultFrame(text)) {
        other = true;
        continue;
      }
      const status = this.#collector.add(text);
      if (status === 'restarted') showToast(t('receive.restarted'));
    }
    if (other && !this.#collector.received) this.progressText.textContent = t('receive.notTransfer');
    else this.#showProgress();
    if (this.#collector.complete) this.#complete();
  }

  #showProgress() {
    const { received, total } = this.#collector;
    this.progress.max = String(total || 1);
    this.progress.value = String(received);
    this.progressText.textContent = t('receive.progress', { n: received, total });
  }

  #complete() {
    this.#bytes = this.#collector.bytes();
    this.#collector.clear();
    if (!this.#bytes) {
      // Parts that do not make a file (a broken sender): start over rather than keep them.
      this.scan.finish(t('receive.broken'));
      this.progressText.textContent = t('receive.broken');
      return;
    }
    this.scan.finish(t('receive.allParts'));
    this.progressText.textContent = t('receive.allParts');
    this.code = field({ label: t('receive.code'), hint: t('receive.codeHint'), input: h('input', {
      type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '24',
      class: 'transfer-code-input',
    }) });
    this.status = h('p', { role: 'alert', class: 'problem' });
    this.submit = h('button', { type: 'submit', class: 'button primary', text: t('merge.preview') });
    const form = h('form', { class: 'card', novalidate: true }, this.code.element, this.status,
      h('div', { class: 'button-row' }, this.submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#preview();
    });
    this.stage.replaceChildren(form);
    this.code.input.focus();
  }

  async #preview() {
    this.status.textContent = '';
    this.submit.disabled = true;
    this.submit.textContent = t('unlock.working');
    const preview = await this.session.previewTransfer(this.#bytes, this.code.input.value);
    this.submit.disabled = false;
    this.submit.textContent = t('merge.preview');
    if (preview.error) {
      const kind = preview.error.kind;
      this.status.textContent = kind === 'wrong_password' || (kind === 'invalid_argument' && preview.error.field === 'code')
        ? t('receive.wrongCode') : this.app.describeError(preview.error);
      return;
    }
    this.#previewing = true;
    const merge = actionButton(t('merge.confirm'), () => this.#merge(), { variant: 'primary' });
    const section = h('section', { class: 'card', 'aria-labelledby': 'receive-preview-title' },
      h('h3', { id: 'receive-preview-title', tabindex: '-1', text: t('merge.previewTitle') }),
      mergePreview(preview),
      h('div', { class: 'button-row' }, merge, actionButton(t('common.cancel'), () => this.#cancel())));
    this.stage.replaceChildren(section);
    section.querySelector('h3').focus();
  }

  async #merge() {
    const result = await this.session.applyMerge();
    this.#previewing = false;
    if (result.error) {
      this.stage.replaceChildren(h('p', { class: 'notice error', role: 'alert', text: this.app.describeError(result.error) }));
      return;
    }
    this.#bytes = null;
    showToast(t('receive.done', { summary: mergeSummary(result) }));
    this.app.navigate('accounts');
  }

  #cancel() {
    this.session.discardMerge();
    this.#previewing = false;
    this.#bytes = null;
    this.stage.replaceChildren();
    this.#showProgress();
  }

  get busy() {
    return this.scan.busy || this.#previewing || Boolean(this.#bytes);
  }

  destroy() {
    this.scan.destroy();
    if (this.#previewing && this.session.unlocked) this.session.discardMerge();
    this.#bytes = null;
    this.#collector.clear();
  }
}
