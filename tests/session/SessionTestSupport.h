#pragma once
// What the session tests share: an unlocked session with one account, and a snapshot of everything
// a save that is never confirmed must leave unchanged.

#include "authcore/session/Session.h"

#include "../vault/VaultTestSupport.h"
#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace authcore::test {

inline constexpr const char* kPassword = "sesijas parole";
inline constexpr int64_t kTime = 1'700'000'000;

inline std::string errorKind(const std::function<void()>& action)
{
	try {
		action();
		return "ok";
	} catch (const Error& e) {
		return std::string(toString(e.kind())) + (e.field().empty() ? "" : ":" + e.field());
	}
}

/// Everything a failed save must leave unchanged.
struct Snapshot
{
	uint64_t revision;
	std::vector<uint8_t> file;
	std::vector<VaultEntry> entries;
	std::vector<std::string> candidateIds;
	bool operator==(const Snapshot&) const = default;
};

inline Snapshot snapshot(const Session& session)
{
	Snapshot s{session.vault().revision(), session.vault().file(), session.vault().entries(), {}};
	for (const auto& c : session.candidates())
		s.candidateIds.push_back(c.id);
	return s;
}

/// An unlocked session whose vault already holds the first sample account.
class SessionTest : public ::testing::Test
{
protected:
	void SetUp() override
	{
		Vault vault = Vault::create(kPassword, kFastKdf, Vault::KdfFloor::NotEnforced);
		vault.add(parseOtpauthUri(sampleUris()[0]));
		session.open(std::move(vault));
	}

	Session session;
};

} // namespace authcore::test
