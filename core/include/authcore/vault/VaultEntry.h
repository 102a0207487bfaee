#pragma once
// One account as the vault keeps it: the OTP part (Account) plus what only the vault knows.

#include "authcore/account/Account.h"

#include <cstdint>
#include <optional>
#include <string>

namespace authcore {

struct VaultEntry
{
	std::string id;         // 32 lower-case hex digits, random, never changes (not even on edit)
	Account account;        // issuer, name, secret and OTP parameters
	std::string group;      // UTF-8, may be empty
	std::string note;       // UTF-8, may be empty
	bool favourite = false;
	int64_t created = 0;    // Unix seconds
	int64_t updated = 0;    // Unix seconds, changes with every edit of the entry (not with HOTP use)

	bool operator==(const VaultEntry&) const = default;
};

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
