// The screen people use every day: find the account, read or copy the code before it expires.
import { h, clear } from '../ui/dom.js';
import { t, formatNumber } from '../i18n/i18n.js';
import { icon } from '../ui/icons.js';
import { AccountRow } from '../ui/account-row.js';
import { showToast, announce } from '../ui/announcer.js';
import { everySecond, unixSeconds } from '../ui/second-ticker.js';
import { matches, sections, moved } from '../app/account-order.js';
import { EditDialog } from '../ui/edit-dialog.js';
import { backupReminder } from '../ui/backup-reminder.js';
import { copyText } from '../ui/clipboard.js';
import { getSettings } from '../app/settings.js';

export class AccountsScreen {
  #rows = new Map();
  #stopTicker = null;
  #reordering = false;
  #query = '';
  #onChange = () => this.render();

  constructor({ app, session }) {
    this.app = app;
    this.session = session;
    this.search = h('input', { type: 'search', class: 'search', autocomplete: 'off', spellcheck: 'false',
      'aria-label': t('accounts.search'), placeholder: t('accounts.search'),
      oninput: () => {
        this.#query = this.search.value;
        this.render();
      } });
    this.reorderButton = h('button', { type: 'button', class: 'button small', 'aria-pressed': 'false', onclick: () => this.#toggleReorder() },
      icon('list'), h('span', { text: t('reorder.toggle') }));
    this.countStatus = h('p', { class: 'sr-only', role: 'status' });
    this.listArea = h('div');
    this.element = h('section', { class: 'screen', 'aria-labelledby': 'accounts-title' },
      h('div', { class: 'screen-header' },
        h('h2', { id: 'accounts-title', tabindex: '-1', text: t('accounts.title') }),
        h('button', { type: 'button', class: 'button primary', onclick: () => app.navigate('add') }, icon('plus'), t('accounts.add'))),
      backupReminder(session),
      h('div', { class: 'toolbar' }, this.search, this.reorderButton),
      h('p', { class: 'clock-note', text: t('accounts.clockNote') }),
      this.countStatus,
      h('p', { id: 'copy-hint', hidden: true, text: t('copy.hint') }),
      this.listArea);
    session.addEventListener('change', this.#onChange);
    this.render();
    this.#stopTicker = everySecond((now) => this.#tick(now));
  }

  render() {
    const focused = document.activeElement?.closest?.('.account');
    const focusId = focused?.dataset.id;
    const focusAction = document.activeElement?.dataset?.action;
    const all = this.session.entries;
    const shown = all.filter((entry) => matches(entry, this.#query));
    this.#rows.clear();
    clear(this.listArea);
    if (!all.length) {
      this.listArea.append(h('div', { class: 'card empty-state' },
        h('p', { text: t('accounts.empty') }),
        h('button', { type: 'button', class: 'button primary', onclick: () => this.app.navigate('add') }, icon('plus'), t('accounts.add'))));
      this.reorderButton.hidden = true;
      return;
    }
    this.reorderButton.hidden = false;
    const handlers = {
      copy: (row) => this.#copy(row),
      edit: (entry) => this.#edit(entry),
      move: (entry, delta) => this.#move(entry, delta),
      nextHotp: (row) => this.#nextHotp(row),
    };
    for (const section of sections(shown, { favouritesTitle: t('accounts.favourites'), otherTitle: t('accounts.other') })) {
      const list = h('ul', { class: 'account-list', 'aria-label': section.title ?? t('accounts.title') });
      section.entries.forEach((entry, index) => {
        const row = new AccountRow(entry, handlers, { reordering: this.#reordering, first: index === 0, last: index === section.entries.length - 1 });
        row.sectionIds = section.entries.map((item) => item.id);
        this.#rows.set(entry.id, row);
        list.append(row.element);
      });
      if (section.title) this.listArea.append(h('h3', { class: 'group-title', text: section.title }));
      this.listArea.append(list);
    }
    if (!shown.length) this.listArea.append(h('p', { class: 'card empty-state', text: t('accounts.noMatch') }));
    this.countStatus.textContent = this.#query ? t('accounts.shown', { count: shown.length, total: formatNumber(all.length) }) : '';
    if (focusId) {
      const target = this.listArea.querySelector(`.account[data-id="${CSS.escape(focusId)}"] [data-action="${focusAction}"]:not([disabled])`)
        ?? this.listArea.querySelector(`.account[data-id="${CSS.escape(focusId)}"] .account-copy`);
      target?.focus();
    }
    this.#tick(Date.now());
  }

  async #tick(now) {
    if (!this.session.unlocked || !this.#rows.size) return;
    const result = await this.session.codes(unixSeconds(now));
    if (result.error) return;
    for (const item of result.codes) {
      const row = this.#rows.get(item.id);
      if (row && !row.isHotp && item.code !== null && item.code !== undefined) row.setCode(item);
    }
  }

  async #copy(row) {
    const name = row.entry.issuer || row.entry.name;
    if (!row.code) {
      if (row.isHotp) announce(t('hotp.hint'));
      return;
    }
    const clearSeconds = Number(getSettings().clipboardClearSeconds) || 0;
    if (await copyText(row.code, { clearSeconds })) {
      row.flashCopied();
      showToast(clearSeconds > 0 ? t('copy.doneClears', { account: name, count: clearSeconds }) : t('copy.done', { account: name }));
    } else {
      showToast(t('copy.failed'));
    }
  }

  async #nextHotp(row) {
    const result = await this.session.nextHotp(row.entry.id);
    if (result.error) {
      showToast(this.app.describeError(result.error));
      return;
    }
    row.setHotpCode(result.code);
    announce(t('hotp.generated', { account: row.entry.issuer || row.entry.name }));
  }

  async #move(entry, delta) {
    const row = this.#rows.get(entry.id);
    const order = moved(this.session.entries.map((item) => item.id), row.sectionIds, entry.id, delta);
    if (!order) return;
    const result = await this.session.reorder(order);
    if (result.error) showToast(this.app.describeError(result.error));
    else announce(t(delta < 0 ? 'reorder.movedUp' : 'reorder.movedDown', { account: entry.issuer || entry.name }));
  }

  #toggleReorder() {
    this.#reordering = !this.#reordering;
    this.reorderButton.setAttribute('aria-pressed', String(this.#reordering));
    this.reorderButton.lastChild.textContent = t(this.#reordering ? 'reorder.done' : 'reorder.toggle');
    this.render();
  }

  async #edit(entry) {
    this.app.setBusy('edit', true);
    try {
      await new EditDialog({ app: this.app, session: this.session, entry }).open();
    } finally {
      this.app.setBusy('edit', false);
    }
  }

  get busy() {
    return false;
  }

  destroy() {
    this.#stopTicker?.();
    this.session.removeEventListener('change', this.#onChange);
    this.#rows.clear();
  }
}
