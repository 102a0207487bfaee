// Session: syncing with a copy another device stored (docs/sync.md). A synced copy is held like a
// backup being merged (SessionChanges.cpp) and goes through the same compute, persist, confirm.

#include "authcore/session/Session.h"

#include "authcore/Error.h"

namespace authcore {

Session::SyncPreview Session::previewSync(Vault synced, SyncKey key)
{
	requireUnlocked();
	if (!synced.isUnlocked())
		throw Error(ErrorKind::Locked, "", "the synced copy is locked");
	discardMerge();
	const VaultContents mine = _vault.contents();
	const VaultContents theirs = synced.contents();
	SyncPreview preview;
	// Merging is commutative: the merged accounts are the same whichever copy receives the other;
	// only the key and slots they are sealed with differ.
	preview.merge = authcore::previewMerge(mine, theirs);
	preview.syncedCopyBehind = preview.merge.merged != theirs || key == SyncKey::KeepThis;
	preview.adoptsSyncedKey = key == SyncKey::AdoptSynced;
	_backup = std::move(synced);
	_heldAs = preview.adoptsSyncedKey ? HeldAs::SyncedCopyToAdopt : HeldAs::SyncedCopy;
	return preview;
}

Session::PendingFile Session::commitSync()
{
	requireUnlocked();
	if (!_backup.isUnlocked() || _heldAs == HeldAs::Backup)
		throw Error(ErrorKind::InvalidArgument, "sync", "no synced copy is waiting to be merged");
	if (_heldAs == HeldAs::SyncedCopy)
		return compute([&](Vault& next, Saved& saved) { saved.merge = next.mergeSynced(_backup); }, {}, true);

	// Adopting: the synced copy receives this vault, and its file (always a new revision, after
	// both) becomes this vault's; what changed is told as seen from here.
	abandon();
	Vault next(_backup);
	next.mergeSynced(_vault, Vault::SealWhen::Always);
	Saved saved;
	saved.merge = describeMerge(_vault.contents(), next.contents());
	PendingFile file{next.file(), next.revision()};
	_pending = Pending{std::move(next), _vault.revision(), {}, std::move(saved), true};
	return file;
}

} // namespace authcore
