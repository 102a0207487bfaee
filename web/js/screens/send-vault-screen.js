// Send every account to another device by QR (docs/sync.md, "Move to another device"): the core
// makes a copy under a new key whose only password is a one-time code; the copy is shown as a loop
// of QR codes (transfer/vault-frames.js), the code in large print beside it. The other device
// scans the loop (Settings -> Receive from another device) and the user types the code there.
// The copy and the code live only on this screen: leaving it or locking drops both.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { actionButton } from '../ui/action-button.js';
import { drawQr } from '../transfer/qr-canvas.js';
import { framesOf } from '../transfer/vault-frames.js';

/// How long each part stays on screen: five codes a second, which a 30 fps webcam sees six times
/// each (tests/e2e/transfer.test.mjs measures the whole transfer).
export const FRAME_MS = 200;

/// "ABCDEFGHJK" as "ABCDE-FGHJK": two groups are easier to read out and type.
export function groupedCode(code) {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export class SendVaultScreen {
  #frames = [];
  #index = 0;
  #timer = null;
  #drawing = false;
  #destroyed = false;

  constructor({ app, session, authcore }) {
    this.app = app;
    this.session = session;
    this.authcore = authcore;
    this.start = actionButton(t('send.start'), () => this.#begin(), { variant: 'primary' });
    this.stage = h('div', { class: 'screen' });
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'send-title' },
      h('h2', { id: 'send-title', tabindex: '-1', text: t('send.title') }),
      h('p', { text: t('send.intro') }),
      h('div', { class: 'button-row' }, this.start, actionButton(t('common.back'), () => app.navigate('settings'))),
      this.stage);
  }

  async #begin() {
    this.start.disabled = true;
    this.start.textContent = t('unlock.working');
    const copy = await this.session.transferCopy();
    if (this.#destroyed) return;
    this.start.hidden = true;
    if (copy.error) {
      this.stage.replaceChildren(h('p', { class: 'notice error', role: 'alert', text: this.app.describeError(copy.error) }));
      return;
    }
    this.#frames = framesOf(copy.file);
    copy.file.fill(0);
    if (!this.#frames.length) {
      this.stage.replaceChildren(h('p', { class: 'notice error', role: 'alert', text: t('send.tooLarge') }));
      return;
    }
    this.canvas = h('canvas', { class: 'qr-canvas transfer-qr', role: 'img', 'aria-label': t('send.qrLabel') });
    this.position = h('p', { class: 'small-print transfer-position', 'aria-live': 'off' });
    this.pause = actionButton(t('send.pause'), () => this.#togglePause());
    const code = h('p', { class: 'transfer-code', text: groupedCode(copy.code) });
    this.stage.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'send-code-title' },
      h('h3', { id: 'send-code-title', tabindex: '-1', text: t('send.codeTitle') }),
      code,
      h('p', { class: 'small-print', text: t('send.codeHint') }),
      this.canvas, this.position,
      h('div', { class: 'button-row' }, this.pause, actionButton(t('export.done'), () => this.app.navigate('settings')))));
    this.stage.querySelector('h3').focus();
    this.#show();
    this.#timer = setInterval(() => this.#next(), FRAME_MS);
  }

  #togglePause() {
    if (this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
      this.pause.textContent = t('send.resume');
    } else {
      this.#timer = setInterval(() => this.#next(), FRAME_MS);
      this.pause.textContent = t('send.pause');
    }
  }

  #next() {
    // A slow draw skips a beat rather than queueing: the loop comes round again anyway.
    if (this.#drawing) return;
    this.#index = (this.#index + 1) % this.#frames.length;
    this.#show();
  }

  async #show() {
    this.#drawing = true;
    const index = this.#index;
    const qr = await this.authcore.call('encodeQr', this.#frames[index], { scale: 5, margin: 4 });
    this.#drawing = false;
    if (this.#destroyed || qr.error) return;
    drawQr(this.canvas, qr);
    this.canvas.dataset.part = String(index + 1);
    this.position.textContent = t('send.position', { n: index + 1, total: this.#frames.length });
  }

  destroy() {
    this.#destroyed = true;
    clearInterval(this.#timer);
    this.#timer = null;
    this.#frames = [];
    this.stage.replaceChildren();
  }
}
