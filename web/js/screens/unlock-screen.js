// Unlock: the password opens the stored vault, or one of its passkeys (offered once the core has
// read the stored file's passkey slots). A wrong password says so; after repeated failures the
// button waits a little longer each time, also after a reload (vault/password-throttle.js; the KDF
// is the real barrier, this slows guessing by hand and tells the user to slow down). A passkey that
// cannot unlock leaves the password path as it is.
import { h } from '../ui/dom.js';
import { t, prepareFormatters } from '../i18n/i18n.js';
import { passwordField, vaultUsernameField } from '../ui/form-field.js';
import { actionButton } from '../ui/action-button.js';
import { secondsToWait, passwordFailed, passwordSucceeded } from '../vault/password-throttle.js';
import { countDown } from '../ui/wait-button.js';
import { webauthnAvailable } from '../vault/webauthn-prf.js';

export class UnlockScreen {
  #stopWait = null;
  #destroyed = false;

  constructor({ app, session }, { reason } = {}) {
    this.app = app;
    this.session = session;
    const password = passwordField({ label: t('unlock.password'), autocomplete: 'current-password', required: true });
    const status = h('p', { role: 'alert', class: 'problem' });
    const submit = h('button', { type: 'submit', class: 'button primary', text: t('unlock.submit') });
    this.password = password;
    this.status = status;
    this.submit = submit;

    const form = h('form', { class: 'card', novalidate: true },
      vaultUsernameField(t('app.vaultUser')), password.element, status, h('div', { class: 'button-row' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#attempt();
    });
    // The first key typed starts a one-pass Argon2id in the worker, so the real one after the press
    // finds its memory mapped and its code optimised (session.warmUp). Not on showing the screen:
    // someone unlocking with a passkey never needs it.
    password.input.addEventListener('input', () => {
      session.warmUp();
      setTimeout(prepareFormatters); // after this key's echo, well before the press
    }, { once: true });
    this.passkeyButton = actionButton(t('unlock.passkey'), () => this.#attemptPasskey());
    this.passkeyButton.hidden = true; // until a passkey is known to work here (#offerPasskeys)
    this.passkeyStatus = h('p', { role: 'alert', class: 'problem' });
    const reasonText = reason && reason !== 'user' ? t(`lock.reason.${reason}`) : '';
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'unlock-title' },
      h('h2', { id: 'unlock-title', tabindex: '-1', text: t('unlock.title') }),
      reasonText ? h('p', { class: 'notice', text: reasonText }) : null,
      form,
      h('div', { class: 'button-row' }, this.passkeyButton),
      this.passkeyStatus,
      h('p', { class: 'small-print', text: t('unlock.forgot') }),
      h('div', { class: 'button-row' },
        actionButton(t('restore.open'), () => this.app.showRestore(), { variant: 'link' })));
    secondsToWait().then((seconds) => this.#destroyed || this.#wait(seconds, false));
    this.#offerPasskeys();
  }

  /// Shows "Unlock with passkey" when the stored vault has passkey slots and the browser has WebAuthn.
  /// Waits for the worker's module; the password field is usable meanwhile.
  async #offerPasskeys() {
    if (!webauthnAvailable()) return;
    const result = await this.session.storedPasskeys(); // an error (a build without passkeys) offers nothing
    if (!this.#destroyed && !result.error && result.passkeys.length) this.passkeyButton.hidden = false;
  }

  async #attemptPasskey() {
    this.passkeyStatus.textContent = '';
    this.passkeyButton.disabled = true;
    this.passkeyButton.textContent = t('unlock.passkeyWorking');
    const result = await this.session.unlockWithPasskey();
    this.passkeyButton.disabled = false;
    this.passkeyButton.textContent = t('unlock.passkey');
    if (!result.error) {
      passwordSucceeded();
      this.app.unlocked(result);
      return;
    }
    const wrong = result.error.kind === 'wrong_password';
    this.passkeyStatus.textContent = wrong ? t('unlock.passkeyWrong') : this.app.describeError(result.error);
    this.password.input.focus();
  }

  focusTarget() {
    return this.password.input;
  }

  async #attempt() {
    const value = this.password.input.value;
    if (!value) {
      this.password.setProblem(t('unlock.empty'));
      this.password.input.focus();
      return;
    }
    this.password.setProblem(null);
    this.status.textContent = '';
    this.submit.disabled = true;
    // The stored delay is checked here too, not only by the disabled button (another tab, a reload).
    // The vault is read meanwhile: two reads of IndexedDB at once, not one after the other.
    const reading = this.session.readStored();
    const early = await secondsToWait();
    if (early) {
      this.#wait(early, false);
      return;
    }
    this.submit.textContent = t('unlock.working');
    const result = await this.session.unlock(value, reading);
    if (!result.error) {
      passwordSucceeded(); // forgetting past failures need not hold up the codes (it never throws)
      this.password.input.value = '';
      this.app.unlocked(result);
      return;
    }
    this.submit.textContent = t('unlock.submit');
    if (result.error.kind === 'wrong_password') {
      this.password.input.select();
      this.status.textContent = t('unlock.wrong');
      this.#wait(await passwordFailed(), true);
    } else {
      this.submit.disabled = false;
      this.status.textContent = this.app.describeError(result.error);
    }
  }

  #wait(seconds, wrong) {
    this.#stopWait?.();
    this.#stopWait = null;
    if (!seconds) {
      this.submit.disabled = false;
      return;
    }
    const wait = t('unlock.wait', { count: seconds });
    this.status.textContent = wrong ? `${t('unlock.wrong')} ${wait}` : wait;
    this.#stopWait = countDown(this.submit, seconds, t('unlock.submit'));
  }

  destroy() {
    this.#destroyed = true;
    this.#stopWait?.();
    this.password.input.value = '';
  }
}
