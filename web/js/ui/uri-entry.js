// "Paste an otpauth:// link": parse it in the worker and show the confirmation card. Anything that
// is not an otpauth:// URI gets a message saying what it is (a migration export, a web link, text).
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { field } from './form-field.js';
import { ConfirmCard } from './confirm-card.js';
import { OtpPreview } from './otp-preview.js';
import { classifyText } from '../app/qr-content.js';

export class UriEntry {
  #card = null;
  #preview = null;

  /// previewOnly: no vault in this build, show the code without a Save button.
  constructor({ app, session, authcore }, { previewOnly = false, onSaved, onFound, onCancel } = {}) {
    this.context = { app, session, authcore };
    this.previewOnly = previewOnly;
    this.onSaved = onSaved;
    this.onFound = onFound;
    this.onCancel = onCancel;
    this.uri = field({ label: t('uri.label'), hint: t('uri.hint'),
      input: h('textarea', { rows: 2, autocomplete: 'off', spellcheck: 'false', class: 'secret-input' }) });
    this.status = h('div', { role: 'status' });
    this.result = h('div');
    const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'uri-title' },
      h('h3', { id: 'uri-title', text: t('uri.title') }),
      this.uri.element,
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button primary', text: t('uri.check') })),
      this.status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.handleText(this.uri.input.value, 'paste');
    });
    this.element = h('div', { class: 'screen' }, form, this.result);
  }

  /// Handles any text (typed, pasted, or read from a QR code); source names where it came from.
  async handleText(text, source) {
    this.#clear();
    const found = classifyText(text);
    if (found.kind === 'empty') {
      this.uri.setProblem(t('uri.empty'));
      return;
    }
    if (found.kind !== 'otpauth') {
      this.onFound?.(found);
      if (!this.onFound) this.status.replaceChildren(h('p', { class: 'notice', text: t(`found.${found.kind}`) }));
      return;
    }
    const { authcore, session, app } = this.context;
    const parsed = await authcore.call('parseOtpauthUri', found.text);
    if (parsed.error) {
      this.uri.setProblem(app.describeError(parsed.error));
      return;
    }
    this.uri.setProblem(null);
    if (this.previewOnly) {
      this.#preview = new OtpPreview(authcore, found.text, parsed.account).start();
      this.result.replaceChildren(h('div', { class: 'card' }, this.#preview.element));
      return;
    }
    this.#card = new ConfirmCard({
      app, session, authcore, uri: found.text, account: parsed.account, source,
      onSaved: (entry) => {
        this.uri.input.value = '';
        this.#clear();
        this.onSaved?.(entry);
      },
      onCancel: () => {
        this.#clear();
        this.onCancel?.();
      },
    });
    this.result.replaceChildren(this.#card.element);
    this.#card.focus();
  }

  #clear() {
    this.#card?.destroy();
    this.#preview?.stop();
    this.#card = null;
    this.#preview = null;
    this.result.replaceChildren();
    this.status.replaceChildren();
  }

  get busy() {
    return Boolean(this.#card);
  }

  destroy() {
    this.#clear();
  }
}
