// The Vault methods that merging adds (rules in authcore/vault/VaultMerge.h), apart from Vault.cpp.

#include "authcore/vault/Vault.h"

#include "authcore/SecureWipe.h"
#include "vault/VaultHistory.h"

namespace authcore {

int64_t Vault::editStamp() const
{
	return nextStamp(_entries, _tombstones, clockMs());
}

VaultContents Vault::contents() const
{
	requireUnlocked();
	return {_entries, _tombstones};
}

MergeChanges Vault::mergeFrom(const VaultContents& other)
{
	requireUnlocked();
	const VaultContents mine = contents();
	auto [merged, changes] = previewMerge(mine, other);
	pruneTombstones(merged, clockMs());
	if (merged != mine) // a tombstone or stamp may change while the list looks the same
		sealNextRevision(std::move(merged.entries), nullptr, &merged.tombstones);
	if (_lastRemoved) {
		// The merge may have brought the deleted entry back; an undo would then list it twice.
		VaultEntry& removed = _lastRemoved->second;
		for (std::string* text : {&removed.id, &removed.account.issuer, &removed.account.name, &removed.group, &removed.note})
			authcore::secureWipe(*text);
		_lastRemoved.reset();
	}
	return changes;
}

} // namespace authcore
