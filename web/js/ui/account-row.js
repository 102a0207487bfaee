// One account in the list: issuer, name, the code (grouped for the eye, digit by digit for screen
// readers), the countdown ring, the next code in the last 5 seconds, and its tools (HOTP "next
// code", edit, move up/down in reorder mode). Every label is set as text, never as markup.
// For a screen reader the row reads "issuer, account, code 1 2 3 4 5 6, 17 seconds left", then a
// button "Copy code for ISSUER", not the whole row as one button-shaped blob.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { icon } from './icons.js';
import { CountdownRing } from './countdown-ring.js';
import { groupCode, spokenCode } from './code-format.js';

export const NEXT_CODE_SECONDS = 5;

// The issuer, with a star for a favourite (and the word for screen readers, which skip the star).
function issuerLine(issuer, favourite) {
  return h('span', { class: 'account-issuer' }, h('span', { text: issuer }),
    favourite ? h('span', { class: 'favourite-mark', 'aria-hidden': 'true', text: '★' }) : null,
    favourite ? h('span', { class: 'sr-only', text: `, ${t('account.favourite')}` }) : null);
}

/// A small icon button beside the row; `label` names the account, `title` is the tooltip.
function toolButton({ action, iconName, label, title, onclick, disabled }) {
  return h('button', {
    type: 'button', class: 'button quiet small', dataset: { action }, disabled, 'aria-label': label, title, onclick,
  }, icon(iconName));
}

export class AccountRow {
  #ring = new CountdownRing();
  #code = h('span', { class: 'account-code', 'aria-hidden': 'true' });
  #spoken = h('span', { class: 'sr-only' });
  #next = h('span', { class: 'account-next', hidden: true });
  #current = null;

  /// handlers: {copy(row), edit(entry), move(entry, delta), nextHotp(row)}
  constructor(entry, handlers, { reordering = false, first = false, last = false } = {}) {
    this.entry = entry;
    this.isHotp = entry.type === 'hotp';
    const issuer = entry.issuer || t('account.noIssuer');
    // The row's content is plain text in reading order (issuer, account, code digit by digit, time
    // left); the copy button lies over it (CSS), so a click anywhere copies, and it is named for what
    // it does. Visible text inside the button would have to be part of its name (WCAG 2.5.3).
    this.copyButton = h('button', {
      type: 'button', class: 'account-copy', dataset: { action: 'copy' },
      'aria-label': t('copy.for', { issuer }), 'aria-describedby': 'copy-hint', onclick: () => handlers.copy(this),
    });
    const main = h('div', { class: 'account-main' },
      issuerLine(issuer, entry.favourite),
      h('span', { class: 'sr-only', text: ', ' }),
      h('span', { class: 'account-name', text: entry.name }),
      this.#code, this.#spoken, this.#next,
      this.isHotp ? null : this.#ring.element,
      this.copyButton);
    const tools = h('div', { class: 'account-tools' });
    const account = [entry.issuer, entry.name].filter(Boolean).join(' ');
    const tool = (action, iconName, labelKey, titleKey, onclick, disabled = false) => toolButton({
      action, iconName, label: t(labelKey, { account }), title: t(titleKey), onclick, disabled,
    });
    if (this.isHotp) tools.append(tool('next', 'refresh', 'hotp.nextFor', 'hotp.next', () => handlers.nextHotp(this)));
    if (reordering) {
      tools.append(
        tool('up', 'up', 'reorder.upFor', 'reorder.up', () => handlers.move(entry, -1), first),
        tool('down', 'down', 'reorder.downFor', 'reorder.down', () => handlers.move(entry, 1), last));
    } else {
      tools.append(tool('edit', 'edit', 'edit.for', 'edit.title', () => handlers.edit(entry)));
    }
    this.element = h('li', { class: 'account', dataset: { id: String(entry.id) } }, main, tools);
    if (this.isHotp) this.#showHotpHint();
  }

  #showHotpHint() {
    this.#code.textContent = '••• •••';
    this.#spoken.textContent = `, ${t('hotp.hint')}`;
  }

  /// The code currently shown (what copy copies), or null.
  get code() {
    return this.#current;
  }

  /// TOTP/Steam: {code, nextCode, secondsRemaining, period} (vaultCodes, via the code cache); nowMs
  /// is the clock they were read at (it sets the ring's phase). Called every second while the row
  /// is in the document: only what changed is written.
  setCode({ code, nextCode, secondsRemaining, period }, nowMs = Date.now()) {
    if (code !== this.#current) {
      this.#current = code;
      this.#code.textContent = groupCode(code);
    }
    this.#ring.update(secondsRemaining, period, nowMs);
    const showNext = Boolean(nextCode) && secondsRemaining < NEXT_CODE_SECONDS;
    const spoken = `, ${t('code.label')} ${spokenCode(code)}, ${t('code.secondsLeft', { count: secondsRemaining })}` +
      (showNext ? `, ${t('code.next')} ${spokenCode(nextCode)}` : '');
    if (this.#spoken.textContent !== spoken) this.#spoken.textContent = spoken;
    if (this.#next.hidden === showNext) this.#next.hidden = !showNext;
    const next = showNext ? `${t('code.next')} ${groupCode(nextCode)}` : '';
    if (showNext && this.#next.textContent !== next) this.#next.textContent = next;
  }

  /// HOTP: a freshly generated code (the counter is already saved).
  setHotpCode(code) {
    this.#current = code;
    this.#code.textContent = groupCode(code);
    this.#spoken.textContent = `, ${t('code.label')} ${spokenCode(code)}`;
  }

  clearCode() {
    this.#current = null;
    if (this.isHotp) this.#showHotpHint();
    else this.#code.textContent = '';
  }

  flashCopied() {
    this.element.classList.add('copied');
    setTimeout(() => this.element.classList.remove('copied'), 1200);
  }
}
