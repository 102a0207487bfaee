// "Paste an otpauth:// link": the text is read from the field once and staged in the core, which
// says what it is (an account, a migration export, a web link, text); the page gets previews back,
// never the secret. An account then shows on the confirmation card; the field is cleared once it is
// saved.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { field } from './form-field.js';
import { ConfirmCard } from './confirm-card.js';

export class UriEntry {
  #card = null;

  /// onStaged(staged, source) for every text the core staged; onSaved(entry), onCancel() for the
  /// confirmation card that showCandidate() opened.
  constructor({ app, session }, { onStaged, onSaved, onCancel } = {}) {
    this.context = { app, session };
    this.onStaged = onStaged;
    this.onSaved = onSaved;
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
      this.stage(this.uri.input.value, 'paste');
    });
    this.element = h('div', { class: 'screen' }, form, this.result);
  }

  /// Stages any text (typed, pasted) in the core; a problem lands on the field.
  async stage(text, source) {
    this.#clear();
    const staged = await this.context.session.stageText(text);
    if (staged.error) {
      this.uri.setProblem(this.context.app.describeError(staged.error));
      return;
    }
    if (staged.kind === 'empty') {
      this.uri.setProblem(t('uri.empty'));
      return;
    }
    this.uri.setProblem(null);
    this.onStaged?.(staged, source);
  }

  /// The confirmation card for one staged candidate.
  showCandidate(candidate, source) {
    this.#clear();
    const { app, session } = this.context;
    this.#card = new ConfirmCard({
      app, session, candidate, source,
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
    this.#card = null;
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
