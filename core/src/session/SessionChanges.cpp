// Session: "compute, persist, confirm" for every change of the vault. Each commit runs the Vault
// method on a copy; the copy becomes the vault in confirmSaved(), after the caller stored its file.

#include "authcore/session/Session.h"

#include "authcore/Error.h"
#include "authcore/encoding/Utf8.h"

#include <algorithm>
#include <set>

namespace authcore {

Session::PendingFile Session::compute(const std::function<void(Vault&, Saved&)>& change, std::vector<std::string> candidateIds,
									  bool endsMerge)
{
	requireUnlocked();
	abandon();
	Vault next(_vault);
	Saved saved;
	change(next, saved);
	PendingFile file{next.file(), next.revision()};
	_pending = Pending{std::move(next), _vault.revision(), std::move(candidateIds), std::move(saved), endsMerge};
	return file;
}

Session::PendingFile Session::commit(const CommitRequest& request)
{
	requireUnlocked();
	abandon();
	if (request.ids.empty())
		throw Error(ErrorKind::InvalidArgument, "ids", "no candidate to save");
	if (std::set<std::string>(request.ids.begin(), request.ids.end()).size() != request.ids.size())
		throw Error(ErrorKind::InvalidArgument, "ids", "a candidate is named twice");
	if (request.group)
		requireUtf8(*request.group, "group");
	std::vector<Vault::NewEntry> accounts;
	std::vector<std::string> skipped;
	for (const auto& id : request.ids) {
		const Candidate& c = candidate(id);
		const auto isCopy = [&](const Account& other) { return isSameAccount(other, c.account); };
		const bool duplicate = std::ranges::any_of(_vault.entries(), [&](const VaultEntry& e) { return isCopy(e.account); }) ||
							   std::ranges::any_of(accounts, [&](const Vault::NewEntry& e) { return isCopy(e.account); });
		if (duplicate && request.duplicates == Duplicates::Skip)
			skipped.push_back(id);
		else
			accounts.push_back({c.account, {request.group.value_or(c.group), "", false}});
	}
	return compute(
		[&](Vault& next, Saved& saved) {
			saved.skippedIds = skipped;
			// Every candidate skipped: nothing to add, and the file stays the vault's own.
			if (!accounts.empty())
				saved.addedIds = next.addAll(std::move(accounts), request.duplicates == Duplicates::Allow);
		},
		request.ids);
}

Session::PendingFile Session::commitUpdate(std::string_view id, const EntryChanges& changes)
{
	return compute([&](Vault& next, Saved&) { next.update(id, changes); });
}

Session::PendingFile Session::commitRemove(std::string_view id)
{
	return compute([&](Vault& next, Saved&) { next.remove(id); });
}

Session::PendingFile Session::commitUndoRemove()
{
	return compute([&](Vault& next, Saved& saved) { saved.addedIds.push_back(next.undoRemove().id); });
}

Session::PendingFile Session::commitReorder(std::span<const std::string> ids)
{
	return compute([&](Vault& next, Saved&) { next.reorder(ids); });
}

Session::PendingFile Session::commitNextHotp(std::string_view id)
{
	return compute([&](Vault& next, Saved& saved) { saved.hotp = next.nextHotp(id); });
}

Session::PendingFile Session::commitPasswordChange(std::string_view oldPassword, std::string_view newPassword)
{
	return compute([&](Vault& next, Saved& saved) {
		const size_t before = next.passkeys().size();
		next.changePassword(oldPassword, newPassword);
		saved.passkeysDropped = before - next.passkeys().size();
	});
}

Session::PendingFile Session::commitAddPasskey(std::string_view name, std::span<const uint8_t> credentialId,
											   std::span<const uint8_t> prfSalt, std::span<const uint8_t> prfOutput)
{
	return compute([&](Vault& next, Saved&) { next.addPasskey(name, credentialId, prfSalt, prfOutput); });
}

Session::PendingFile Session::commitRemovePasskey(std::span<const uint8_t> credentialId)
{
	return compute([&](Vault& next, Saved&) { next.removePasskey(credentialId); });
}

std::optional<Session::PendingFile> Session::commitSlotUpgrade(std::string_view password)
{
	bool upgraded = false;
	auto file = compute([&](Vault& next, Saved&) { upgraded = next.upgradeWeakPasswordSlot(password); });
	if (upgraded)
		return file;
	abandon();
	return std::nullopt;
}

Session::PendingFile Session::commitReplacement(Vault vault)
{
	if (!vault.isUnlocked())
		throw Error(ErrorKind::Locked, "", "the vault to open is locked");
	abandon();
	PendingFile file{vault.file(), vault.revision()};
	_pending = Pending{std::move(vault), std::nullopt, {}, {}, false};
	return file;
}

MergePreview Session::previewMerge(Vault backup)
{
	requireUnlocked();
	discardMerge();
	_backup = std::move(backup);
	_heldAs = HeldAs::Backup;
	return authcore::previewMerge(_vault.contents(), _backup.contents());
}

Session::PendingFile Session::commitMerge()
{
	requireUnlocked();
	if (!_backup.isUnlocked() || _heldAs != HeldAs::Backup)
		throw Error(ErrorKind::InvalidArgument, "merge", "no backup is waiting to be merged");
	return compute([&](Vault& next, Saved& saved) { saved.merge = next.mergeFrom(_backup.contents()); }, {}, true);
}

void Session::discardMerge() noexcept
{
	_backup.lock();
	_heldAs = HeldAs::Backup;
}

Session::Saved Session::confirmSaved(uint64_t revision)
{
	const bool replaces = _pending && !_pending->baseRevision;
	if (!replaces)
		requireUnlocked();
	if (!_pending || _pending->next.revision() != revision || (!replaces && _pending->baseRevision != _vault.revision()))
		throw Error(ErrorKind::InvalidArgument, "revision", "no pending save has this revision");
	Pending pending = std::move(*_pending);
	_pending.reset();
	if (replaces) {
		open(std::move(pending.next)); // drops the candidates and a held backup: they were the old vault's
		return {};
	}
	_vault = std::move(pending.next);
	if (pending.endsMerge)
		discardMerge();
	std::erase_if(_candidates, [&](Candidate& c) {
		const auto& saved = pending.candidateIds;
		if (std::find(saved.begin(), saved.end(), c.id) == saved.end())
			return false;
		wipeCandidate(c);
		return true;
	});
	return std::move(pending.saved);
}

void Session::abandon() noexcept
{
	_pending.reset(); // the copy's destructor wipes its key and accounts
}

} // namespace authcore
