// The Vault methods that merging and sync add (rules in authcore/vault/VaultMerge.h, docs/sync.md),
// apart from Vault.cpp.

#include "authcore/vault/Vault.h"

#include "authcore/Error.h"
#include "authcore/SecureWipe.h"
#include "vault/AesGcm.h"
#include "vault/VaultFile.h"
#include "vault/VaultHistory.h"

#include <algorithm>

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
	return mergeAfter(other, _revision, SealWhen::Changed);
}

MergeChanges Vault::mergeSynced(const Vault& synced, SealWhen when)
{
	synced.requireUnlocked();
	return mergeAfter(synced.contents(), std::max(_revision, synced._revision), when);
}

MergeChanges Vault::mergeAfter(const VaultContents& other, uint64_t lastRevision, SealWhen when)
{
	requireUnlocked();
	const VaultContents mine = contents();
	auto [merged, changes] = previewMerge(mine, other);
	pruneTombstones(merged, clockMs());
	// A tombstone or stamp may change while the list looks the same, so the contents are compared.
	if (merged != mine || when == SealWhen::Always) {
		const uint64_t own = _revision;
		_revision = std::max(own, lastRevision);
		try {
			sealNextRevision(std::move(merged.entries), nullptr, &merged.tombstones);
		}
		catch (...) {
			_revision = own;
			throw;
		}
	}
	if (_lastRemoved) {
		// The merge may have brought the deleted entry back; an undo would then list it twice.
		VaultEntry& removed = _lastRemoved->second;
		for (std::string* text : {&removed.id, &removed.account.issuer, &removed.account.name, &removed.group, &removed.note})
			authcore::secureWipe(*text);
		_lastRemoved.reset();
	}
	return changes;
}

std::optional<Vault> Vault::openWithSameKey(std::span<const uint8_t> file) const
{
	requireUnlocked();
	const VaultFile parsed = parseVaultFile(file);
	// The tag is checked before anything of the payload is decoded. A key that does not open it is
	// either another vault's key or a changed file; only this vault's own slots tell them apart (the
	// header, slots included, is the payload's associated data).
	if (!openAesGcm(_masterKey, parsed.payloadNonce, parsed.header, parsed.sealedPayload)) {
		if (parsed.slots == _slots)
			throw Error(ErrorKind::IntegrityFailure, "payload", "the file is damaged or was changed: its accounts do not authenticate");
		return std::nullopt;
	}
	return openPayload(parsed, file, _masterKey);
}

} // namespace authcore
