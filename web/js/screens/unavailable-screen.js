// Shown when the build lacks what the app needs (the wasm module did not load, storage failed). The
// link preview that used to live here went with the page-side parsing: candidates are staged in an
// unlocked vault's session only.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

export class UnavailableScreen {
  constructor(context, { error, vaultMissing, storageFailed } = {}) {
    let message = t('app.moduleFailed');
    if (vaultMissing) message = t('app.vaultMissing');
    if (storageFailed) message = t('app.storageFailed');
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'unavailable-title' },
      h('h2', { id: 'unavailable-title', tabindex: '-1', text: t('app.unavailableTitle') }),
      h('p', { class: 'notice error', role: 'alert' }, h('strong', { text: message })),
      error?.message ? h('p', { class: 'small-print', text: error.message }) : null);
  }

  destroy() {}
}
