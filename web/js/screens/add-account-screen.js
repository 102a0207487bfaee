// Add an account: scan a QR code (camera, screen, image file, paste), paste an otpauth:// link, or
// type the details by hand. Whatever is read ends on the confirmation card, one at a time; nothing
// is saved without the user pressing Save.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { showToast } from '../ui/announcer.js';
import { UriEntry } from '../ui/uri-entry.js';
import { ManualEntryForm } from '../ui/manual-entry-form.js';
import { ScanPanel } from '../scan/scan-panel.js';
import { excerpt } from '../app/qr-content.js';

export class AddAccountScreen {
  #queue = [];

  constructor(context, options = {}) {
    const { app } = context;
    this.app = app;
    this.found = h('div', { class: 'found-messages' });
    this.uriEntry = new UriEntry(context, {
      onSaved: (entry) => this.#saved(entry),
      onCancel: () => this.#next(),
      onFound: (found) => this.#showFound(found),
    });
    this.manual = new ManualEntryForm({ ...context, onSaved: (entry) => this.#saved(entry) });
    this.scan = app.has('decodeQr') ? new ScanPanel({ onResults: (results) => this.handleResults(results), setBusy: (busy) => app.setBusy('scan', busy) }) : null;
    this.element = h('section', { class: 'screen', 'aria-labelledby': 'add-title' },
      h('h2', { id: 'add-title', tabindex: '-1', text: t('add.title') }),
      this.scan?.element ?? h('p', { class: 'notice', text: t('scan.unavailable') }),
      this.found,
      this.uriEntry.element,
      this.manual.element);
    if (options.text || options.image) queueMicrotask(() => this.handlePaste(options));
  }

  /// From the paste handler: {text} or {image}.
  handlePaste({ text, image }) {
    if (image && this.scan) this.scan.decodeFiles([image], 'image');
    else if (image) this.#showMessage(t('scan.unavailable'));
    else if (text) this.handleResults([{ text, source: 'paste' }]);
  }

  handleResults(results) {
    this.found.replaceChildren();
    this.#queue.push(...results);
    if (!this.uriEntry.busy) this.#next();
  }

  #next() {
    const item = this.#queue.shift();
    if (item) this.uriEntry.handleText(item.text, item.source);
  }

  #saved(entry) {
    showToast(t('add.saved', { account: entry?.issuer || entry?.name || '' }));
    if (this.#queue.length) this.#next();
    else this.app.navigate('accounts');
  }

  #showMessage(text) {
    this.found.append(h('p', { class: 'notice', role: 'alert', text }));
  }

  /// A QR or paste that is not an otpauth:// URI: say what it is; offer the import for migrations.
  #showFound(found) {
    const parts = [h('p', {}, h('strong', { text: t(`found.${found.kind}`) }))];
    if (found.kind === 'link' || found.kind === 'text') parts.push(h('p', { class: 'small-print', text: t('found.content', { text: excerpt(found.text) }) }));
    if (found.kind === 'migration' && this.app.has('importText')) {
      parts.push(h('button', { type: 'button', class: 'button primary', text: t('found.openImport'),
        onclick: () => this.app.navigate('import', { texts: [found.text] }) }));
    }
    this.found.append(h('div', { class: 'notice', role: 'alert', dataset: { found: found.kind } }, parts));
    this.#next();
  }

  get busy() {
    return this.uriEntry.busy || Boolean(this.scan?.busy) || this.manual.dirty;
  }

  destroy() {
    this.scan?.destroy();
    this.uriEntry.destroy();
  }
}
