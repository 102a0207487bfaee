#include "ImportProblems.h"

namespace authcore::importing {

void addAccount(ImportResult& result, int64_t index, Account account)
{
	try {
		account.validate();
	} catch (const Error& e) {
		result.problems.push_back({index, problemMessage(e)});
		return;
	}
	result.accounts.push_back(std::move(account));
}

std::string problemMessage(const std::exception& e)
{
	if (const auto* error = dynamic_cast<const Error*>(&e))
		return error->field().empty() ? error->what() : error->field() + ": " + error->what();
	// nlohmann's messages name types, not values, but keep them out anyway: they are not for people.
	return "an entry has an unexpected structure";
}

} // namespace authcore::importing
