// Shown when the build lacks what the app needs (the wasm module did not load, or this build has no
// vault yet). The code preview still works there, so the page is useful at every stage.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { UriEntry } from '../ui/uri-entry.js';

export class UnavailableScreen {
  constructor(context, { error, vaultMissing, storageFailed } = {}) {
    let message = t('app.moduleFailed');
    if (vaultMissing) message = t('app.vaultMissing');
    if (storageFailed) message = t('app.storageFailed');
    this.uriEntry = vaultMissing ? new UriEntry(context, { previewOnly: true }) : null;
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'unavailable-title' },
      h('h2', { id: 'unavailable-title', tabindex: '-1', text: t('app.unavailableTitle') }),
      h('p', { class: 'notice error', role: 'alert' }, h('strong', { text: message })),
      error?.message ? h('p', { class: 'small-print', text: error.message }) : null,
      this.uriEntry ? h('p', { text: t('app.previewOnly') }) : null,
      this.uriEntry?.element);
  }

  destroy() {
    this.uriEntry?.destroy();
  }
}
