// Settings -> Passkeys: the passkeys that unlock this vault (each named, removable) and a form that
// creates a new one. The password always stays; removing the last passkey leaves it as it is.
import { h, clear } from './dom.js';
import { t } from '../i18n/i18n.js';
import { field } from './form-field.js';
import { showToast } from './announcer.js';
import { webauthnAvailable } from '../vault/webauthn-prf.js';

const MAX_NAME_BYTES = 64; // the vault format's limit (docs/vault-format.md)

export class PasskeySettings {
  #app;
  #session;
  #list = h('ul', { class: 'passkey-list', 'aria-label': t('passkey.list') });

  constructor({ app, session }) {
    this.#app = app;
    this.#session = session;
    const nameInput = h('input', { type: 'text', autocomplete: 'off', maxlength: MAX_NAME_BYTES });
    this.name = field({ label: t('passkey.name'), hint: t('passkey.nameHint'), input: nameInput });
    this.status = h('p', { role: 'alert', class: 'problem' });
    this.submit = h('button', { type: 'submit', class: 'button', text: t('passkey.add') });
    const form = h('form', { novalidate: true },
      this.name.element, this.status, h('div', { class: 'button-row' }, this.submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#add();
    });
    const available = webauthnAvailable();
    this.element = h('div', {},
      h('p', { text: t('passkey.intro') }),
      this.#list,
      available ? form : h('p', { class: 'notice', text: t('passkey.unavailable') }));
    this.refresh();
  }

  get busy() {
    return Boolean(this.name.input.value) || this.submit.disabled;
  }

  async refresh() {
    const result = await this.#session.passkeys();
    if (!result.error) this.#render(result.passkeys);
  }

  #render(passkeys) {
    clear(this.#list);
    if (!passkeys.length) {
      this.#list.append(h('li', { class: 'small-print', text: t('passkey.none') }));
      return;
    }
    for (const passkey of passkeys) {
      this.#list.append(h('li', { class: 'passkey' },
        h('span', { class: 'passkey-name', text: passkey.name }),
        h('button', {
          type: 'button', class: 'button small', text: t('passkey.remove'),
          'aria-label': t('passkey.removeLabel', { name: passkey.name }), onclick: () => this.#remove(passkey),
        })));
    }
  }

  async #add() {
    const name = this.name.input.value.trim();
    this.status.textContent = '';
    if (!name) {
      this.name.setProblem(t('passkey.nameMissing'));
      return this.name.input.focus();
    }
    if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) {
      this.name.setProblem(t('passkey.nameTooLong'));
      return this.name.input.focus();
    }
    this.name.setProblem(null);
    this.submit.disabled = true;
    this.submit.textContent = t('passkey.adding');
    const userName = `${t('app.vaultUser')} (${name})`;
    const result = await this.#session.addPasskey(name, { userName, displayName: t('app.name') });
    this.submit.disabled = false;
    this.submit.textContent = t('passkey.add');
    if (result.error) {
      this.status.textContent = this.#app.describeError(result.error);
      return;
    }
    this.name.input.value = '';
    this.#render(result.passkeys ?? []);
    showToast(t('passkey.added', { name }));
  }

  async #remove(passkey) {
    const result = await this.#session.removePasskey(passkey.credentialId);
    if (result.error) {
      this.status.textContent = this.#app.describeError(result.error);
      return;
    }
    this.#render(result.passkeys ?? []);
    showToast(t('passkey.removed', { name: passkey.name }));
  }

  destroy() {
    this.name.input.value = '';
  }
}
