// Import: pick or drop an export file from another authenticator (or scan the QR codes of a Google
// Authenticator export), give its password if it has one, check the preview, confirm. All offline:
// the file is read and decrypted in wasm, in a throw-away worker that never holds the vault; the
// accounts it read are staged in the vault worker, and this screen holds their previews only.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { field, checkbox } from '../ui/form-field.js';
import { showToast } from '../ui/announcer.js';
import { ScanPanel } from '../scan/scan-panel.js';
import { MigrationBatches } from '../transfer/migration-batches.js';
import { importPreview, possibleDuplicates } from '../transfer/import-preview.js';
import { classifyText } from '../scan/scanned-text.js';
import { tooLarge } from '../transfer/file-size.js';
import { runImport } from '../transfer/import-sandbox.js';

// The vault file's magic, "\x89AUTHVLT" (docs/vault-format.md).
const VAULT_MAGIC = [0x89, 0x41, 0x55, 0x54, 0x48, 0x56, 0x4c, 0x54];
const isVaultFile = (bytes) => VAULT_MAGIC.every((byte, i) => bytes[i] === byte);

export class ImportScreen {
  #batches = new MigrationBatches();
  #pending = null; // {bytes, fileName} or {text} waiting for a password
  #accounts = [];

  constructor({ app, session, authcore }) {
    this.app = app;
    this.session = session;
    this.authcore = authcore;
    this.fileInput = h('input', { type: 'file', onchange: () => this.#readFile(this.fileInput.files?.[0]) });
    const fileField = field({ label: t('import.file'), hint: t('import.fileHint'), input: this.fileInput });
    this.drop = h('div', { class: 'drop-zone' }, h('p', { class: 'small-print', text: t('import.dropHint') }));
    this.drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.drop.classList.add('dragging');
    });
    this.drop.addEventListener('dragleave', () => this.drop.classList.remove('dragging'));
    this.drop.addEventListener('drop', (event) => {
      event.preventDefault();
      this.drop.classList.remove('dragging');
      this.#readFile(event.dataTransfer?.files?.[0]);
    });
    this.scan = new ScanPanel({ onResults: (results) => this.#scanned(results), setBusy: (busy) => app.setBusy('scan', busy) });
    this.stage = h('div', { class: 'screen' });
    this.element = h('section', { class: 'screen', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title', tabindex: '-1', text: t('import.title') }),
      h('p', { text: t('import.intro') }),
      h('div', { class: 'card' }, fileField.element, this.drop),
      h('div', {}, h('p', { class: 'small-print', text: t('import.scanHint') }), this.scan.element),
      this.stage);
  }

  handlePaste({ text, image }) {
    if (image) this.scan.decodeFiles([image], 'image');
    else if (text) this.#scanned([{ text, source: 'paste' }]);
  }

  #say(text, kind = 'notice') {
    this.stage.replaceChildren(h('p', { class: kind, role: 'alert', text }));
  }

  async #readFile(file) {
    if (!file) return;
    if (tooLarge(file)) {
      this.#say(t('error.too_large'), 'notice error');
      this.fileInput.value = '';
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isVaultFile(bytes)) {
      // A backup of this app: merged into the vault, not imported beside it as duplicates.
      this.app.navigate('merge', { bytes, fileName: file.name });
      return;
    }
    await this.#import({ bytes, fileName: file.name });
    this.fileInput.value = '';
  }

  async #scanned(results) {
    for (const { text } of results) {
      const kind = classifyText(text).kind;
      if (kind !== 'migration' && kind !== 'otpauth') {
        this.#say(t(`found.${kind === 'empty' ? 'text' : kind}`));
        continue;
      }
      await this.#import({ text });
    }
  }

  async #import(source, password) {
    // Read in a throw-away worker, never in the one holding the vault (transfer/import-sandbox.js).
    const extra = password === undefined ? [] : [password];
    const result = source.bytes
      ? await runImport(this.authcore, 'importFile', source.bytes, source.fileName, ...extra)
      : await runImport(this.authcore, 'importText', source.text, ...extra);
    if (result.error) {
      if (result.error.kind === 'password_required' || (result.error.kind === 'wrong_password' && password !== undefined)) {
        this.#askPassword(source, result.error.kind === 'wrong_password');
      } else {
        this.#say(this.app.describeError(result.error), 'notice error');
      }
      return;
    }
    this.#pending = null;
    if (result.migration) {
      // A part read before: its accounts are staged already.
      if (!this.#batches.add(result)) this.#discard(result.accounts);
      const missing = this.#batches.missing;
      if (missing.length) {
        this.#showProgress(missing);
        return;
      }
      const { accounts, problems } = this.#batches.collected();
      this.#batches.clear();
      this.#showPreview({ format: result.format, accounts, problems });
      return;
    }
    this.#showPreview(result);
  }

  #askPassword(source, wrong) {
    this.#pending = source;
    const password = field({ label: t('import.password'), input: h('input', { type: 'password', autocomplete: 'off' }) });
    if (wrong) password.setProblem(t('import.wrongPassword'));
    const form = h('form', { class: 'card', novalidate: true },
      h('p', { text: t('import.encrypted') }), password.element,
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button primary', text: t('import.open') })));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = password.input.value;
      password.input.value = '';
      this.#import(this.#pending, value);
    });
    this.stage.replaceChildren(form);
    password.input.focus();
  }

  #showProgress(missing) {
    this.stage.replaceChildren(h('div', { class: 'notice', role: 'status' },
      h('p', { text: t('import.partsRead', { count: this.#batches.partsRead, total: this.#batches.partsTotal }) }),
      h('p', { text: t('import.partsMissing', { parts: missing.join(', ') }) }),
      h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'button', text: t('import.importPartial'), onclick: () => {
        const collected = this.#batches.collected();
        this.#batches.clear();
        this.#showPreview({ ...collected, format: 'google-migration' });
      } }))));
  }

  #showPreview({ accounts, problems }) {
    this.#discard(this.#accounts); // an earlier file's preview, not saved
    this.#accounts = accounts;
    if (!accounts.length) {
      this.#say(problems.length ? t('import.nothingReadable') : t('import.empty'), 'notice error');
      return;
    }
    const duplicates = possibleDuplicates(accounts, this.session.entries);
    const keepBoth = checkbox({ label: t('import.keepDuplicates') });
    const button = h('button', { type: 'button', class: 'button primary', text: t('import.confirm', { count: accounts.length }), onclick: () => this.#confirm(keepBoth.input.checked) });
    this.stage.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'import-preview-title' },
      h('h3', { id: 'import-preview-title', tabindex: '-1', text: t('import.previewTitle', { count: accounts.length }) }),
      importPreview({ accounts, problems, duplicates }),
      duplicates.some(Boolean) ? keepBoth.element : null,
      h('div', { class: 'button-row' }, button, h('button', { type: 'button', class: 'button', text: t('common.cancel'), onclick: () => this.#reset() }))));
    this.stage.querySelector('h3').focus();
  }

  async #confirm(allowDuplicates) {
    const accounts = this.#accounts;
    const result = await this.session.saveImport(accounts.map((account) => account.id), { allowDuplicates });
    if (result.error) {
      this.#say(this.app.describeError(result.error), 'notice error');
      return;
    }
    const skipped = accounts.filter((account) => result.skipped.includes(account.id)).map((account) => [account.issuer, account.name].filter(Boolean).join(' – '));
    this.#accounts = [];
    const lines = [t('import.added', { count: result.added.length })];
    if (skipped.length) lines.push(t('import.skipped', { count: skipped.length, names: skipped.join('; ') }));
    showToast(lines[0]);
    this.stage.replaceChildren(h('div', { class: 'notice', role: 'status' }, lines.map((line) => h('p', { text: line })),
      h('button', { type: 'button', class: 'button primary', text: t('nav.accounts'), onclick: () => this.app.navigate('accounts') })));
  }

  /// Staged previews the user did not save leave the vault worker's staging.
  #discard(accounts) {
    if (!this.session.unlocked) return;
    for (const { id } of accounts) this.session.discardCandidate(id);
  }

  #reset() {
    this.#discard([...this.#accounts, ...this.#batches.collected().accounts]);
    this.#accounts = [];
    this.#batches.clear();
    this.stage.replaceChildren();
  }

  get busy() {
    return Boolean(this.scan.busy) || this.#accounts.length > 0;
  }

  destroy() {
    this.scan.destroy();
    this.#reset();
    this.#pending = null;
  }
}
