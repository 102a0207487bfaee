// Every export re-imports to the same accounts; what a format cannot carry is skipped by name.

#include "../import/ImportTestSupport.h"

#include "authcore/export/Exporter.h"
#include "authcore/import/MigrationPayload.h"

#include <nlohmann/json.hpp>

#include <set>

using namespace authcore;
using namespace authcore::test;

namespace {

std::vector<Account> manyAccounts(size_t count)
{
	std::vector<Account> accounts;
	for (size_t i = 0; i < count; ++i) {
		Account a;
		a.issuer = "Issuer " + std::to_string(i);
		a.name = "user" + std::to_string(i) + "@example.lv";
		a.secret.assign(20, static_cast<uint8_t>(i + 1));
		a.type = i % 3 == 0 ? OtpType::Hotp : OtpType::Totp;
		a.counter = a.type == OtpType::Hotp ? i * 7 : 0;
		a.digits = i % 2 ? 8 : 6;
		accounts.push_back(a);
	}
	return accounts;
}

TEST(ExportFormat, Names)
{
	EXPECT_EQ(parseExportFormat("otpauth"), ExportFormat::OtpauthList);
	EXPECT_EQ(parseExportFormat("aegis"), ExportFormat::Aegis);
	EXPECT_EQ(parseExportFormat("google-migration"), ExportFormat::GoogleMigration);
	EXPECT_FALSE(parseExportFormat("vault").has_value());
}

TEST(OtpauthExport, ReimportsTheSevenAccounts)
{
	auto accounts = sevenAccounts();
	accounts[0].name = "Kristīne Majore"; // non-ASCII survives the round trip
	ExportResult exported = exportAccounts(accounts, ExportFormat::OtpauthList);
	EXPECT_TRUE(exported.skipped.empty());
	EXPECT_TRUE(exported.uris.empty());
	ImportResult back = importText(exported.text);
	EXPECT_EQ(back.format, "otpauth");
	EXPECT_TRUE(back.problems.empty());
	EXPECT_EQ(back.accounts, accounts);
}

TEST(AegisExport, ReimportsTheSevenAccountsAsAegis)
{
	auto accounts = sevenAccounts();
	ExportResult exported = exportAccounts(accounts, ExportFormat::Aegis);
	EXPECT_TRUE(exported.skipped.empty());
	ImportResult back = importText(exported.text);
	EXPECT_EQ(back.format, "aegis");
	EXPECT_TRUE(back.problems.empty());
	EXPECT_EQ(back.accounts, accounts);

	// The shape Aegis reads: plain header, content version 1, a distinct v4 UUID per entry, Base32
	// secrets without padding.
	auto vault = nlohmann::json::parse(exported.text);
	EXPECT_EQ(vault["version"], 1);
	EXPECT_TRUE(vault["header"]["slots"].is_null());
	EXPECT_TRUE(vault["header"]["params"].is_null());
	EXPECT_EQ(vault["db"]["version"], 1);
	std::set<std::string> uuids;
	for (const auto& entry : vault["db"]["entries"]) {
		std::string uuid = entry["uuid"];
		EXPECT_EQ(uuid.size(), 36u);
		EXPECT_EQ(uuid[14], '4');
		uuids.insert(uuid);
		EXPECT_EQ(entry["info"]["secret"].get<std::string>().find('='), std::string::npos);
	}
	EXPECT_EQ(uuids.size(), accounts.size());
	EXPECT_EQ(vault["db"]["entries"][6]["type"], "steam");
	EXPECT_EQ(vault["db"]["entries"][3]["info"]["counter"], 1);
}

TEST(GoogleMigrationExport, SkipsWhatTheFormatCannotCarryByName)
{
	auto accounts = sevenAccounts();
	ExportResult exported = exportAccounts(accounts, ExportFormat::GoogleMigration);
	ASSERT_EQ(exported.uris.size(), 1u);
	std::vector<size_t> skippedIndices;
	for (const SkippedAccount& s : exported.skipped)
		skippedIndices.push_back(s.index);
	// SPDX 20 s / 7 digits, Airbnb 50 s, Air Canada 7 digits, Boeing Steam.
	EXPECT_EQ(skippedIndices, (std::vector<size_t>{1, 2, 4, 6}));
	EXPECT_NE(exported.skipped[0].reason.find("SPDX (James)"), std::string::npos);
	EXPECT_NE(exported.skipped[1].reason.find("50 s"), std::string::npos);
	EXPECT_NE(exported.skipped[2].reason.find("7"), std::string::npos);
	EXPECT_NE(exported.skipped[3].reason.find("Steam"), std::string::npos);
	for (const SkippedAccount& s : exported.skipped)
		EXPECT_EQ(s.reason.find("secret="), std::string::npos);

	ImportResult back = importText(exported.uris[0]);
	EXPECT_EQ(back.format, "google_migration");
	EXPECT_TRUE(back.problems.empty());
	EXPECT_EQ(back.accounts, (std::vector<Account>{accounts[0], accounts[3], accounts[5]}));
	ASSERT_TRUE(back.migration.has_value());
	EXPECT_EQ(back.migration->batchSize, 1);
	EXPECT_EQ(exported.text, exported.uris[0] + "\n");
}

TEST(GoogleMigrationExport, SplitsIntoBatchesThatReimportTogether)
{
	auto accounts = manyAccounts(25);
	ExportResult exported = exportAccounts(accounts, ExportFormat::GoogleMigration);
	EXPECT_TRUE(exported.skipped.empty());
	ASSERT_EQ(exported.uris.size(), 3u);
	std::set<int64_t> ids;
	for (size_t i = 0; i < exported.uris.size(); ++i) {
		MigrationPayload batch = parseMigrationUri(exported.uris[i]);
		EXPECT_EQ(batch.batch.batchIndex, static_cast<int>(i));
		EXPECT_EQ(batch.batch.batchSize, 3);
		EXPECT_EQ(batch.accounts.size(), i < 2 ? kMigrationAccountsPerBatch : 5u);
		ids.insert(batch.batch.batchId);
	}
	EXPECT_EQ(ids.size(), 1u);

	ImportResult back = importText(exported.text);
	EXPECT_TRUE(back.problems.empty());
	EXPECT_EQ(back.accounts, accounts);

	ImportResult partial = importText(exported.uris[0] + "\n" + exported.uris[2]);
	EXPECT_EQ(partial.accounts.size(), 15u);
	ASSERT_EQ(partial.problems.size(), 1u);
	EXPECT_NE(partial.problems[0].message.find("2 of 3"), std::string::npos);
}

TEST(Export, InvalidAccountsAreSkippedNotThrown)
{
	auto accounts = sevenAccounts();
	accounts[2].secret.clear();
	accounts[4].digits = 0;
	for (ExportFormat format : {ExportFormat::OtpauthList, ExportFormat::Aegis, ExportFormat::GoogleMigration}) {
		ExportResult exported = exportAccounts(accounts, format);
		ASSERT_GE(exported.skipped.size(), 2u);
		EXPECT_TRUE(std::any_of(exported.skipped.begin(), exported.skipped.end(), [](const SkippedAccount& s) { return s.index == 2; }));
		EXPECT_TRUE(std::any_of(exported.skipped.begin(), exported.skipped.end(), [](const SkippedAccount& s) { return s.index == 4; }));
	}
	ExportResult list = exportAccounts(accounts, ExportFormat::OtpauthList);
	EXPECT_EQ(importText(list.text).accounts.size(), 5u);
	EXPECT_TRUE(exportAccounts({}, ExportFormat::GoogleMigration).uris.empty());
}

// Every shared fixture, exported in each format, comes back as the accounts it imported to
// (minus what Google's format cannot carry).
TEST(Export, SharedFixturesSurviveEveryFormat)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	for (const char* file : {"aegis_plain.json", "stratum_plain.json", "andotp_plain.json", "2fas_authenticator_plain_v4.2fas",
							 "freeotp_plus.json", "bitwarden.csv"}) {
		SCOPED_TRACE(file);
		ImportResult imported = importBytes(readBytes(importerFixture(file)), file);
		for (ExportFormat format : {ExportFormat::OtpauthList, ExportFormat::Aegis, ExportFormat::GoogleMigration}) {
			ExportResult exported = exportAccounts(imported.accounts, format);
			std::vector<Account> expected;
			for (size_t i = 0, s = 0; i < imported.accounts.size(); ++i) {
				if (s < exported.skipped.size() && exported.skipped[s].index == i)
					++s;
				else
					expected.push_back(imported.accounts[i]);
			}
			if (format != ExportFormat::GoogleMigration)
				EXPECT_TRUE(exported.skipped.empty());
			if (expected.empty())
				continue;
			EXPECT_EQ(importText(exported.text).accounts, expected);
		}
	}
}

} // namespace
