// The screen people use every day: find the account, read or copy the code before it expires.
// Built to cost the same at rest with 20 accounts or 1,000: only rows on screen or near it are in
// the document (WindowedList), one second-ticker updates only those rows, and codes come from the
// worker once per period (CodeCache), not once per second.
import { h } from '../ui/dom.js';
import { t, formatNumber } from '../i18n/i18n.js';
import { icon } from '../ui/icons.js';
import { AccountRow } from '../ui/account-row.js';
import { WindowedList } from '../ui/windowed-list.js';
import { CodeCache } from '../ui/code-cache.js';
import { showToast, announce } from '../ui/announcer.js';
import { everySecond, unixSeconds } from '../ui/second-ticker.js';
import { matcher, sections, moved } from '../accounts/account-order.js';
import { EditDialog } from '../ui/edit-dialog.js';
import { backupReminder } from '../ui/backup-reminder.js';
import { copyText } from '../ui/clipboard.js';
import { getSettings } from '../storage/settings.js';
import { ALL_CODES_AT_ONCE_UP_TO } from '../vault/vault-session.js';

// Above this many accounts the rows on screen get their codes before everyone's (see #tick): one
// vaultCodes call for all is two HMACs per account; the first after unlocking 1,000 accounts took
// about 115 ms in Chromium, which the first code no longer waits for. The unlock brought the codes
// of every account up to it, and of the first this many shown above it (session.takeFirstCodes()).
const ROWS_FIRST_ABOVE = ALL_CODES_AT_ONCE_UP_TO;

export class AccountsScreen {
  #rows = new Map(); // id -> AccountRow, only the rows in the document
  #codes = new CodeCache();
  #codesPending = null; // the vaultCodes call in flight, shared by every row that waits for it
  #rowsPending = null; // the call for the rows on screen only, in flight (many accounts: see #tick)
  #hotpCodes = new Map(); // id -> HOTP code generated here, shown again when its row comes back
  // What a row's buttons do; the row itself only reports which account.
  #handlers = {
    copy: (row) => this.#copy(row),
    edit: (entry) => this.#edit(entry),
    move: (entry, delta) => this.#move(entry, delta),
    nextHotp: (row) => this.#nextHotp(row),
  };
  #list = new WindowedList({
    createRow: (entry, { index, count, section }) => this.#createRow(entry, index, count, section),
    releaseRow: (entry) => this.#rows.delete(entry.id),
    reuseRow: (entry, row, { section }) => this.#reuseRow(entry, row, section),
  });
  #stopTicker = null;
  #reordering = false;
  #query = '';
  #listed = null; // the sections last given to the list, to skip a keystroke that changes nothing
  #onChange = () => {
    this.#codes = new CodeCache(); // accounts were added, removed or changed: ask the worker afresh
    this.render();
  };

  constructor({ app, session }) {
    this.app = app;
    this.session = session;
    this.search = searchBox((query) => {
      this.#query = query;
      this.render();
    });
    this.reorderButton = reorderToggle(() => this.#toggleReorder());
    this.countStatus = h('p', { class: 'sr-only', role: 'status' });
    this.emptyState = h('div', { class: 'card empty-state', hidden: true },
      h('p', { text: t('accounts.empty') }), addButton(app));
    this.noMatch = h('p', { class: 'card empty-state', hidden: true, text: t('accounts.noMatch') });
    // The list element stays in the document across renders, so the page keeps its scroll position.
    this.listArea = h('div', {}, this.emptyState, this.#list.element, this.noMatch);
    this.element = h('section', { class: 'screen', 'aria-labelledby': 'accounts-title' },
      h('div', { class: 'screen-header' },
        h('h2', { id: 'accounts-title', tabindex: '-1', text: t('accounts.title') }),
        addButton(app)),
      backupReminder(session),
      h('div', { class: 'toolbar' }, this.search, this.reorderButton),
      h('p', { class: 'clock-note', text: t('accounts.clockNote') }),
      this.countStatus,
      h('p', { id: 'copy-hint', hidden: true, text: t('copy.hint') }),
      this.listArea);
    session.addEventListener('change', this.#onChange);
    // Right after an unlock the codes came with it: the first rows are built with their codes.
    const first = session.takeFirstCodes();
    if (first) this.#codes.store(first.unix, first.codes);
    this.render();
    // A large vault brought only the first rows' codes: everyone's are asked for once the first
    // code is on screen, so a row scrolled to shows its code at once.
    if (first && !first.complete) requestAnimationFrame(() => setTimeout(() => this.#fetchCodes(unixSeconds(Date.now())), 0));
    this.#stopTicker = everySecond((now) => this.#tick(now));
  }

  render() {
    const focused = document.activeElement?.closest?.('.account');
    const focusId = focused?.dataset.id;
    const focusAction = document.activeElement?.dataset?.action;
    const all = this.session.entries;
    const shown = all.filter(matcher(this.#query));
    this.emptyState.hidden = all.length > 0;
    this.noMatch.hidden = !all.length || shown.length > 0;
    this.reorderButton.hidden = !all.length;
    const listed = sections(shown, { favouritesTitle: t('accounts.favourites'), otherTitle: t('accounts.other') });
    if (!sameSections(listed, this.#listed, this.#reordering)) {
      this.#listed = { sections: listed, reordering: this.#reordering };
      this.#list.setSections(listed.map((section) => ({
        title: section.title,
        label: section.title ?? t('accounts.title'),
        items: section.entries,
        ids: section.entries.map((item) => item.id),
      })));
    }
    // Said only while searching: how many of all the accounts the search shows.
    const counted = { count: shown.length, total: formatNumber(all.length) };
    this.countStatus.textContent = this.#query ? t('accounts.shown', counted) : '';
    if (focusId) this.#refocus(focusId, focusAction);
    this.#tick(Date.now());
  }

  // A render rebuilds rows: focus goes back to the same button of the same account, or its code.
  #refocus(id, action) {
    const row = `.account[data-id="${CSS.escape(id)}"]`;
    const target = this.listArea.querySelector(`${row} [data-action="${action}"]:not([disabled])`)
      ?? this.listArea.querySelector(`${row} .account-copy`);
    target?.focus();
  }

  // A row entering the window shows its code at once when this period's codes are known.
  #createRow(entry, index, count, section) {
    const position = { reordering: this.#reordering, first: index === 0, last: index === count - 1 };
    const row = new AccountRow(entry, this.#handlers, position);
    row.reordering = this.#reordering;
    row.sectionIds = section.ids;
    this.#rows.set(entry.id, row);
    if (row.isHotp) {
      if (this.#hotpCodes.has(entry.id)) row.setHotpCode(this.#hotpCodes.get(entry.id));
    } else {
      const now = Date.now();
      const shown = this.#codes.at(entry.id, unixSeconds(now));
      if (shown) row.setCode(shown, now);
    }
    return row;
  }

  // A rendered row stays when it shows the same entry object (entries are replaced when an account
  // changes) and no reorder buttons depend on its place.
  #reuseRow(entry, row, section) {
    if (row.entry !== entry || this.#reordering || row.reordering) return false;
    row.sectionIds = section.ids;
    return true;
  }

  // Every second: the rows in the window count down from the cached codes; when a row's period has
  // ended (or it has no code yet), one vaultCodes call refreshes every account.
  async #tick(now) {
    if (!this.session.unlocked || !this.#rows.size) return;
    const unix = unixSeconds(now);
    if (this.#showCodes(unix, now)) return;
    // Many accounts (right after unlock, or when a period ends): the rows on screen first, two HMACs
    // each, then everyone's, so the first code does not wait for a thousand accounts' codes.
    if (this.session.entries.length > ROWS_FIRST_ABOVE && !this.#codesPending && !this.#rowsPending) {
      const missing = [...this.#rows.values()].filter((row) => !row.isHotp && !this.#codes.at(row.entry.id, unix));
      if (missing.length) {
        this.#rowsPending = this.#fetchCodes(unix, missing.map((row) => row.entry.id));
        const fetched = await this.#rowsPending;
        this.#rowsPending = null;
        if (fetched) this.#showCodes(unixSeconds(Date.now()), Date.now());
      }
    }
    const fetched = await this.#fetchCodes(unix);
    if (fetched) this.#showCodes(unixSeconds(Date.now()), Date.now());
  }

  /// Shows what the cache has; true when every TOTP row in the window got a code.
  #showCodes(unix, now) {
    let complete = true;
    for (const row of this.#rows.values()) {
      if (row.isHotp) continue;
      const shown = this.#codes.at(row.entry.id, unix);
      if (shown) row.setCode(shown, now);
      else complete = false;
    }
    return complete;
  }

  /// Every account's codes at `unix` into the cache (or those of `ids` only: not shared with other
  /// callers, as the full call is); resolves whether it worked.
  #fetchCodes(unix, ids = undefined) {
    if (!ids && this.#codesPending?.unix === unix) return this.#codesPending.promise;
    const codes = this.#codes;
    const promise = this.session.codes(unix, ids).then((result) => {
      // Ignore an answer that arrives after the accounts changed or the vault locked.
      if (result.error || codes !== this.#codes || !this.session.unlocked) return false;
      this.#codes.store(unix, result.codes);
      return true;
    }, () => false); // a failed call leaves the rows as they are; the next second tries again
    if (ids) return promise;
    this.#codesPending = { unix, promise };
    promise.finally(() => {
      if (this.#codesPending?.promise === promise) this.#codesPending = null;
    });
    return promise;
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
      if (clearSeconds > 0) showToast(t('copy.doneClears', { account: name, count: clearSeconds }));
      else showToast(t('copy.done', { account: name }));
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
    this.#hotpCodes.set(row.entry.id, result.code);
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
    this.#listed = null;
    this.#stopTicker?.();
    this.session.removeEventListener('change', this.#onChange);
    this.#list.destroy();
    this.#rows.clear();
    this.#codes = new CodeCache();
    this.#hotpCodes.clear();
  }
}

function searchBox(onQuery) {
  const input = h('input', {
    type: 'search', class: 'search', autocomplete: 'off', spellcheck: 'false',
    'aria-label': t('accounts.search'), placeholder: t('accounts.search'),
    oninput: () => onQuery(input.value),
  });
  return input;
}

function reorderToggle(onclick) {
  return h('button', { type: 'button', class: 'button small', 'aria-pressed': 'false', onclick },
    icon('list'), h('span', { text: t('reorder.toggle') }));
}

function addButton(app) {
  const onclick = () => app.navigate('add');
  return h('button', { type: 'button', class: 'button primary', onclick }, icon('plus'), t('accounts.add'));
}

// True when the list would show exactly what it shows now: same sections, same entry objects in the
// same order, same mode. Most keystrokes of a search ("S", "Se", ...) change nothing on screen.
function sameSections(listed, previous, reordering) {
  if (!previous || previous.reordering !== reordering || previous.sections.length !== listed.length) return false;
  return listed.every((section, index) => {
    const before = previous.sections[index];
    return before.key === section.key && before.title === section.title
      && before.entries.length === section.entries.length
      && before.entries.every((entry, position) => entry === section.entries[position]);
  });
}
