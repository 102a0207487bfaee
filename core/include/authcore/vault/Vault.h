#pragma once
// The unlocked vault: the decrypted accounts and the master key, in wiping memory, plus the last
// saved file. Every change is written at once: it produces a new encrypted file (file()) with the
// revision one higher, and only when that has worked does the in-memory state change, so a failed
// save leaves the vault as it was. The caller persists file() after each change; storage and
// cryptography never meet. Format: docs/vault-format.md.
//
// Passwords are UTF-8 bytes, compared as given (the wasm binding hands over the NFC form).
// References to entries that the methods return stay valid only until the next change.

#include "authcore/vault/KdfParams.h"
#include "authcore/vault/VaultEntry.h"
#include "authcore/vault/VaultMerge.h"

#include <botan/secmem.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

struct KeySlot;

class Vault
{
public:
	/// A locked vault: every operation but unlock()/create() throws Error{Locked}.
	Vault();
	Vault(Vault&&) noexcept;
	Vault& operator=(Vault&&) noexcept;
	~Vault(); // wipes, like lock()

	/// A new, empty vault (revision 1) with a random master key and one password slot.
	/// Throws Error{InvalidArgument, "password"} for an empty or non-UTF-8 password, and like
	/// KdfParams::validate().
	static Vault create(std::string_view password, const KdfParams& kdf = kDefaultKdf);

	/// Opens a vault file. Throws, in the order checked: Error{MalformedFile} (not a vault file,
	/// truncated, inconsistent, trailing bytes), Error{UnsupportedVersion}, Error{IntegrityFailure}
	/// (damaged header), Error{WrongPassword} (no password slot opens), Error{IntegrityFailure}
	/// (damaged or tampered accounts), Error{MalformedFile} (an account list we cannot read).
	/// Nothing is returned unless every check passes.
	static Vault unlock(std::span<const uint8_t> file, std::string_view password);

	bool isUnlocked() const noexcept { return _unlocked; }
	/// Wipes the master key, the accounts and every text held; afterwards the vault is locked.
	void lock() noexcept;

	uint64_t revision() const;
	/// The last saved (or opened) file: what the caller must store.
	const std::vector<uint8_t>& file() const;
	/// In the user's order.
	const std::vector<VaultEntry>& entries() const;
	/// Throws Error{InvalidArgument, "id"} for an unknown id.
	const VaultEntry& entry(std::string_view id) const;
	/// Argon2id parameters of the (first) password slot.
	KdfParams passwordKdf() const;

	/// Adds an account at the end. Throws like Account::validate(), Error{InvalidArgument} for text
	/// that is not UTF-8 (field "issuer", "name", "group" or "note"), and Error{Duplicate, "account"}
	/// if an entry has the same secret, issuer and name, unless `allowDuplicate`.
	const VaultEntry& add(Account account, const EntryDetails& details = {}, bool allowDuplicate = false);

	struct ImportReport
	{
		std::vector<std::string> addedIds;           // in input order
		std::vector<size_t> duplicates;              // indices into the input
		std::vector<std::pair<size_t, std::string>> problems; // index and message (never a secret)
	};
	/// Adds every otpauth:// URI that parses and is not a duplicate (of the vault or an earlier URI),
	/// in one save. Saves nothing (and keeps the revision) when nothing was added.
	ImportReport importUris(std::span<const std::string> uris, bool allowDuplicates = false);

	/// Throws Error{InvalidArgument, "id"} for an unknown id, and like add() for bad text.
	const VaultEntry& update(std::string_view id, const EntryChanges& changes);

	/// Removes an entry; undoRemove() brings back the last one removed, at its old place, until the
	/// vault is locked.
	void remove(std::string_view id);
	/// Throws Error{InvalidArgument, "undo"} when there is nothing to undo.
	const VaultEntry& undoRemove();

	/// `ids` must name every entry exactly once (Error{InvalidArgument, "ids"} otherwise).
	void reorder(std::span<const std::string> ids);

	/// Re-wraps the master key under `newPassword` with a fresh salt (same Argon2 parameters unless
	/// `kdf` is given). Throws Error{WrongPassword} if `oldPassword` does not open the password slot.
	void changePassword(std::string_view oldPassword, std::string_view newPassword,
						std::optional<KdfParams> kdf = std::nullopt);

	struct HotpCode
	{
		std::string code;
		uint64_t counter; // the counter the code was made from; the entry now holds counter + 1
	};
	/// For an HOTP entry: the code at its counter, after saving the incremented counter, so a code
	/// once shown is never shown again even if the page dies. Throws Error{InvalidArgument, "type"}
	/// for other entries.
	HotpCode nextHotp(std::string_view id);

	struct TimedCode
	{
		std::string id;
		std::optional<std::string> code;     // now; nullopt for HOTP (only nextHotp() makes those)
		std::optional<std::string> nextCode; // of the following period; nullopt for HOTP
		std::optional<uint32_t> secondsRemaining; // 1..period; nullopt for HOTP
		std::optional<uint32_t> period;      // nullopt for HOTP
	};
	/// The TOTP and Steam codes of every entry at `unixSeconds` (>= 0), in the entries' order.
	std::vector<TimedCode> codes(int64_t unixSeconds) const;

	/// The listed entries and the tombstones of recent deletes: what mergeFrom() takes.
	VaultContents contents() const;

	/// Merges another copy of this user's accounts (another device's vault, a backup) into this one
	/// by the rules in VaultMerge.h, as one save (none when nothing changes), and forgets expired
	/// tombstones. The keys stay this vault's. Returns what changed for the user; undoRemove() has
	/// nothing to undo afterwards. Throws like mergeVaultContents().
	MergeChanges mergeFrom(const VaultContents& other);

private:
	void requireUnlocked() const;
	size_t indexOf(std::string_view id) const;
	/// Encrypts `entries` (and `newSlots`, if given) as revision + 1; on success makes them current.
	/// The tombstones stay as they are unless `newTombstones` is given.
	void save(std::vector<VaultEntry> entries, std::vector<KeySlot>* newSlots = nullptr,
			  std::vector<Tombstone>* newTombstones = nullptr);
	/// The stamp for an edit made now (VaultHistory.h).
	int64_t editStamp() const;

	bool _unlocked = false;
	Botan::secure_vector<uint8_t> _masterKey;
	std::vector<KeySlot> _slots;
	uint64_t _revision = 0;
	std::vector<VaultEntry> _entries;
	std::vector<uint8_t> _file;
	std::optional<std::pair<size_t, VaultEntry>> _lastRemoved;
	std::vector<Tombstone> _tombstones;
};

} // namespace authcore
