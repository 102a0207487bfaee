// Pure helpers for the list: search matching, sections (favourites, then groups in vault order,
// then the rest) and moving one account within its section. No DOM here.

/// Case- and diacritic-insensitive ("ē" finds "e"), so Latvian names are easy to search.
export function fold(text) {
  return String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Entries are replaced, never changed in place, when an account changes, so an entry's folded
// text can be kept beside it: a keystroke over 1,000 accounts then folds only the query.
const foldedText = new WeakMap();
function haystackOf(entry) {
  let text = foldedText.get(entry);
  if (text === undefined) {
    text = fold(`${entry.issuer} ${entry.name}`);
    foldedText.set(entry, text);
  }
  return text;
}

/// A predicate for the entries that contain every word of the query.
export function matcher(query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return () => true;
  return (entry) => {
    const haystack = haystackOf(entry);
    return words.every((word) => haystack.includes(word));
  };
}

export function matches(entry, query) {
  return matcher(query)(entry);
}

/// [{key, title|null, entries}] in display order; titles are group names or null (no heading).
export function sections(entries, { favouritesTitle, otherTitle }) {
  const favourites = entries.filter((entry) => entry.favourite);
  const rest = entries.filter((entry) => !entry.favourite);
  const groups = new Map();
  for (const entry of rest) {
    const group = entry.group?.trim() ?? '';
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(entry);
  }
  const named = [...groups.keys()].filter(Boolean);
  const result = [];
  if (favourites.length) result.push({ key: 'favourites', title: favouritesTitle, entries: favourites });
  for (const group of named) result.push({ key: `group:${group}`, title: group, entries: groups.get(group) });
  if (groups.has('')) {
    const title = named.length || favourites.length ? otherTitle : null;
    result.push({ key: 'other', title, entries: groups.get('') });
  }
  return result;
}

/// New full id order after moving `id` by delta (-1/+1) past its neighbour in `sectionIds`.
export function moved(allIds, sectionIds, id, delta) {
  const index = sectionIds.indexOf(id);
  const neighbour = sectionIds[index + delta];
  if (index < 0 || neighbour === undefined) return null;
  const order = [...allIds];
  const a = order.indexOf(id);
  const b = order.indexOf(neighbour);
  [order[a], order[b]] = [order[b], order[a]];
  return order;
}

export function groupNames(entries) {
  return [...new Set(entries.map((entry) => entry.group?.trim()).filter(Boolean))];
}
