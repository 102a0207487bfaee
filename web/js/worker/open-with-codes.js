// The worker's local action `openWithCodes`: a call that opens a vault, and the first codes in the
// same answer. Its own module (no worker globals) so that tests run it against the real wasm module.
import { sections } from '../accounts/account-order.js';

// An unlock and the first codes in one message: the codes screen then shows its first codes in the
// task that builds it, instead of asking again once built (a round trip and one more layout before
// the first code). Up to `upTo` accounts, every code comes along; a larger vault brings the codes of
// the first `upTo` accounts in the order the list shows them (more than a screenful), and the codes
// screen asks for everyone's once the first code is on screen: 1,000 accounts' codes are 30 ms the
// first code need not wait for.
// A restore opens its vault when its file is stored: sessionConfirmSaved is the call that shows it.
const OPENS = new Set(['vaultUnlock', 'vaultUnlockWithPasskey', 'sessionConfirmSaved']);
export function openWithCodes(m, action, args, unixSeconds, upTo) {
  if (!OPENS.has(action)) return { error: { kind: 'invalid_argument', field: 'action', message: 'not a call that opens a vault' } };
  const opened = m[action](...args);
  if (opened.error) return opened;
  const complete = opened.entries.length <= upTo;
  const codes = complete ? m.vaultCodes(unixSeconds) : m.vaultCodes(unixSeconds, firstShownIds(opened.entries, upTo));
  return codes.error ? opened : { ...opened, firstCodes: { unix: unixSeconds, codes: codes.codes, complete } };
}

/// The ids of the first `count` accounts in the list's order (favourites, groups, the rest).
export function firstShownIds(entries, count) {
  const ids = [];
  for (const section of sections(entries, { favouritesTitle: '', otherTitle: '' })) {
    for (const entry of section.entries) {
      if (ids.length === count) return ids;
      ids.push(entry.id);
    }
  }
  return ids;
}
