#pragma once
// Problem reporting: a bad entry becomes a problem naming its index and field (never a secret)
// instead of a failed import.

#include "ImportJson.h"

#include "authcore/Error.h"
#include "authcore/import/ImportResult.h"

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

namespace authcore::importing {

/// Adds a validated account, or a problem naming `index` if it fails validation.
void addAccount(ImportResult& result, int64_t index, Account account);

/// A message for a problem: the field and what was wrong, never a secret.
std::string problemMessage(const std::exception& e);

/// Runs `readOne(entry)` for each element of `array`; any error becomes a problem for that entry.
template <typename ReadOne>
void readEntries(const Json& array, ImportResult& result, ReadOne&& readOne)
{
	int64_t index = 0;
	for (const Json& entry : array) {
		try {
			if (std::optional<Account> account = readOne(entry))
				addAccount(result, index, std::move(*account));
		} catch (const Error& e) {
			result.problems.push_back({index, problemMessage(e)});
		} catch (const Json::exception& e) {
			result.problems.push_back({index, problemMessage(e)});
		}
		++index;
	}
}

} // namespace authcore::importing
