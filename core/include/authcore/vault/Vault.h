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
#include "authcore/vault/PasskeyInfo.h"
#include "authcore/vault/VaultEntry.h"
#include "authcore/vault/VaultMerge.h"

#include <botan/secmem.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

struct KeySlot;
struct VaultFile;

class Vault
{
public:
	/// A locked vault: every operation but unlock()/create() throws Error{Locked}.
	Vault();
	/// A full copy, secrets included (in wiping memory): what a caller changes to compute a new file
	/// while this vault stays as it is until the file is stored (Session).
	Vault(const Vault&);
	Vault& operator=(const Vault&) = delete;
	Vault(Vault&&) noexcept;
	Vault& operator=(Vault&&) noexcept;
	~Vault(); // wipes, like lock()

	/// Whether create() holds `kdf` to OWASP's Argon2id floor (KdfParams::meetsFloor). Only tests, which
	/// open vaults thousands of times, and throwaway vaults that are never stored (the rehearsal) have
	/// a reason to go below it.
	enum class KdfFloor { Enforced, NotEnforced };

	/// A new, empty vault (revision 1) with a random master key and one password slot.
	/// Throws Error{InvalidArgument, "password"} for an empty or non-UTF-8 password,
	/// Error{InvalidArgument, "kdf"} below the floor, and like KdfParams::validate().
	static Vault create(std::string_view password, const KdfParams& kdf = kDefaultKdf, KdfFloor floor = KdfFloor::Enforced);

	/// Opens a vault file. Throws, in the order checked: Error{MalformedFile} (not a vault file,
	/// truncated, inconsistent, trailing bytes), Error{UnsupportedVersion}, Error{IntegrityFailure}
	/// (damaged header), Error{KdfTooCostly} (the password slots together ask for more than
	/// KdfBudget allows; nothing is derived), Error{WrongPassword} (no password slot opens), Error{IntegrityFailure}
	/// (damaged or tampered accounts), Error{MalformedFile} (an account list we cannot read).
	/// Nothing is returned unless every check passes.
	static Vault unlock(std::span<const uint8_t> file, std::string_view password);

	// --- passkeys (WebAuthn PRF; VaultPasskeys.cpp) -------------------------------------------------
	// A vault has one password slot, always, and up to 15 passkey slots beside it. Adding or removing
	// a passkey never touches the password slot.

	/// The passkeys of a vault file without opening it: what the unlock screen asks the browser for.
	/// Throws like unlock() up to the header digest, and Error{MalformedFile, "slot"} for a damaged
	/// passkey slot.
	static std::vector<PasskeyInfo> passkeysOf(std::span<const uint8_t> file);

	/// Opens a vault file with the PRF output (32 bytes) that the passkey `credentialId` gave for its
	/// slot's prfSalt. Throws like unlock(), with Error{WrongPassword, "passkey"} when the vault has
	/// no passkey slot for this credential or the output does not open it.
	static Vault unlockWithPasskey(std::span<const uint8_t> file, std::span<const uint8_t> credentialId,
								   std::span<const uint8_t> prfOutput);

	/// 32 random bytes: the PRF input for a passkey about to be created.
	static std::array<uint8_t, 32> newPasskeySalt();

	/// In slot order.
	std::vector<PasskeyInfo> passkeys() const;

	/// Adds a passkey slot wrapping the master key under HKDF(prfOutput). `name`: 1 .. 64 bytes of
	/// UTF-8; `credentialId`: 1 .. 1023 bytes; `prfSalt` and `prfOutput`: 32 bytes each
	/// (Error{InvalidArgument} naming the field). Error{Duplicate, "passkey"} if this credential
	/// already has a slot, Error{InvalidArgument, "slots"} when the vault has 16 slots.
	void addPasskey(std::string_view name, std::span<const uint8_t> credentialId, std::span<const uint8_t> prfSalt,
					std::span<const uint8_t> prfOutput);

	/// Removes the passkey slot of `credentialId` (Error{InvalidArgument, "credentialId"} if there is
	/// none). The password slot stays, whatever is removed.
	void removePasskey(std::span<const uint8_t> credentialId);

	/// Runs, on a throwaway vault with cheap Argon2 parameters and up to 60 accounts (as many as
	/// `storedFile`'s size suggests), what an unlock by password or passkey and the first codes run,
	/// then allocates and frees the memory that `storedFile`'s own Argon2 parameters will need (at
	/// most 256 MiB; the defaults' for a file it cannot read). `storedFile` is the file about to be
	/// opened: the stored vault, or a backup chosen for a restore (may be empty). Nothing is
	/// kept and nothing is stored. Why: in a browser the first unlock of a fresh WebAssembly module
	/// otherwise pays for compiling and optimizing that code and for growing and zero-filling the
	/// heap, some 400 ms beside ~180 ms of Argon2id (VaultRehearsal.cpp). The page calls it while
	/// the user types. Throws only what allocation throws.
	static void rehearse(std::span<const uint8_t> storedFile);

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

	struct NewEntry
	{
		Account account;
		EntryDetails details;
	};
	/// Adds every account at the end, in order, as one save; returns their new ids. Throws like add()
	/// for the first account that fails (a duplicate of the vault or of an earlier one in `accounts`
	/// included), and then adds none of them.
	std::vector<std::string> addAll(std::vector<NewEntry> accounts, bool allowDuplicates = false);

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

	/// Makes a new master key, re-encrypts the accounts under it and replaces every key slot with one
	/// password slot for `newPassword` (Argon2 parameters: `kdf`, else the old slot's, else the default
	/// when the old ones are below the floor). Files saved before keep opening with the old password,
	/// but none saved after can be opened with anything from them. Other slots (passkeys) are dropped:
	/// they wrap the old key. Throws Error{WrongPassword, "oldPassword"} if `oldPassword` does not open
	/// a password slot holding the key in use, and like KdfParams::validate() for `kdf`.
	void changePassword(std::string_view oldPassword, std::string_view newPassword,
						std::optional<KdfParams> kdf = std::nullopt);

	/// After unlocking with `password`: if the slot it opens is below the Argon2id floor
	/// (KdfParams::meetsFloor), re-wraps the key under the default parameters and saves (the caller
	/// must store file()). Returns whether it saved.
	bool upgradeWeakPasswordSlot(std::string_view password);

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
	/// The TOTP and Steam codes of every entry at `unixSeconds` (>= 0), in the entries' order; with
	/// non-empty `ids`, of those entries only (still in the entries' order; an id not in the vault is skipped):
	/// the page asks for the rows on screen first, which at 1,000 accounts is the difference between
	/// two HMACs per row shown and two thousand.
	std::vector<TimedCode> codes(int64_t unixSeconds, std::span<const std::string> ids = {}) const;

	/// The listed entries and the tombstones of recent deletes: what mergeFrom() takes.
	VaultContents contents() const;

	/// Merges another copy of this user's accounts (another device's vault, a backup) into this one
	/// by the rules in VaultMerge.h, as one save (none when nothing changes), and forgets expired
	/// tombstones. The keys stay this vault's. Returns what changed for the user; undoRemove() has
	/// nothing to undo afterwards. Throws like mergeVaultContents().
	MergeChanges mergeFrom(const VaultContents& other);

	// --- a copy kept in step through storage the user owns (docs/sync.md) ----------------------

	/// Another device's copy of this vault (the synced file), opened with this vault's key: no
	/// password, no Argon2id. nullopt when its accounts do not open with this key: the file was
	/// sealed under another key (a password changed on another device, or another vault), and only
	/// its password opens it (unlock()). Throws like unlock() for a file that does not parse, and
	/// Error{IntegrityFailure, "payload"} when the file carries this vault's very key slots yet its
	/// accounts do not open: it was changed.
	std::optional<Vault> openWithSameKey(std::span<const uint8_t> file) const;

	/// A short secret this device keeps beside the vault (the WebDAV app password), sealed under a key
	/// derived from the master key (HKDF-SHA256): nonce ‖ ciphertext ‖ tag. It opens only while the
	/// vault has the key it was sealed under, so a stolen browser profile gives nothing more than the
	/// vault file does. Throws Error{InvalidArgument, "secret"} for more than 4 KiB.
	std::vector<uint8_t> sealDeviceSecret(std::span<const uint8_t> secret) const;
	/// nullopt when `sealed` was sealed under another key (a password changed since) or was changed.
	std::optional<Botan::secure_vector<uint8_t>> openDeviceSecret(std::span<const uint8_t> sealed) const;

	enum class SealWhen { Changed, Always };
	/// mergeFrom() with the synced copy `synced`, whose revision counts too: a file this saves comes
	/// after both (a revision never goes back on any device, which the page's rollback warning
	/// relies on). With SealWhen::Always it saves even when nothing changed, for a vault that takes
	/// over from another (Session::commitSync() adopting the synced key).
	MergeChanges mergeSynced(const Vault& synced, SealWhen when = SealWhen::Changed);

private:
	void requireUnlocked() const;
	/// Decrypts the accounts of a parsed `file` with its master key: the end of every unlock.
	static Vault openPayload(const VaultFile& parsed, std::span<const uint8_t> file, Botan::secure_vector<uint8_t> masterKey);
	size_t indexOf(std::string_view id) const;
	/// mergeFrom() whose save, if any, is revision lastRevision + 1 (at least this vault's own + 1).
	MergeChanges mergeAfter(const VaultContents& other, uint64_t lastRevision, SealWhen when);
	/// Encrypts `entries` (and `newSlots`, if given) as revision + 1; on success makes them current.
	/// The tombstones stay as they are unless `newTombstones` is given. With `newKey`, the payload is
	/// sealed under it and it becomes the master key on success.
	void sealNextRevision(std::vector<VaultEntry> entries, std::vector<KeySlot>* newSlots = nullptr,
			  std::vector<Tombstone>* newTombstones = nullptr, Botan::secure_vector<uint8_t>* newKey = nullptr);
	/// The stamp for an edit made now (VaultHistory.h).
	int64_t editStamp() const;
	/// The index of the password slot that `password` opens to the key in use; with `onlyBelowFloor`,
	/// only slots below the Argon2id floor are tried (and so paid for).
	std::optional<size_t> passwordSlotOpenedBy(std::string_view password, bool onlyBelowFloor) const;

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
