// Milestone 1 shell: a live code for a sample account, computed in the worker through codeForUri.
import { h, clear } from '../ui/dom.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { OtpPreview } from '../ui/otp-preview.js';

const SAMPLE_URI = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30';

export class App {
  #authcore;
  #main;
  #preview = null;
  #idleCallbacks = [];

  constructor({ authcore, main }) {
    this.#authcore = authcore;
    this.#main = main;
    onLanguageChange(() => this.start());
  }

  isBusy() {
    return false;
  }

  onIdle(callback) {
    this.#idleCallbacks.push(callback);
  }

  async start() {
    this.#preview?.stop();
    const parsed = await this.#authcore.call('parseOtpauthUri', SAMPLE_URI);
    if (parsed.error) {
      clear(this.#main).append(h('p', { class: 'notice error', role: 'alert', text: t('app.moduleFailed') }));
      return;
    }
    this.#preview = new OtpPreview(this.#authcore, SAMPLE_URI, parsed.account).start();
    clear(this.#main).append(h('section', { class: 'screen narrow', 'aria-labelledby': 'demo-title' },
      h('h2', { id: 'demo-title', text: t('demo.title') }),
      h('p', { class: 'muted', text: t('demo.intro') }),
      h('div', { class: 'card' }, this.#preview.element)));
  }
}
