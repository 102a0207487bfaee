// Add an account: scan a QR code (camera, screen, image file, paste), paste an otpauth:// link, or
// type the details by hand. Whatever is read is staged in the core (the secret stays in the worker)
// and ends on the confirmation card, one candidate at a time; nothing is saved without the user
// pressing Save. Leaving the screen drops whatever is still staged.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { showToast } from '../ui/announcer.js';
import { UriEntry } from '../ui/uri-entry.js';
import { ManualEntryForm } from '../ui/manual-entry-form.js';
import { ScanPanel } from '../scan/scan-panel.js';
import { excerpt } from '../scan/scanned-text.js';
import { actionButton } from '../ui/action-button.js';

export class AddAccountScreen {
  #queue = [];

  constructor(context, options = {}) {
    const { app } = context;
    this.app = app;
    this.found = h('div', { class: 'found-messages' });
    this.session = context.session;
    this.uriEntry = new UriEntry(context, {
      onStaged: (staged, source) => this.handleResults([{ staged, source }]),
      onSaved: (entry) => this.#saved(entry),
      onCancel: () => this.#next(),
    });
    this.manual = new ManualEntryForm({ ...context, onSaved: (entry) => this.#saved(entry) });
    this.scan = new ScanPanel({
      stage: true, onResults: (results) => this.handleResults(results), setBusy: (busy) => app.setBusy('scan', busy),
    });
    this.element = h('section', { class: 'screen', 'aria-labelledby': 'add-title' },
      h('h2', { id: 'add-title', tabindex: '-1', text: t('add.title') }),
      this.scan.element,
      this.found,
      this.uriEntry.element,
      this.manual.element);
    if (options.text || options.image) queueMicrotask(() => this.handlePaste(options));
  }

  /// From the paste handler: {text} or {image}.
  handlePaste({ text, image }) {
    if (image) this.scan.decodeFiles([image], 'image');
    else if (text) this.uriEntry.stage(text, 'paste');
  }

  /// [{staged, source}]: what the core staged from scans and pastes. Accounts queue for the card.
  handleResults(results) {
    this.found.replaceChildren();
    for (const { staged, source } of results) {
      if (staged.kind === 'account') this.#queue.push(...staged.candidates.map((candidate) => ({ candidate, source })));
      else this.#showFound(staged);
    }
    if (!this.uriEntry.busy) this.#next();
  }

  #next() {
    const item = this.#queue.shift();
    if (item) this.uriEntry.showCandidate(item.candidate, item.source);
  }

  #saved(entry) {
    showToast(t('add.saved', { account: entry?.issuer || entry?.name || '' }));
    if (this.#queue.length) this.#next();
    else this.app.navigate('accounts');
  }

  #showMessage(text) {
    this.found.append(h('p', { class: 'notice', role: 'alert', text }));
  }

  /// A QR or paste that is not an otpauth:// URI: say what it is. A migration export's accounts are
  /// staged already and can be saved together.
  #showFound(staged) {
    const parts = [h('p', {}, h('strong', { text: t(`found.${staged.kind}`) }))];
    if (staged.text) {
      parts.push(h('p', { class: 'small-print', text: t('found.content', { text: excerpt(staged.text) }) }));
    }
    if (staged.kind === 'migration' && staged.candidates.length) {
      const ids = staged.candidates.map((candidate) => candidate.id);
      const label = t('import.confirm', { count: ids.length });
      parts.push(actionButton(label, () => this.#saveAll(ids), { variant: 'primary' }));
    }
    this.found.append(h('div', { class: 'notice', role: 'alert', dataset: { found: staged.kind } }, parts));
  }

  async #saveAll(ids) {
    const result = await this.session.saveCandidates(ids);
    if (result.error) {
      this.#showMessage(this.app.describeError(result.error));
      return;
    }
    showToast(t('import.added', { count: result.added.length }));
    this.app.navigate('accounts');
  }

  get busy() {
    return this.uriEntry.busy || this.scan.busy || this.manual.dirty;
  }

  destroy() {
    this.scan.destroy();
    this.uriEntry.destroy();
    if (this.session.unlocked) this.session.discardCandidates();
  }
}
