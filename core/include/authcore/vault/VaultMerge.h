#pragma once
// Merging two copies of one user's accounts: two devices, or a device and a backup. The rules
// (docs/sync.md has them in prose):
//   - one account per secret and OTP parameters (type, algorithm, digits, period): the same
//     account added on two devices becomes one, under the smaller of its ids;
//   - each of issuer, name, group, note, favourite and place in the order keeps the value with the
//     newer stamp (EntryStamps); equal stamps keep the larger value, so the result never depends on
//     which side is "a";
//   - a delete (Tombstone) hides the account if it is newer than every edit of it, and is undone by
//     any newer edit; the deleted account's fields still merge, so whichever wins, nothing of the
//     newest edits is lost;
//   - an HOTP counter takes the larger value (a code once shown anywhere is never shown again);
//   - created takes the earlier time, updated the later.
// mergeVaultContents() is a pure function of its two arguments: commutative, associative and
// idempotent (tests/vault/VaultMergePropertyTest.cpp proves it on random histories of two and three
// devices), so devices that exchange files in any order end up with the same accounts.

#include "authcore/vault/VaultEntry.h"

#include <cstddef>
#include <string>
#include <vector>

namespace authcore {

/// Everything a vault's payload holds besides its keys.
struct VaultContents
{
	std::vector<VaultEntry> entries;     // what the user sees, in the user's order
	std::vector<Tombstone> tombstones;   // deleted entries, by id

	bool operator==(const VaultContents&) const = default;
};

/// The merge of two vaults' contents, in normal form: entries sorted by (rank, id), tombstones by id,
/// no two records with the same secret and OTP parameters, no tombstone for a listed entry.
/// Throws Error{MalformedFile, "id"} if two records share an id but not their secret and OTP
/// parameters (random 128-bit ids make that impossible except in a damaged or crafted file).
VaultContents mergeVaultContents(const VaultContents& a, const VaultContents& b);

/// What a merge changed, seen from the vault that receives it.
struct MergeChanges
{
	std::vector<std::string> added;   // ids (in `after`) of accounts `before` did not list
	std::vector<std::string> updated; // ids (in `after`) of accounts whose fields or counter changed, or
									  // that absorbed a duplicate (a new place in the order alone is no update)
	std::vector<std::string> deleted; // ids (in `before`) of accounts no longer listed
	size_t unchanged = 0;

	bool empty() const noexcept { return added.empty() && updated.empty() && deleted.empty(); }
};

/// Compares the listed entries of `before` and `after` (accounts matched by secret and OTP parameters,
/// so an id folded into a duplicate's counts as the same account).
MergeChanges describeMerge(const VaultContents& before, const VaultContents& after);

/// What merging `incoming` into `local` gives, and what that changes for `local`'s user: the
/// preview the page shows before Vault::mergeFrom() applies the very same merge.
struct MergePreview
{
	VaultContents merged;
	MergeChanges changes;
};
MergePreview previewMerge(const VaultContents& local, const VaultContents& incoming);

/// Forgets tombstones deleted more than kTombstoneLifetimeMs before `nowMs`.
void pruneTombstones(VaultContents& contents, int64_t nowMs);

} // namespace authcore
