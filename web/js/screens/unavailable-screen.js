// Shown when the app cannot run: the wasm module did not load, or the browser's storage failed.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

export class UnavailableScreen {
  constructor(context, { error, storageFailed } = {}) {
    let message = t('app.moduleFailed');
    if (storageFailed) message = t('app.storageFailed');
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'unavailable-title' },
      h('h2', { id: 'unavailable-title', tabindex: '-1', text: t('app.unavailableTitle') }),
      h('p', { class: 'notice error', role: 'alert' }, h('strong', { text: message })),
      error?.message ? h('p', { class: 'small-print', text: error.message }) : null);
  }

  destroy() {}
}
