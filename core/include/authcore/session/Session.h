#pragma once
// The unlocked vault as the page works with it: the Vault, a staging area of candidates (accounts
// scanned, pasted or typed but not saved yet) and at most one pending save. The page holds ids and
// previews; secrets stay here.
//
// A change goes "compute, persist, confirm": commit() computes the new encrypted file on a copy of
// the vault and hands it out; the live vault and the candidates stay exactly as they were until
// confirmSaved() names that file's revision, after the caller has stored it. A failed write is then
// abandon() (or simply the next commit()), and nothing needs undoing.
//
// Throws Error{Locked} for every operation on a locked session but lock(), open(), checkSecret(),
// commitReplacement(), confirmSaved() of a replacement and abandon().

#include "authcore/session/Candidate.h"
#include "authcore/vault/Vault.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

class Session
{
public:
	Session() = default;
	Session(const Session&) = delete;
	Session& operator=(const Session&) = delete;
	~Session() { lock(); }

	/// Takes over an unlocked vault (just created, unlocked or restored); whatever was staged or
	/// pending for the previous one is dropped.
	void open(Vault vault);
	/// Wipes the vault, the candidates and the pending save.
	void lock() noexcept;
	bool isUnlocked() const noexcept { return _vault.isUnlocked(); }

	/// The vault, for reading only: every change goes through a commit below (reading must not
	/// cancel a save in flight, and the codes tick every second).
	const Vault& vault() const;

	// --- staging --------------------------------------------------------------------------------

	/// Stages what a scan or a paste read (surrounding white space ignored). An otpauth:// link gives
	/// one candidate, a migration link one per readable account (the others in `problems`); a web
	/// link or other text gives none and is returned as it is. Throws Error{InvalidUri, field} for
	/// an otpauth:// link that does not parse, Error{InvalidUri|MalformedFile, "data"} for a broken
	/// migration link, and like Account::validate().
	StagedText stageText(std::string_view text);

	/// Stages a typed key. Throws Error{InvalidBase32, "secret"} for a secret that is not Base32 (or
	/// empty), Error{InvalidArgument, "type"|"algorithm"} for unknown names, Error{InvalidArgument,
	/// "issuer"|"name"|"group"} for text that is not UTF-8, and like Account::validate().
	CandidatePreview stageManual(const ManualFields& fields);

	/// The bits of a Base32 secret as typed (same rules as stageManual). Throws Error{InvalidBase32}.
	static SecretCheck checkSecret(std::string_view secret);

	/// In staging order.
	std::vector<CandidatePreview> candidates() const;

	/// Stages otpauth:// links an importer made (in another worker) from another app's file: one
	/// candidate each, in order. All or none: throws like stageText() for the first that does not
	/// parse, and then stages none of them.
	std::vector<CandidatePreview> stageUris(std::span<const std::string> uris);

	/// Throws Error{InvalidArgument, "id"} for an id that is not staged, Error{InvalidArgument,
	/// "time"} for a negative time.
	CandidateCode candidateCode(std::string_view id, int64_t unixSeconds) const;

	/// Drops one candidate (Error{InvalidArgument, "id"} if not staged), and the pending save.
	void discard(std::string_view id);
	/// Drops every candidate and the pending save.
	void discardAll() noexcept;

	// --- compute, persist, confirm --------------------------------------------------------------

	// Every commit*() computes the new file on a copy of the vault and replaces any pending save;
	// nothing visible changes until confirmSaved(). Each throws Error{Locked} on a locked session
	// and, for the change itself, what the Vault method it names throws.

	/// What to do with a candidate that is already in the vault (same secret, issuer and name), or
	/// twice in one request.
	enum class Duplicates { Refuse, Allow, Skip };
	struct CommitRequest
	{
		std::vector<std::string> ids;      // staged candidates, saved in this order
		std::optional<std::string> group;  // replaces each candidate's own group when given
		Duplicates duplicates = Duplicates::Refuse;
	};
	struct PendingFile
	{
		std::vector<uint8_t> file; // what the caller must store
		uint64_t revision;         // what it passes to confirmSaved() once stored
	};
	/// Computes the vault with these candidates added, as one new file. Throws Error{InvalidArgument,
	/// "ids"} for an empty list, an unknown or repeated id, and like Vault::addAll() (with Refuse,
	/// Error{Duplicate, "account"}). With Skip the duplicates are left out (and leave staging on
	/// confirmSaved() with the others); when all are, the file is the vault's own, unchanged.
	PendingFile commit(const CommitRequest& request);

	PendingFile commitUpdate(std::string_view id, const EntryChanges& changes);
	PendingFile commitRemove(std::string_view id);
	/// Throws Error{InvalidArgument, "undo"} when no removal is waiting to be undone.
	PendingFile commitUndoRemove();
	PendingFile commitReorder(std::span<const std::string> ids);
	/// The counter moves on in the file; the code is handed out by confirmSaved() only, so a code is
	/// never shown before the counter that made it is stored.
	PendingFile commitNextHotp(std::string_view id);
	/// Runs Argon2id once, on the copy: a failed write costs nothing to undo. The passkey slots go
	/// (Vault::changePassword()); confirmSaved() says how many.
	PendingFile commitPasswordChange(std::string_view oldPassword, std::string_view newPassword);
	PendingFile commitAddPasskey(std::string_view name, std::span<const uint8_t> credentialId, std::span<const uint8_t> prfSalt,
								 std::span<const uint8_t> prfOutput);
	PendingFile commitRemovePasskey(std::span<const uint8_t> credentialId);
	/// Right after open(): the password slot re-wrapped at the default Argon2id parameters when it is
	/// below the floor (Vault::upgradeWeakPasswordSlot()), or nullopt when it is not.
	std::optional<PendingFile> commitSlotUpgrade(std::string_view password);
	/// A vault that replaces this session's once its file is stored: a new vault, or a backup being
	/// restored. Works locked. Candidates and a backup held for merging are dropped on confirmSaved().
	PendingFile commitReplacement(Vault vault);

	// --- merging a backup ------------------------------------------------------------------------

	/// Holds `backup` (an unlocked copy of this user's vault, another device's or a backup) beside
	/// the vault and says what merging it would change. Replaces a backup held before.
	MergePreview previewMerge(Vault backup);
	/// The merge previewMerge() showed. Throws Error{InvalidArgument, "merge"} when none is held.
	/// The backup is let go on confirmSaved().
	PendingFile commitMerge();
	/// Lets the held backup go (wiped).
	void discardMerge() noexcept;

	// --- sync: a copy another device stored (a WebDAV server, a shared folder; docs/sync.md) -------

	/// Whose key the synced result is sealed with.
	enum class SyncKey
	{
		Same,        // the copy was opened with this vault's key (Vault::openWithSameKey())
		AdoptSynced, // the copy is under another key and its password opened it: this device joins, or
					 // the password was changed on another device. The result is the synced copy with
					 // this vault merged in, so every device keeps opening one file with one key; this
					 // vault's other slots (passkeys) wrap a key it no longer uses and go.
		KeepThis,    // the copy is under the key this vault had before its password was changed here:
					 // the result keeps this vault's new key and replaces the copy
	};
	struct SyncPreview
	{
		MergePreview merge;            // what this device's vault gains, as seen here
		bool syncedCopyBehind = false; // the copy lacks something this vault has, or its key is another
									   // (KeepThis): store the result there too
		bool adoptsSyncedKey = false;  // SyncKey::AdoptSynced
	};
	/// Holds the synced copy, opened, beside the vault (like previewMerge()) and says what syncing
	/// changes. Replaces a backup or copy held before.
	SyncPreview previewSync(Vault synced, SyncKey key);
	/// The sync previewSync() showed, as one save whose revision comes after both copies'. Throws
	/// Error{InvalidArgument, "sync"} when no synced copy is held. The copy is let go on confirmSaved().
	PendingFile commitSync();

	/// What a confirmed save changed, beside the vault itself.
	struct Saved
	{
		std::vector<std::string> addedIds;    // commit(): the new entries' ids, in the request's order
		std::vector<std::string> skippedIds;  // commit() with Skip: candidates left out as duplicates
		std::optional<Vault::HotpCode> hotp;  // commitNextHotp()
		std::optional<MergeChanges> merge;    // commitMerge(), commitSync()
		size_t passkeysDropped = 0;           // commitPasswordChange()
	};
	/// The caller stored the pending file of `revision`: it becomes the vault, its candidates leave
	/// staging. Throws Error{InvalidArgument, "revision"} when no pending save has this revision or
	/// the vault changed since it was computed.
	Saved confirmSaved(uint64_t revision);

	/// The pending file was not stored: forget it. The session is exactly as before commit().
	void abandon() noexcept;
	bool hasPendingSave() const noexcept { return _pending.has_value(); }

private:
	struct Candidate
	{
		std::string id;
		Account account;
		std::string group;
	};
	struct Pending
	{
		Vault next;
		std::optional<uint64_t> baseRevision; // nullopt: replaces the vault, whatever it is
		std::vector<std::string> candidateIds; // leave staging when confirmed
		Saved saved;
		bool endsMerge = false;
	};

	void requireUnlocked() const;
	const Candidate& candidate(std::string_view id) const;
	CandidatePreview stage(Account account, std::string group = {});
	/// Runs `change` on a copy of the vault and makes the result the pending save.
	PendingFile compute(const std::function<void(Vault&, Saved&)>& change, std::vector<std::string> candidateIds = {},
						bool endsMerge = false);
	void wipeCandidate(Candidate& c) noexcept;

	Vault _vault;
	std::vector<Candidate> _candidates;
	std::optional<Pending> _pending;
	Vault _backup; // held between previewMerge() and commitMerge(), or previewSync() and commitSync()
	enum class HeldAs { Backup, SyncedCopy, SyncedCopyToAdopt } _heldAs = HeldAs::Backup;
	uint64_t _nextCandidate = 1;
};

} // namespace authcore
