// Export: the encrypted backup, or (behind a clear warning) the accounts in the clear as an
// otpauth:// list, Aegis JSON, Google Authenticator migration QR codes, or one QR per account to
// move to a phone. Secrets leave the worker only after the user confirms, and QR codes are shown
// one at a time.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { confirmDialog } from '../ui/dialog.js';
import { showToast } from '../ui/announcer.js';
import { downloadBackup, downloadBytes } from '../storage/backup-file.js';
import { QrSequence } from '../transfer/qr-sequence.js';
import { actionButton } from '../ui/action-button.js';
import { accountLabel } from '../accounts/account-label.js';

/// One way out: a card with a title, what it gives and the button that does it.
function exportOption(id, title, text, button) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h3', { id, text: title }), h('p', { text }), button);
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

export class ExportScreen {
  #sequence = null;

  constructor({ app, session, authcore }) {
    this.app = app;
    this.session = session;
    this.authcore = authcore;
    this.stage = h('div', { class: 'screen' });
    this.element = h('section', { class: 'screen', 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title', tabindex: '-1', text: t('export.title') }),
      exportOption('export-backup', t('export.backupTitle'), t('export.backupText'),
        actionButton(t('backup.download'), async () => {
          if (await downloadBackup(session)) showToast(t('backup.downloaded'));
        })),
      h('p', { class: 'notice warning', text: t('export.plainWarning') }),
      exportOption('export-phone', t('export.phoneTitle'), t('export.phoneText'),
        actionButton(t('export.phoneButton'), () => this.#phone())),
      exportOption('export-google', t('export.googleTitle'), t('export.googleText'),
        actionButton(t('export.googleButton'), () => this.#google())),
      exportOption('export-aegis', t('export.aegisTitle'), t('export.aegisText'),
        actionButton(t('export.aegisButton'), () => this.#file('aegis'))),
      exportOption('export-otpauth', t('export.otpauthTitle'), t('export.otpauthText'),
        actionButton(t('export.otpauthButton'), () => this.#file('otpauth'))),
      this.stage);
  }

  #confirmPlain(kind) {
    return confirmDialog({
      title: t('export.confirmTitle'),
      message: t(`export.confirm.${kind}`),
      confirmLabel: t('export.confirmButton'),
      danger: true,
    });
  }

  async #uris() {
    const result = await this.session.exportUris();
    return result.error ? (this.#say(this.app.describeError(result.error)), null) : result.uris;
  }

  #say(text) {
    this.stage.replaceChildren(h('p', { class: 'notice error', role: 'alert', text }));
  }

  #skippedNotice(skipped) {
    if (!skipped?.length) return null;
    const entries = this.session.entries;
    return h('div', { class: 'notice warning' },
      h('p', { text: t('export.skipped', { count: skipped.length }) }),
      h('ul', {}, skipped.map(({ index, reason }) => h('li', { text: `${accountLabel(entries[index])}: ${reason}` }))));
  }

  async #file(format) {
    if (!(await this.#confirmPlain(format))) return;
    const uris = await this.#uris();
    if (!uris) return;
    const result = await this.authcore.call('exportAccounts', uris, format);
    uris.length = 0;
    if (result.error) return this.#say(this.app.describeError(result.error));
    const name = format === 'aegis' ? `aegis-export-${today()}.json` : `otpauth-accounts-${today()}.txt`;
    downloadBytes(new TextEncoder().encode(result.text), name, format === 'aegis' ? 'application/json' : 'text/plain');
    const downloaded = h('p', { class: 'notice', role: 'status', text: t('export.downloaded', { file: name }) });
    this.stage.replaceChildren(downloaded, this.#skippedNotice(result.skipped));
  }

  async #google() {
    if (!(await this.#confirmPlain('google'))) return;
    const uris = await this.#uris();
    if (!uris) return;
    const result = await this.authcore.call('exportAccounts', uris, 'google-migration');
    uris.length = 0;
    if (result.error) return this.#say(this.app.describeError(result.error));
    const total = result.uris.length;
    const batches = result.uris.map((text, index) => ({ text, label: t('export.batch', { n: index + 1, total }) }));
    this.#show(batches, this.#skippedNotice(result.skipped));
  }

  async #phone() {
    if (!(await this.#confirmPlain('phone'))) return;
    const items = this.session.entries.map((entry) => ({ id: entry.id, label: accountLabel(entry) }));
    this.#show(items.map((item) => ({ ...item, text: null })));
  }

  #show(items, notice = null) {
    this.#sequence?.destroy();
    const onClose = () => this.#close();
    this.#sequence = new QrSequence({ authcore: this.authcore, session: this.session, items, onClose });
    this.stage.replaceChildren(notice ?? '', this.#sequence.element);
    this.app.setBusy('export', true);
    this.#sequence.focus();
  }

  #close() {
    this.#sequence?.destroy();
    this.#sequence = null;
    this.stage.replaceChildren();
    this.app.setBusy('export', false);
  }

  destroy() {
    this.#close();
  }
}
