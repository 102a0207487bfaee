#pragma once
// One account as the vault keeps it: the OTP part (Account) plus what only the vault knows.

#include "authcore/account/Account.h"

#include <cstdint>
#include <optional>
#include <string>

namespace authcore {

/// When each part of an entry was last set, in milliseconds since 1970 from the vault's hybrid
/// clock (never less than one more than any stamp already in the vault, so an edit made after a
/// merge is newer than everything merged). A merge keeps, field by field, the value with the newer
/// stamp (core/include/authcore/vault/VaultMerge.h). 0 = unknown (a vault written before stamps).
struct EntryStamps
{
	int64_t account = 0;   // added, or brought back after a delete (the OTP part itself never changes)
	int64_t issuer = 0;
	int64_t name = 0;
	int64_t group = 0;
	int64_t note = 0;
	int64_t favourite = 0;
	int64_t rank = 0;      // moved in the user's order

	int64_t latest() const noexcept;
	bool operator==(const EntryStamps&) const = default;
};

struct VaultEntry
{
	std::string id;         // 32 lower-case hex digits, random, never changes (not even on edit)
	Account account;        // issuer, name, secret and OTP parameters
	std::string group;      // UTF-8, may be empty
	std::string note;       // UTF-8, may be empty
	bool favourite = false;
	int64_t created = 0;    // Unix seconds
	int64_t updated = 0;    // Unix seconds, changes with every edit of the entry (not with HOTP use)
	int64_t rank = 0;       // place in the user's order: the vault lists entries by rank, then id
	EntryStamps stamps;

	bool operator==(const VaultEntry&) const = default;
};

/// A deleted entry, kept whole (inside the encrypted payload) for kTombstoneLifetimeMs so that a
/// delete can win over, or lose to, edits made elsewhere, field by field, whatever the merge order.
struct Tombstone
{
	VaultEntry entry;
	int64_t deleted = 0; // stamp of the delete, same clock as EntryStamps

	bool operator==(const Tombstone&) const = default;
};

/// How long a tombstone is kept: a device that stays away longer may bring a deleted account back
/// (never the reverse: nothing is lost).
inline constexpr int64_t kTombstoneLifetimeMs = int64_t{90} * 24 * 60 * 60 * 1000;

/// Optional details given when an account is added.
struct EntryDetails
{
	std::string group;
	std::string note;
	bool favourite = false;
};

/// Fields to change in an entry; those left empty stay as they are.
struct EntryChanges
{
	std::optional<std::string> issuer;
	std::optional<std::string> name;
	std::optional<std::string> group;
	std::optional<std::string> note;
	std::optional<bool> favourite;
};

} // namespace authcore
