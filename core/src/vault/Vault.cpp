#include "authcore/vault/Vault.h"
#include "authcore/SecureWipe.h"

#include "authcore/Error.h"
#include "authcore/kdf/KdfBudget.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Utf8.h"
#include "authcore/otp/Otp.h"
#include "vault/AesGcm.h"
#include "vault/PasswordSlot.h"
#include "vault/VaultFile.h"
#include "vault/VaultFormat.h"
#include "vault/VaultHistory.h"
#include "vault/VaultPayload.h"

#include <botan/hex.h>
#include <botan/mem_ops.h>
#include <botan/system_rng.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <set>
#include <unordered_set>

namespace authcore {

using namespace vaultformat;

namespace {

int64_t now()
{
	return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void requirePassword(std::string_view password)
{
	if (password.empty())
		throw Error(ErrorKind::InvalidArgument, "password", "the password is empty");
	if (!isValidUtf8(password))
		throw Error(ErrorKind::InvalidArgument, "password", "the password is not valid UTF-8 text");
}

void wipe(std::string& text) noexcept
{
	authcore::secureWipe(text);
	text.clear();
}

void wipeTexts(VaultEntry& entry) noexcept
{
	wipe(entry.id);
	wipe(entry.account.issuer);
	wipe(entry.account.name);
	wipe(entry.group);
	wipe(entry.note);
}

void wipeTexts(std::vector<VaultEntry>& entries) noexcept
{
	for (auto& entry : entries)
		wipeTexts(entry);
}

void wipeTexts(std::vector<Tombstone>& tombstones) noexcept
{
	for (auto& tombstone : tombstones)
		wipeTexts(tombstone.entry);
}

std::string newId(Botan::RandomNumberGenerator& rng)
{
	std::array<uint8_t, 16> bytes{};
	rng.randomize(bytes);
	return Botan::hex_encode(bytes.data(), bytes.size(), false);
}

std::optional<PasswordSlot> firstPasswordSlot(const std::vector<KeySlot>& slots)
{
	for (const auto& slot : slots)
		if (slot.type == kPasswordSlotType)
			return PasswordSlot::fromKeySlot(slot);
	return std::nullopt;
}

} // namespace

Vault::Vault() = default;
Vault::Vault(const Vault&) = default;
Vault::Vault(Vault&& other) noexcept
{
	*this = std::move(other);
}
Vault& Vault::operator=(Vault&& other) noexcept
{
	if (this != &other) {
		lock();
		_unlocked = other._unlocked;
		_masterKey = std::move(other._masterKey);
		_slots = std::move(other._slots);
		_revision = other._revision;
		_entries = std::move(other._entries);
		_file = std::move(other._file);
		_lastRemoved = std::move(other._lastRemoved);
		_tombstones = std::move(other._tombstones);
		other.lock();
	}
	return *this;
}

Vault::~Vault()
{
	lock();
}

void Vault::lock() noexcept
{
	// secure_vector zeroes the key and every secret as it frees them; the texts are plain strings,
	// so they are wiped here.
	wipeTexts(_entries);
	if (_lastRemoved)
		wipeTexts(_lastRemoved->second);
	_lastRemoved.reset();
	wipeTexts(_tombstones);
	_tombstones.clear();
	_entries.clear();
	_entries.shrink_to_fit();
	_masterKey.clear();
	_masterKey.shrink_to_fit();
	_slots.clear();
	_file.clear();
	_revision = 0;
	_unlocked = false;
}

Vault Vault::create(std::string_view password, const KdfParams& kdf, KdfFloor floor)
{
	requirePassword(password);
	kdf.validate();
	if (floor == KdfFloor::Enforced && !kdf.meetsFloor())
		throw Error(ErrorKind::InvalidArgument, "kdf",
					"Argon2id parameters below OWASP's minimum (19 MiB with 2 passes) are not allowed for a vault");
	Botan::System_RNG rng;
	Vault vault;
	vault._masterKey = rng.random_vec(kKeySize);
	vault._slots = {PasswordSlot::seal(password, vault._masterKey, kdf, rng).toKeySlot()};
	vault._revision = 0;
	vault._unlocked = true;
	vault.sealNextRevision({});
	return vault;
}

Vault Vault::unlock(std::span<const uint8_t> file, std::string_view password)
{
	const VaultFile parsed = parseVaultFile(file);

	std::vector<PasswordSlot> passwordSlots;
	for (const auto& slot : parsed.slots)
		if (slot.type == kPasswordSlotType)
			passwordSlots.push_back(PasswordSlot::fromKeySlot(slot));
	if (passwordSlots.empty())
		throw Error(ErrorKind::MalformedFile, "slots", "the vault has no password slot");
	// Every slot we may try is paid for up front, so a file over budget costs nothing.
	KdfBudget budget;
	for (const auto& slot : passwordSlots)
		budget.charge(slot.kdf.cost(), "slots");

	std::optional<Botan::secure_vector<uint8_t>> masterKey;
	for (const auto& slot : passwordSlots) {
		masterKey = slot.open(password);
		if (masterKey)
			break;
	}
	if (!masterKey)
		throw Error(ErrorKind::WrongPassword, "password", "the password is not correct");
	return openPayload(parsed, file, std::move(*masterKey));
}

Vault Vault::openPayload(const VaultFile& parsed, std::span<const uint8_t> file, Botan::secure_vector<uint8_t> masterKey)
{
	auto plaintext = openAesGcm(masterKey, parsed.payloadNonce, parsed.header, parsed.sealedPayload);
	if (!plaintext)
		throw Error(ErrorKind::IntegrityFailure, "payload", "the file is damaged or was changed: its accounts do not authenticate");

	auto [entries, tombstones] = decodeVaultPayload(*plaintext);
	std::set<std::string_view> ids;
	for (const auto& entry : entries)
		if (!ids.insert(entry.id).second)
			throw Error(ErrorKind::MalformedFile, "payload", "two accounts in the file have the same id");

	Vault vault;
	vault._masterKey = std::move(masterKey);
	vault._slots = parsed.slots;
	vault._revision = parsed.revision;
	vault._entries = std::move(entries);
	vault._tombstones = std::move(tombstones);
	vault._file.assign(file.begin(), file.end());
	vault._unlocked = true;
	return vault;
}

void Vault::requireUnlocked() const
{
	if (!_unlocked)
		throw Error(ErrorKind::Locked, "", "the vault is locked");
}

uint64_t Vault::revision() const
{
	requireUnlocked();
	return _revision;
}

const std::vector<uint8_t>& Vault::file() const
{
	requireUnlocked();
	return _file;
}

const std::vector<VaultEntry>& Vault::entries() const
{
	requireUnlocked();
	return _entries;
}

size_t Vault::indexOf(std::string_view id) const
{
	requireUnlocked();
	auto it = std::find_if(_entries.begin(), _entries.end(), [&](const VaultEntry& e) { return e.id == id; });
	if (it == _entries.end())
		throw Error(ErrorKind::InvalidArgument, "id", "no account has this id");
	return static_cast<size_t>(it - _entries.begin());
}

const VaultEntry& Vault::entry(std::string_view id) const
{
	return _entries[indexOf(id)];
}

KdfParams Vault::passwordKdf() const
{
	requireUnlocked();
	auto slot = firstPasswordSlot(_slots);
	if (!slot)
		throw Error(ErrorKind::MalformedFile, "slots", "the vault has no password slot");
	return slot->kdf;
}

void Vault::sealNextRevision(std::vector<VaultEntry> entries, std::vector<KeySlot>* newSlots, std::vector<Tombstone>* newTombstones,
				 Botan::secure_vector<uint8_t>* newKey)
{
	requireUnlocked();
	if (_revision == std::numeric_limits<uint64_t>::max())
		throw Error(ErrorKind::InvalidArgument, "revision", "the vault cannot be saved again");
	const auto& slots = newSlots ? *newSlots : _slots;
	const uint64_t revision = _revision + 1;

	const auto plaintext = encodeVaultPayload({entries, newTombstones ? *newTombstones : _tombstones});
	if (plaintext.size() > std::numeric_limits<uint32_t>::max())
		throw Error(ErrorKind::InvalidArgument, "entries", "the account list is too large");
	Botan::System_RNG rng;
	std::array<uint8_t, kNonceSize> nonce{};
	rng.randomize(nonce);
	const auto header = encodeVaultHeader(revision, static_cast<uint32_t>(plaintext.size()), slots);
	const auto sealed = sealAesGcm(newKey ? *newKey : _masterKey, nonce, header, plaintext);
	auto file = assembleVaultFile(header, nonce, sealed);

	// Nothing above changed the vault; from here on nothing throws.
	_file = std::move(file);
	_revision = revision;
	if (newSlots)
		_slots = std::move(*newSlots);
	if (newKey)
		std::swap(_masterKey, *newKey); // the caller's vector now holds the old key and wipes it
	std::swap(_entries, entries);
	wipeTexts(entries);
	if (newTombstones) {
		std::swap(_tombstones, *newTombstones);
		wipeTexts(*newTombstones);
	}
}

const VaultEntry& Vault::add(Account account, const EntryDetails& details, bool allowDuplicate)
{
	std::vector<NewEntry> one;
	one.push_back({std::move(account), details});
	addAll(std::move(one), allowDuplicate);
	return _entries.back();
}

std::vector<std::string> Vault::addAll(std::vector<NewEntry> accounts, bool allowDuplicates)
{
	requireUnlocked();
	auto entries = _entries;
	Botan::System_RNG rng;
	const int64_t time = now();
	const int64_t stamp = editStamp();
	std::vector<std::string> ids;
	for (auto& [account, details] : accounts) {
		account.validate();
		requireUtf8(account.issuer, "issuer");
		requireUtf8(account.name, "name");
		requireUtf8(details.group, "group");
		requireUtf8(details.note, "note");
		// Checked against the accounts added before it in this call too: two copies of one scanned
		// code must not both land in the vault.
		if (!allowDuplicates &&
			std::any_of(entries.begin(), entries.end(), [&](const VaultEntry& e) { return isSameAccount(e.account, account); })) {
			throw Error(ErrorKind::Duplicate, "account", "this account is already in the vault");
		}
		VaultEntry entry;
		entry.id = newId(rng);
		entry.account = std::move(account);
		entry.group = details.group;
		entry.note = details.note;
		entry.favourite = details.favourite;
		entry.created = entry.updated = time;
		entry.stamps = {stamp, stamp, stamp, stamp, stamp, stamp, stamp};
		entry.rank = entries.empty() ? 0 : entries.back().rank + kRankGap;
		ids.push_back(entry.id);
		entries.push_back(std::move(entry));
	}
	sealNextRevision(std::move(entries));
	return ids;
}

Vault::ImportReport Vault::importUris(std::span<const std::string> uris, bool allowDuplicates)
{
	requireUnlocked();
	ImportReport report;
	auto entries = _entries;
	Botan::System_RNG rng;
	const int64_t time = now();
	const int64_t stamp = editStamp();
	for (size_t i = 0; i < uris.size(); ++i) {
		Account account;
		try {
			account = parseOtpauthUri(uris[i]);
			account.validate();
			requireUtf8(account.issuer, "issuer");
			requireUtf8(account.name, "name");
		} catch (const Error& e) {
			report.problems.emplace_back(i, e.what());
			continue;
		}
		if (!allowDuplicates &&
			std::any_of(entries.begin(), entries.end(), [&](const VaultEntry& e) { return isSameAccount(e.account, account); })) {
			report.duplicates.push_back(i);
			continue;
		}
		VaultEntry entry;
		entry.id = newId(rng);
		entry.account = std::move(account);
		entry.created = entry.updated = time;
		entry.stamps = {stamp, stamp, stamp, stamp, stamp, stamp, stamp};
		entry.rank = entries.empty() ? 0 : entries.back().rank + kRankGap;
		report.addedIds.push_back(entry.id);
		entries.push_back(std::move(entry));
	}
	if (!report.addedIds.empty())
		sealNextRevision(std::move(entries));
	return report;
}

const VaultEntry& Vault::update(std::string_view id, const EntryChanges& changes)
{
	const size_t index = indexOf(id);
	auto entries = _entries;
	VaultEntry& entry = entries[index];
	const int64_t stamp = editStamp();
	if (changes.issuer) {
		requireUtf8(*changes.issuer, "issuer");
		entry.account.issuer = *changes.issuer;
		entry.stamps.issuer = stamp;
	}
	if (changes.name) {
		requireUtf8(*changes.name, "name");
		entry.account.name = *changes.name;
		entry.stamps.name = stamp;
	}
	if (changes.group) {
		requireUtf8(*changes.group, "group");
		entry.group = *changes.group;
		entry.stamps.group = stamp;
	}
	if (changes.note) {
		requireUtf8(*changes.note, "note");
		entry.note = *changes.note;
		entry.stamps.note = stamp;
	}
	if (changes.favourite) {
		entry.favourite = *changes.favourite;
		entry.stamps.favourite = stamp;
	}
	entry.updated = now();
	sealNextRevision(std::move(entries));
	return _entries[index];
}

void Vault::remove(std::string_view id)
{
	const size_t index = indexOf(id);
	auto entries = _entries;
	VaultEntry removed = std::move(entries[index]);
	entries.erase(entries.begin() + static_cast<ptrdiff_t>(index));
	// The tombstone keeps the entry, so that a delete merges field by field like any edit.
	VaultContents kept{{}, _tombstones};
	kept.tombstones.push_back({removed, editStamp()});
	pruneTombstones(kept, clockMs());
	sealNextRevision(std::move(entries), nullptr, &kept.tombstones);
	if (_lastRemoved)
		wipeTexts(_lastRemoved->second);
	_lastRemoved.emplace(index, std::move(removed));
}

const VaultEntry& Vault::undoRemove()
{
	requireUnlocked();
	if (!_lastRemoved)
		throw Error(ErrorKind::InvalidArgument, "undo", "there is no deleted account to bring back");
	auto entries = _entries;
	const size_t index = std::min(_lastRemoved->first, entries.size());
	// Bringing it back is an edit newer than the delete, so other devices bring it back too.
	const int64_t stamp = editStamp();
	entries.insert(entries.begin() + static_cast<ptrdiff_t>(index), _lastRemoved->second);
	entries[index].stamps.account = stamp;
	rankInListOrder(entries, stamp);
	auto tombstones = _tombstones;
	std::erase_if(tombstones, [&](const Tombstone& t) { return t.entry.id == entries[index].id; });
	sealNextRevision(std::move(entries), nullptr, &tombstones);
	wipeTexts(_lastRemoved->second);
	_lastRemoved.reset();
	return _entries[index];
}

void Vault::reorder(std::span<const std::string> ids)
{
	requireUnlocked();
	if (ids.size() != _entries.size())
		throw Error(ErrorKind::InvalidArgument, "ids", "the new order must list every account exactly once");
	std::vector<VaultEntry> entries;
	entries.reserve(ids.size());
	std::set<std::string_view> seen;
	for (const auto& id : ids) {
		auto it = std::find_if(_entries.begin(), _entries.end(), [&](const VaultEntry& e) { return e.id == id; });
		if (it == _entries.end() || !seen.insert(id).second)
			throw Error(ErrorKind::InvalidArgument, "ids", "the new order must list every account exactly once");
		entries.push_back(*it);
	}
	rankInListOrder(entries, editStamp());
	sealNextRevision(std::move(entries));
}

std::optional<size_t> Vault::passwordSlotOpenedBy(std::string_view password, bool onlyBelowFloor) const
{
	for (size_t i = 0; i < _slots.size(); ++i) {
		if (_slots[i].type != kPasswordSlotType)
			continue;
		const PasswordSlot slot = PasswordSlot::fromKeySlot(_slots[i]);
		if (onlyBelowFloor && slot.kdf.meetsFloor())
			continue; // no derivation at all for the usual, strong slot
		auto key = slot.open(password);
		if (key && Botan::constant_time_compare(*key, _masterKey))
			return i;
	}
	return std::nullopt;
}

void Vault::changePassword(std::string_view oldPassword, std::string_view newPassword, std::optional<KdfParams> kdf)
{
	requireUnlocked();
	requirePassword(newPassword);
	if (kdf)
		kdf->validate();

	// The old password must open a slot and yield the very key in use: knowing the unlocked
	// vault's page is not enough to take it over.
	const auto opened = passwordSlotOpenedBy(oldPassword, /*onlyBelowFloor=*/false);
	if (!opened)
		throw Error(ErrorKind::WrongPassword, "oldPassword", "the current password is not correct");
	const KdfParams oldKdf = PasswordSlot::fromKeySlot(_slots[*opened]).kdf;
	const KdfParams newKdf = kdf.value_or(oldKdf.meetsFloor() ? oldKdf : kDefaultKdf);

	// A new master key, not the old one re-wrapped: every earlier file (backups, the page's previous
	// record) still opens with the old password, and with a kept key each of them would open every
	// later save too. The new file has exactly one slot, the new password's; other slots (passkeys)
	// hold the old key, cannot be re-wrapped without their authenticator, and are dropped.
	Botan::System_RNG rng;
	Botan::secure_vector<uint8_t> newKey = rng.random_vec(kKeySize);
	std::vector<KeySlot> slots = {PasswordSlot::seal(newPassword, newKey, newKdf, rng).toKeySlot()};
	sealNextRevision(_entries, &slots, nullptr, &newKey);
}

bool Vault::upgradeWeakPasswordSlot(std::string_view password)
{
	requireUnlocked();
	const auto opened = passwordSlotOpenedBy(password, /*onlyBelowFloor=*/true);
	if (!opened)
		return false;
	Botan::System_RNG rng;
	auto slots = _slots;
	slots[*opened] = PasswordSlot::seal(password, _masterKey, kDefaultKdf, rng).toKeySlot();
	sealNextRevision(_entries, &slots);
	return true;
}

Vault::HotpCode Vault::nextHotp(std::string_view id)
{
	const size_t index = indexOf(id);
	const Account& account = _entries[index].account;
	if (account.type != OtpType::Hotp)
		throw Error(ErrorKind::InvalidArgument, "type", "only HOTP accounts have counter-based codes");
	if (account.counter == std::numeric_limits<uint64_t>::max())
		throw Error(ErrorKind::InvalidArgument, "counter", "the HOTP counter cannot go higher");
	HotpCode result{generateCode(account, 0), account.counter};
	auto entries = _entries;
	entries[index].account.counter = account.counter + 1;
	sealNextRevision(std::move(entries)); // before the code leaves the core
	return result;
}

} // namespace authcore

namespace authcore {

std::vector<Vault::TimedCode> Vault::codes(int64_t unixSeconds, std::span<const std::string> ids) const
{
	requireUnlocked();
	const std::unordered_set<std::string_view> wanted(ids.begin(), ids.end());
	std::vector<TimedCode> result;
	result.reserve(ids.empty() ? _entries.size() : ids.size());
	for (const auto& entry : _entries) {
		if (!ids.empty() && !wanted.contains(entry.id))
			continue;
		TimedCode timed{entry.id, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
		const Account& account = entry.account;
		if (account.type != OtpType::Hotp) {
			timed.code = generateCode(account, unixSeconds);
			const uint32_t remaining = secondsRemaining(unixSeconds, account.period);
			timed.nextCode = generateCode(account, unixSeconds + remaining);
			timed.secondsRemaining = remaining;
			timed.period = account.period;
		}
		result.push_back(std::move(timed));
	}
	return result;
}

} // namespace authcore
