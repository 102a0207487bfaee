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
// Throws Error{Locked} for every operation on a locked session but lock(), open() and checkSecret().

#include "authcore/session/Candidate.h"
#include "authcore/vault/Vault.h"

#include <cstdint>
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

	/// The vault itself, for reading and for the changes that do not go through staging yet. A change
	/// made there saves, so it moves the revision and confirmSaved() then refuses the pending file
	/// computed before it (reading must not cancel a save in flight: the codes tick every second).
	Vault& vault();
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

	/// Throws Error{InvalidArgument, "id"} for an id that is not staged, Error{InvalidArgument,
	/// "time"} for a negative time.
	CandidateCode candidateCode(std::string_view id, int64_t unixSeconds) const;

	/// Drops one candidate (Error{InvalidArgument, "id"} if not staged), and the pending save.
	void discard(std::string_view id);
	/// Drops every candidate and the pending save.
	void discardAll() noexcept;

	// --- compute, persist, confirm --------------------------------------------------------------

	struct CommitRequest
	{
		std::vector<std::string> ids;      // staged candidates, saved in this order
		std::optional<std::string> group;  // replaces each candidate's own group when given
		bool allowDuplicates = false;
	};
	struct PendingFile
	{
		std::vector<uint8_t> file; // what the caller must store
		uint64_t revision;         // what it passes to confirmSaved() once stored
	};
	/// Computes the vault with these candidates added, as one new file. Nothing visible changes: the
	/// vault and the candidates stay as they are, and a previous pending save is replaced. Throws
	/// Error{InvalidArgument, "ids"} for an empty list, an unknown or repeated id, and like
	/// Vault::addAll() (Error{Duplicate, "account"} included).
	PendingFile commit(const CommitRequest& request);

	/// The caller stored the pending file of `revision`: it becomes the vault, its candidates leave
	/// staging. Returns the new entries' ids, in the request's order. Throws Error{InvalidArgument,
	/// "revision"} when no pending save has this revision or the vault changed since it was computed.
	std::vector<std::string> confirmSaved(uint64_t revision);

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
		uint64_t baseRevision;
		std::vector<std::string> candidateIds;
		std::vector<std::string> entryIds;
	};

	void requireUnlocked() const;
	const Candidate& candidate(std::string_view id) const;
	CandidatePreview stage(Account account, std::string group = {});

	Vault _vault;
	std::vector<Candidate> _candidates;
	std::optional<Pending> _pending;
	uint64_t _nextCandidate = 1;
};

} // namespace authcore
