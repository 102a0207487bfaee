// Settings: language, theme, auto-lock, backup (download, reminder, restore), sync, passkeys, password change,
// import/export, and the device clock with seconds so the user can compare it with a real clock.
// Each card is built in settings-sections.js; this class puts them in order and stops what they watch.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { ChangePasswordForm } from '../ui/change-password-form.js';
import { PasskeySettings } from '../ui/passkey-settings.js';
import {
  section, lookSection, clockSection, securitySection, backupSection, moveSection, storageSection,
} from './settings-sections.js';
import { syncSection } from './sync-section.js';

export class SettingsScreen {
  #clock = clockSection();
  #storage = storageSection();
  #sync;

  constructor({ app, session }) {
    this.password = new ChangePasswordForm({ app, session });
    this.passkeys = new PasskeySettings({ app, session });
    this.#sync = syncSection(app);
    this.element = h('section', { class: 'screen', 'aria-labelledby': 'settings-title' },
      h('h2', { id: 'settings-title', tabindex: '-1', text: t('settings.title') }),
      lookSection(),
      this.#clock.element,
      securitySection(app),
      backupSection(app, session),
      this.#sync.element,
      moveSection(app),
      section('settings-passkeys', t('passkey.title'), this.passkeys.element),
      this.#storage.element,
      section('settings-password', t('password.title'), this.password.element));
  }

  get busy() {
    return this.password.busy || this.passkeys.busy;
  }

  destroy() {
    this.#clock.stop();
    this.#storage.stop();
    this.#sync.stop();
    this.password.destroy();
    this.passkeys.destroy();
  }
}
