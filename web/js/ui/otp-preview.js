// A live preview of one otpauth:// URI: issuer, account, parameters and the current code with its
// countdown. Used by the confirmation card after a scan and by "add by URI". The URI (which holds
// the secret) stays in this object and is dropped by stop().
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { CountdownRing } from './countdown-ring.js';
import { groupCode, spokenCode } from './code-format.js';
import { everySecond, unixSeconds } from './second-ticker.js';

export class OtpPreview {
  #authcore;
  #uri;
  #stopTicker = null;
  #ring = new CountdownRing();
  #code = h('span', { class: 'code-digits', 'aria-hidden': 'true' });
  #spoken = h('span', { class: 'sr-only' });
  #remaining = h('span', { class: 'sr-only' });

  /// account: the parsed {type, issuer, account, algorithm, digits, period|counter}.
  constructor(authcore, uri, account) {
    this.#authcore = authcore;
    this.#uri = uri;
    const details = [
      [t('field.type'), t(`type.${account.type}`)],
      [t('field.algorithm'), account.algorithm],
      [t('field.digits'), String(account.digits)],
      account.type === 'hotp' ? [t('field.counter'), String(account.counter)] : [t('field.period'), t('unit.seconds', { count: account.period })],
    ];
    this.element = h('div', { class: 'otp-preview' },
      h('p', { class: 'preview-issuer', text: account.issuer || t('account.noIssuer') }),
      h('p', { class: 'preview-name', text: account.account }),
      h('p', { class: 'preview-code' }, this.#code, this.#spoken, account.type === 'hotp' ? null : this.#ring.element, this.#remaining),
      h('dl', { class: 'preview-details' }, details.map(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })])));
  }

  start() {
    this.#stopTicker = everySecond((now) => this.#refresh(now));
    return this;
  }

  async #refresh(now) {
    if (!this.#uri) return;
    const result = await this.#authcore.call('codeForUri', this.#uri, unixSeconds(now));
    if (!this.#uri) return;
    if (result.error) {
      this.#code.textContent = '';
      this.#spoken.textContent = result.error.message;
      return;
    }
    this.#code.textContent = groupCode(result.code);
    this.#spoken.textContent = spokenCode(result.code);
    if (result.secondsRemaining !== undefined) {
      this.#ring.update(result.secondsRemaining, result.period);
      this.#remaining.textContent = t('code.secondsLeft', { count: result.secondsRemaining });
    }
  }

  stop() {
    this.#stopTicker?.();
    this.#stopTicker = null;
    this.#uri = null;
  }
}
