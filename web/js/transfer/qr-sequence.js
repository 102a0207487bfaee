// Shows QR codes one at a time (migration batches, or one account each for "move to phone"), with
// Previous / Next and a Done button that wipes them. Items with an id get their URI from the vault
// only when shown.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { qrCanvas } from './qr-canvas.js';
import { actionButton } from '../ui/action-button.js';

export class QrSequence {
  #index = 0;
  #items;

  constructor({ authcore, session, items, onClose }) {
    this.authcore = authcore;
    this.session = session;
    this.#items = items;
    this.title = h('h3', { tabindex: '-1' });
    this.holder = h('div', { class: 'qr-holder' });
    this.previous = actionButton(t('export.previous'), () => this.#go(-1));
    this.next = actionButton(t('export.next'), () => this.#go(1), { variant: 'primary' });
    const done = actionButton(t('export.done'), onClose);
    this.element = h('section', { class: 'card qr-sequence', 'aria-live': 'off' },
      this.title, h('p', { class: 'small-print', text: t('export.qrHint') }), this.holder,
      h('div', { class: 'button-row' }, this.previous, this.next, done));
    this.#render();
  }

  focus() {
    this.title.focus();
  }

  #go(delta) {
    this.#index = Math.min(this.#items.length - 1, Math.max(0, this.#index + delta));
    this.#render();
    this.title.focus();
  }

  async #render() {
    const item = this.#items[this.#index];
    const position = t('export.position', { n: this.#index + 1, total: this.#items.length });
    this.title.textContent = `${item.label} (${position})`;
    this.previous.disabled = this.#index === 0;
    this.next.disabled = this.#index === this.#items.length - 1;
    this.holder.replaceChildren();
    let text = item.text;
    if (!text) {
      const exported = await this.session.exportUri(item.id);
      if (exported.error) return;
      text = exported.uri;
    }
    const canvas = await qrCanvas(this.authcore, text, item.label);
    text = null;
    if (this.#items[this.#index] !== item) return;
    const failed = !(canvas instanceof HTMLCanvasElement);
    this.holder.replaceChildren(failed ? h('p', { class: 'notice error', text: t('error.generic') }) : canvas);
  }

  destroy() {
    this.holder.replaceChildren();
    this.#items = [];
  }
}
