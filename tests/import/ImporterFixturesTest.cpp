// Every export file in shared/data/importers imports to exactly the accounts the README lists.
// Where a file holds fewer than seven entries (the app versions that wrote them had fewer accounts,
// or no Steam), the expected list names which are absent; every account present is compared field
// by field, secret included.

#include "ImportTestSupport.h"

using namespace authcore;
using namespace authcore::test;

namespace {

struct Fixture
{
	const char* file;
	const char* format;
	bool encrypted;
	std::vector<Account> expected;
};

std::vector<Account> twoFasSchema1()
{
	auto accounts = sevenAccountsExcept({"Boeing"});
	for (Account& a : accounts) {
		a.type = OtpType::Totp;
		a.algorithm = HashAlgorithm::Sha1;
		a.digits = 6;
		a.period = 30;
		a.counter = 0;
	}
	return accounts;
}

std::vector<Account> twoFasSchema2(std::initializer_list<std::string_view> absent)
{
	auto accounts = sevenAccountsExcept(absent);
	for (Account& a : accounts) {
		if (a.type == OtpType::Hotp)
			a.period = 30;
		a.type = OtpType::Totp;
		a.counter = 0;
	}
	return accounts;
}

std::vector<Fixture> fixtures()
{
	return {
		{"plain.txt", "otpauth", false, sevenAccounts()},
		{"aegis_plain.json", "aegis", false, sevenAccounts()},
		{"aegis_encrypted.json", "aegis", true, sevenAccounts()},
		{"andotp_plain.json", "andotp", false, sevenAccounts()},
		{"andotp_encrypted.bin", "andotp", true, sevenAccounts()},
		{"andotp_encrypted_old.bin", "andotp", true, sevenAccountsExcept({"Boeing"})}, // older andOTP: no Steam
		{"ente_auth.txt", "ente_auth", false, sevenAccounts()},
		{"2fas_authenticator.json", "2fas", false, twoFasSchema1()},
		{"2fas_authenticator_plain.2fas", "2fas", false, twoFasSchema2({"SPDX", "Air Canada", "Boeing"})},
		{"2fas_authenticator_encrypted.2fas", "2fas", true, twoFasSchema2({"SPDX", "Air Canada", "Boeing"})},
		{"2fas_authenticator_plain_v3.2fas", "2fas", false, sevenAccountsExcept({"Boeing"})},
		{"2fas_authenticator_encrypted_v3.2fas", "2fas", true, sevenAccountsExcept({"Boeing"})},
		{"2fas_authenticator_plain_v4.2fas", "2fas", false, sevenAccountsExcept({"SPDX", "Airbnb"})},
		{"2fas_authenticator_encrypted_v4.2fas", "2fas", true, sevenAccountsExcept({"SPDX", "Airbnb"})},
		{"proton_authenticator.json", "proton_authenticator", false, sevenAccountsExcept({"Issuu", "Air Canada", "WWE", "Boeing"})},
		{"stratum_plain.json", "authenticator_pro", false, sevenAccounts()},
		{"stratum_encrypted.bin", "authenticator_pro", true, sevenAccounts()},
		{"freeotp_plus.json", "freeotp_plus", false, sevenAccountsExcept({"Boeing"})},
	};
}

class ImporterFixtures : public ::testing::TestWithParam<Fixture>
{};

TEST_P(ImporterFixtures, ImportsExactlyTheListedAccounts)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	const Fixture& f = GetParam();
	auto bytes = readBytes(importerFixture(f.file));
	std::optional<std::string_view> password;
	if (f.encrypted)
		password = "test";
	ImportResult result = importBytes(bytes, f.file, password);
	EXPECT_EQ(result.format, f.format);
	EXPECT_TRUE(result.problems.empty()) << result.problems.front().message;
	expectSameAccounts(result.accounts, f.expected);
	EXPECT_FALSE(result.migration.has_value());
}

class EncryptedFixtures : public ::testing::TestWithParam<Fixture>
{};

TEST_P(EncryptedFixtures, NeedTheRightPassword)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	const Fixture& f = GetParam();
	auto bytes = readBytes(importerFixture(f.file));
	EXPECT_EQ(importErrorKind(bytes, f.file, std::nullopt), ErrorKind::PasswordRequired);
	EXPECT_EQ(importErrorKind(bytes, f.file, "wrong"), ErrorKind::WrongPassword);
	EXPECT_EQ(importErrorKind(bytes, f.file, ""), ErrorKind::WrongPassword);
	EXPECT_EQ(importErrorKind(bytes, f.file, "Test"), ErrorKind::WrongPassword);
}

TEST_P(ImporterFixtures, DetectionDoesNotDependOnTheFileName)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	const Fixture& f = GetParam();
	auto bytes = readBytes(importerFixture(f.file));
	const Importer* importer = findImporter({bytes, "renamed.dat"});
	ASSERT_NE(importer, nullptr);
	EXPECT_EQ(importer->format(), f.format);
}

std::string fixtureName(const ::testing::TestParamInfo<Fixture>& info)
{
	std::string name = info.param.file;
	std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
	return name;
}

std::vector<Fixture> encryptedFixtures()
{
	auto all = fixtures();
	std::erase_if(all, [](const Fixture& f) { return !f.encrypted; });
	return all;
}

INSTANTIATE_TEST_SUITE_P(SharedData, ImporterFixtures, ::testing::ValuesIn(fixtures()), fixtureName);
INSTANTIATE_TEST_SUITE_P(SharedData, EncryptedFixtures, ::testing::ValuesIn(encryptedFixtures()), fixtureName);

// Bitwarden keeps the otpauth URI, so everything survives except the Steam entry, which it stores as
// steam://SECRET: only the secret is guaranteed, and the item name stands in for the issuer.
TEST(BitwardenFixtures, JsonAndCsvKeepEveryUriAndTheSteamSecret)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	Account steam = sevenAccounts().back();
	for (const char* file : {"bitwarden.json", "bitwarden.csv"}) {
		SCOPED_TRACE(file);
		ImportResult result = importBytes(readBytes(importerFixture(file)), file);
		EXPECT_EQ(result.format, std::string(file).ends_with(".csv") ? "bitwarden_csv" : "bitwarden_json");
		EXPECT_TRUE(result.problems.empty());
		ASSERT_EQ(result.accounts.size(), 4u);
		std::vector<Account> totp(result.accounts.begin(), result.accounts.begin() + 3);
		expectSameAccounts(totp, sevenAccountsExcept({"Issuu", "Air Canada", "WWE", "Boeing"}));
		const Account& imported = result.accounts[3];
		EXPECT_EQ(imported.type, OtpType::Steam);
		EXPECT_EQ(imported.secret, steam.secret);
		EXPECT_FALSE(imported.issuer.empty()); // the item name
	}
}

} // namespace

// No shared fixture has the legacy Authenticator Pro layout, so one is built here following its
// documented layout (doc/BACKUP_FORMAT.md: "AuthenticatorPro", 20-byte salt, 16-byte IV,
// PBKDF2-HMAC-SHA1 64,000 iterations, AES-256-CBC with PKCS#7), with Botan directly.
#include <botan/cipher_mode.h>
#include <botan/pwdhash.h>

namespace {

std::vector<uint8_t> legacyAuthenticatorPro(const std::string& json, const std::string& password)
{
	std::vector<uint8_t> salt(20, 0x5A), iv(16, 0xA5);
	auto kdf = Botan::PasswordHashFamily::create_or_throw("PBKDF2(SHA-1)")->from_params(64000);
	Botan::secure_vector<uint8_t> key(32);
	kdf->derive_key(key.data(), key.size(), password.data(), password.size(), salt.data(), salt.size());
	auto cbc = Botan::Cipher_Mode::create_or_throw("AES-256/CBC/PKCS7", Botan::Cipher_Dir::Encryption);
	cbc->set_key(key);
	cbc->start(iv);
	Botan::secure_vector<uint8_t> data(json.begin(), json.end());
	cbc->finish(data);
	std::string header = "AuthenticatorPro";
	std::vector<uint8_t> file(header.begin(), header.end());
	file.insert(file.end(), salt.begin(), salt.end());
	file.insert(file.end(), iv.begin(), iv.end());
	file.insert(file.end(), data.begin(), data.end());
	return file;
}

TEST(AuthenticatorProLegacy, DecryptsTheDocumentedLayout)
{
	const std::string json = R"({"Authenticators":[{"Type":2,"Issuer":"Deno","Username":"Mason",
		"Secret":"4SJHB4GSD43FZBAI7C2HLRJGPQ","Algorithm":0,"Digits":6,"Period":30,"Counter":0},
		{"Type":5,"Issuer":"Yandex","Username":"y","Secret":"4SJHB4GSD43FZBAI7C2HLRJGPQ","Pin":"1234"}]})";
	auto file = legacyAuthenticatorPro(json, "correct horse");
	ImportResult result = importBytes(file, "backup.authpro", "correct horse");
	EXPECT_EQ(result.format, "authenticator_pro");
	ASSERT_EQ(result.accounts.size(), 1u);
	EXPECT_EQ(asUris(result.accounts), asUris({sevenAccounts()[0]}));
	ASSERT_EQ(result.problems.size(), 1u); // Yandex
	EXPECT_EQ(result.problems[0].index, 1);
	EXPECT_EQ(importErrorKind(file, "b", std::nullopt), ErrorKind::PasswordRequired);
	EXPECT_EQ(importErrorKind(file, "b", "wrong"), ErrorKind::WrongPassword);
	file.pop_back(); // no longer whole AES blocks
	EXPECT_EQ(importErrorKind(file, "b", "correct horse"), ErrorKind::MalformedFile);
}

} // namespace
