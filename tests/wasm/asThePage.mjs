// The binding tests call the vault as the page does (web/js/vault/vault-session.js): a change
// binding computes {file, revision}, the page stores it (here: nothing to store) and confirms it with
// sessionConfirmSaved. asThePage(m) wraps a module so each change binding does both, and answers
// {file, ...the confirmation, entry}; adding accounts goes through staging as the add screens do.
// The session tests (session.test.mjs) call the bindings one by one, abandon included.

const CHANGES = new Set(['vaultUpdate', 'vaultDelete', 'vaultUndoDelete', 'vaultReorder', 'vaultChangePassword',
  'vaultNextHotp', 'vaultAddPasskey', 'vaultRemovePasskey', 'vaultApplyMerge', 'vaultApplySync']);

function confirm(m, computed, entryId) {
  if (computed.error) return computed;
  const confirmed = m.sessionConfirmSaved(computed.revision);
  if (confirmed.error) return confirmed;
  const entry = confirmed.added[0] ?? confirmed.entries.find((e) => e.id === entryId);
  return { ...confirmed, file: computed.file, ...(entry ? { entry } : {}) };
}

/// Stages `staged` ({candidates} or {candidate}), saves it with `options` ({group, note, favourite,
/// allowDuplicate}) and answers like a change: {file, revision, entry}. A failed save drops it.
function save(m, staged, options = {}) {
  if (staged.error) return staged;
  const ids = staged.candidate ? [staged.candidate.id] : staged.candidates.map((c) => c.id);
  const computed = m.sessionCommit({ ids, group: options.group, allowDuplicates: Boolean(options.allowDuplicate) });
  if (computed.error) {
    for (const id of ids) m.sessionDiscard(id);
    return computed;
  }
  const added = confirm(m, computed);
  if (added.error || (options.note === undefined && options.favourite === undefined)) return added;
  return confirm(m, m.vaultUpdate(added.entry.id, { note: options.note, favourite: options.favourite }), added.entry.id);
}

export function asThePage(m) {
  return new Proxy(m, {
    get(target, name) {
      if (name === 'vaultAddUri') return (uri, options) => save(target, target.sessionStageText(uri), options);
      if (name === 'vaultAddManual') return (fields) => save(target, target.sessionStageManual(fields), fields);
      if (CHANGES.has(name)) return (...args) => confirm(target, target[name](...args), typeof args[0] === 'string' ? args[0] : undefined);
      return target[name];
    },
  });
}
