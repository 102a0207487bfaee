// A live preview of one staged candidate: issuer, account, parameters and the current code with its
// countdown. Used by the confirmation card after a scan or a pasted link. It holds only the
// candidate's id: the core computes the code (sessionCandidateCode), the secret stays in the worker.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { CountdownRing } from './countdown-ring.js';
import { groupCode, spokenCode } from './code-format.js';
import { everySecond, unixSeconds } from './second-ticker.js';

export class OtpPreview {
  #session;
  #id;
  #stopTicker = null;
  #ring = new CountdownRing();
  #code = h('span', { class: 'code-digits', 'aria-hidden': 'true' });
  #spoken = h('span', { class: 'sr-only' });
  #remaining = h('span', { class: 'sr-only' });

  /// candidate: the preview the core staged, {id, issuer, name, type, algorithm, digits, period, counter}.
  constructor(session, candidate) {
    this.#session = session;
    this.#id = candidate.id;
    const details = [
      [t('field.type'), t(`type.${candidate.type}`)],
      [t('field.algorithm'), candidate.algorithm],
      [t('field.digits'), String(candidate.digits)],
      candidate.type === 'hotp' ? [t('field.counter'), String(candidate.counter)] : [t('field.period'), t('unit.seconds', { count: candidate.period })],
    ];
    this.element = h('div', { class: 'otp-preview' },
      h('p', { class: 'preview-issuer', text: candidate.issuer || t('account.noIssuer') }),
      h('p', { class: 'preview-name', text: candidate.name }),
      h('p', { class: 'preview-code' }, this.#code, this.#spoken, candidate.type === 'hotp' ? null : this.#ring.element, this.#remaining),
      h('dl', { class: 'preview-details' }, details.map(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })])));
  }

  start() {
    this.#stopTicker = everySecond((now) => this.#refresh(now));
    return this;
  }

  async #refresh(now) {
    if (!this.#id) return;
    const result = await this.#session.candidateCode(this.#id, unixSeconds(now));
    if (!this.#id) return;
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
    this.#id = null;
  }
}
