// Damaged input: every fixture cut at many lengths, flipped bytes in ciphertext, files given the
// wrong name or of the wrong kind. Each must give accounts or a typed authcore::Error, never another
// exception, a crash or (under the sanitizers) a memory error.

#include "ImportTestSupport.h"

#include <set>

using namespace authcore;
using namespace authcore::test;

namespace {

const std::set<ErrorKind> kInputErrors = {ErrorKind::MalformedFile,     ErrorKind::UnsupportedFormat, ErrorKind::UnsupportedVersion,
										  ErrorKind::PasswordRequired, ErrorKind::WrongPassword,     ErrorKind::IntegrityFailure,
										  ErrorKind::KdfTooCostly,     ErrorKind::TooLarge};

// Returns the error kind, or nullopt when the damaged input still imported.
std::optional<ErrorKind> tryImport(std::span<const uint8_t> bytes, const std::string& name, std::optional<std::string_view> password)
{
	try {
		ImportResult result = importBytes(bytes, name, password);
		for (const Account& account : result.accounts)
			account.validate(); // whatever comes out is a usable account
		return std::nullopt;
	} catch (const Error& e) {
		EXPECT_TRUE(kInputErrors.contains(e.kind())) << name << ": " << toString(e.kind()) << ": " << e.what();
		EXPECT_FALSE(std::string(e.what()).empty());
		return e.kind();
	}
	// Any other exception escapes and fails the test with its message.
}

std::vector<size_t> cutLengths(size_t size, size_t count)
{
	std::set<size_t> lengths = {0, 1, 2, 3, 4, 8, 12, 15, 16, 17, 27, 28, 31, 32, 33, 40, 44, 45, 48, 52, 60, 64};
	for (size_t i = 1; i < count; ++i)
		lengths.insert(size * i / count);
	for (size_t tail = 1; tail <= 20; ++tail) // the end of a file holds the GCM tag or the closing brackets
		if (size > tail)
			lengths.insert(size - tail);
	std::erase_if(lengths, [&](size_t n) { return n >= size; });
	return {lengths.begin(), lengths.end()};
}

struct Damaged
{
	const char* file;
	bool cheapKdf; // false for Argon2id (64 MiB per try): cut with the password at fewer lengths
};

class TruncatedFixtures : public ::testing::TestWithParam<Damaged>
{};

TEST_P(TruncatedFixtures, EveryCutGivesAccountsOrATypedError)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	auto bytes = readBytes(importerFixture(GetParam().file));
	size_t tried = 0;
	for (size_t length : cutLengths(bytes.size(), 60)) {
		SCOPED_TRACE("cut at " + std::to_string(length) + " of " + std::to_string(bytes.size()));
		std::span<const uint8_t> cut(bytes.data(), length);
		tryImport(cut, GetParam().file, std::nullopt);
		++tried;
	}
	// With the password every cut of a binary backup runs the key derivation: fewer cuts, and for
	// Argon2id (64 MiB, about a second under Node) only three.
	std::vector<size_t> withPassword;
	if (GetParam().cheapKdf)
		for (size_t i = 1; i < 12; ++i)
			withPassword.push_back(bytes.size() * i / 12);
	withPassword.push_back(bytes.size() - 1);
	withPassword.push_back(bytes.size() - 17);
	withPassword.push_back(std::min<size_t>(bytes.size() - 1, 44));
	for (size_t length : withPassword) {
		SCOPED_TRACE("cut at " + std::to_string(length) + " with the password");
		tryImport(std::span<const uint8_t>(bytes.data(), length), GetParam().file, "test");
	}
	EXPECT_GT(tried, 30u);
}

INSTANTIATE_TEST_SUITE_P(SharedData, TruncatedFixtures,
						 ::testing::Values(Damaged{"plain.txt", true}, Damaged{"aegis_plain.json", true},
										   Damaged{"aegis_encrypted.json", true}, Damaged{"andotp_plain.json", true},
										   Damaged{"andotp_encrypted.bin", true}, Damaged{"andotp_encrypted_old.bin", true},
										   Damaged{"ente_auth.txt", true}, Damaged{"2fas_authenticator.json", true},
										   Damaged{"2fas_authenticator_plain.2fas", true},
										   Damaged{"2fas_authenticator_encrypted.2fas", true},
										   Damaged{"2fas_authenticator_plain_v4.2fas", true},
										   Damaged{"2fas_authenticator_encrypted_v4.2fas", true},
										   Damaged{"bitwarden.json", true}, Damaged{"bitwarden.csv", true},
										   Damaged{"freeotp_plus.json", true}, Damaged{"proton_authenticator.json", true},
										   Damaged{"stratum_plain.json", true}, Damaged{"stratum_encrypted.bin", false}),
						 [](const auto& info) {
							 std::string name = info.param.file;
							 std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
							 return name;
						 });

// A binary file cut anywhere after its header is still "that format, encrypted": without the
// password we must ask for it, with it we must say it does not open, never return accounts.
TEST(TruncatedEncryptedFiles, NeverYieldAccounts)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	auto bytes = readBytes(importerFixture("andotp_encrypted.bin"));
	for (size_t length : {bytes.size() - 1, bytes.size() - 16, bytes.size() / 2, size_t{60}}) {
		std::span<const uint8_t> cut(bytes.data(), length);
		EXPECT_EQ(importErrorKind({cut.begin(), cut.end()}, "x.bin", std::nullopt), ErrorKind::PasswordRequired);
		EXPECT_EQ(importErrorKind({cut.begin(), cut.end()}, "x.bin", "test"), ErrorKind::WrongPassword);
	}
}

TEST(CorruptCiphertext, AegisContentFailsIntegrityAfterTheSlotOpens)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	auto bytes = readBytes(importerFixture("aegis_encrypted.json"));
	std::string text(bytes.begin(), bytes.end());
	size_t db = text.find("\"db\": \"") + 7;
	text[db + 10] = text[db + 10] == 'A' ? 'B' : 'A'; // one Base64 character of the ciphertext
	EXPECT_EQ(importErrorKind({text.begin(), text.end()}, "aegis.json", "test"), ErrorKind::IntegrityFailure);
}

TEST(CorruptCiphertext, FlippedBitsInBinaryBackupsAreRejected)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	for (const char* file : {"andotp_encrypted.bin", "andotp_encrypted_old.bin", "stratum_encrypted.bin"}) {
		SCOPED_TRACE(file);
		auto bytes = readBytes(importerFixture(file));
		bytes[bytes.size() - 20] ^= 0x01;
		EXPECT_EQ(importErrorKind(bytes, file, "test"), ErrorKind::WrongPassword);
	}
}

TEST(CorruptCiphertext, TwoFasCiphertextIsAuthenticated)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	auto bytes = readBytes(importerFixture("2fas_authenticator_encrypted_v4.2fas"));
	std::string text(bytes.begin(), bytes.end());
	size_t at = text.find("\"servicesEncrypted\":\"") + 30;
	text[at] = text[at] == 'A' ? 'B' : 'A';
	EXPECT_EQ(importErrorKind({text.begin(), text.end()}, "x.2fas", "test"), ErrorKind::WrongPassword);
}

TEST(MislabelledFiles, TheNameNeverDecidesTheFormat)
{
	AUTHCORE_REQUIRE_SHARED_IMPORTERS();
	auto aegis = readBytes(importerFixture("aegis_plain.json"));
	EXPECT_EQ(importBytes(aegis, "accounts.csv").format, "aegis");
	EXPECT_EQ(importBytes(readBytes(importerFixture("bitwarden.csv")), "backup.json").format, "bitwarden_csv");
}

TEST(MislabelledFiles, ForeignFilesAreUnsupported)
{
	const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\0');
	const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10) + std::string(64, '\x01');
	EXPECT_EQ(importErrorKind({png.begin(), png.end()}, "backup.json", std::nullopt), ErrorKind::UnsupportedFormat);
	EXPECT_EQ(importErrorKind({jpeg.begin(), jpeg.end()}, "aegis.json", std::nullopt), ErrorKind::UnsupportedFormat);
	for (std::string text : {"", "   \n\n", "hello, world\n", "https://example.com/otp\n", "secret=JBSWY3DPEHPK3PXP"})
		EXPECT_EQ(importErrorKind({text.begin(), text.end()}, "x.txt", std::nullopt), ErrorKind::UnsupportedFormat) << text;
	for (std::string json : {"{}", "[]", "{\"foo\": 1}", "[1, 2, 3]", "{\"services\": 3}", "{\"Authenticators\": "})
		EXPECT_EQ(importErrorKind({json.begin(), json.end()}, "x.json", std::nullopt), ErrorKind::MalformedFile) << json;
}

TEST(MalformedStructure, WrongTypesAreTypedErrors)
{
	struct Case
	{
		std::string text;
		ErrorKind kind;
	};
	const std::vector<Case> cases = {
		{R"({"version": 1, "header": {"slots": null, "params": null}, "db": {"version": 9, "entries": []}})", ErrorKind::UnsupportedVersion},
		{R"({"version": 2, "header": {"slots": null, "params": null}, "db": {"version": 1, "entries": []}})", ErrorKind::UnsupportedVersion},
		{R"({"version": 1, "header": {"slots": null, "params": null}, "db": {"version": 1, "entries": 5}})", ErrorKind::MalformedFile},
		{R"({"version": 1, "header": {"slots": null, "params": null}, "db": "abc"})", ErrorKind::MalformedFile},
		{R"({"version": 1, "header": {"slots": [{"type": 1, "n": 3, "r": 8, "p": 1}], "params": {}}, "db": "AAAA"})", ErrorKind::MalformedFile},
		{R"({"version": 1, "header": {"slots": [{"type": 2}], "params": {}}, "db": "AAAA"})", ErrorKind::UnsupportedFormat},
		{R"({"version": 1, "header": {"slots": [{"type": 1, "n": 1073741824, "r": 8, "p": 1}], "params": {}}, "db": "AAAA"})", ErrorKind::KdfTooCostly},
		{R"({"schemaVersion": 5, "services": []})", ErrorKind::UnsupportedVersion},
		{R"({"schemaVersion": 4, "services": [], "servicesEncrypted": "abc"})", ErrorKind::MalformedFile},
		{R"({"schemaVersion": 4, "services": [], "servicesEncrypted": "!!:AAAA:AAAA"})", ErrorKind::MalformedFile},
		{R"({"encrypted": true, "items": []})", ErrorKind::UnsupportedFormat},
		{R"({"version": 2, "entries": []})", ErrorKind::UnsupportedVersion},
		{R"({"Authenticators": {}})", ErrorKind::MalformedFile},
		{"AUTHENTICATORPRO short", ErrorKind::PasswordRequired},
	};
	for (const Case& c : cases) {
		std::vector<uint8_t> bytes(c.text.begin(), c.text.end());
		std::optional<std::string_view> password;
		if (c.text.find("slots\": [") != std::string::npos || c.text.find("servicesEncrypted") != std::string::npos)
			password = "test";
		EXPECT_EQ(importErrorKind(bytes, "x", password), c.kind) << c.text;
	}
}

// One bad entry never sinks the rest: the others import and the bad one is named by position.
TEST(BadEntries, AreProblemsNotFailures)
{
	const std::string aegis = R"({"version": 1, "header": {"slots": null, "params": null}, "db": {"version": 2, "entries": [
		{"type": "totp", "name": "a", "issuer": "A", "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6, "period": 30}},
		{"type": "yandex", "name": "b", "issuer": "B", "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA256", "digits": 8, "period": 30}},
		{"type": "totp", "name": "c", "issuer": "C", "info": {"secret": "not base32!", "algo": "SHA1", "digits": 6, "period": 30}},
		{"type": "totp", "name": "d", "issuer": "D", "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "MD5", "digits": 6, "period": 30}},
		{"type": "totp", "name": "e", "issuer": "E", "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6, "period": 0}},
		{"type": "hotp", "name": "f", "issuer": "F", "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6}},
		{"type": "totp", "name": 7, "issuer": "G", "info": {"secret": "JBSWY3DPEHPK3PXP"}},
		"not an object",
		{"type": "hotp", "name": "i", "issuer": "I", "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA512", "digits": 8, "counter": 4}}
	]}})";
	ImportResult result = importText(aegis);
	ASSERT_EQ(result.accounts.size(), 2u);
	EXPECT_EQ(result.accounts[0].issuer, "A");
	EXPECT_EQ(result.accounts[1].issuer, "I");
	EXPECT_EQ(result.accounts[1].counter, 4u);
	std::vector<int64_t> indices;
	for (const ImportProblem& p : result.problems) {
		indices.push_back(p.index);
		EXPECT_EQ(p.message.find("JBSWY3DPEHPK3PXP"), std::string::npos) << "a problem must not show a secret";
	}
	EXPECT_EQ(indices, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7}));

	const std::string list = "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP\nnot a uri\n\notpauth://hotp/B?secret=JBSWY3DPEHPK3PXP\n"
							 "otpauth://totp/C?secret=JBSWY3DPEHPK3PXP&digits=7\n";
	result = importText(list);
	EXPECT_EQ(result.format, "otpauth");
	ASSERT_EQ(result.accounts.size(), 2u);
	ASSERT_EQ(result.problems.size(), 2u);
	EXPECT_EQ(result.problems[0].index, 1);
	EXPECT_EQ(result.problems[1].index, 2); // blank lines are not entries
}

TEST(BitwardenCsv, QuotedFieldsAndMissingTotp)
{
	const std::string csv = "folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp\r\n"
							",,login,\"Bank, Inc.\",\"multi\nline \"\"note\"\"\",,,alice,pw,JBSWY3DPEHPK3PXP\r\n"
							",,login,No OTP,,,,bob,pw,\r\n"
							",,login,Broken,,,,carol,pw,otpauth://totp/x?secret=1\r\n"
							",,login,Uri,,,,dave,pw,otpauth://totp/Svc:dave%40example.com?secret=JBSWY3DPEHPK3PXP&digits=8\r\n";
	ImportResult result = importText(csv);
	EXPECT_EQ(result.format, "bitwarden_csv");
	ASSERT_EQ(result.accounts.size(), 2u);
	EXPECT_EQ(result.accounts[0].issuer, "Bank, Inc.");
	EXPECT_EQ(result.accounts[0].name, "alice");
	EXPECT_EQ(result.accounts[1].issuer, "Svc");
	EXPECT_EQ(result.accounts[1].name, "dave@example.com");
	EXPECT_EQ(result.accounts[1].digits, 8);
	ASSERT_EQ(result.problems.size(), 1u);
	EXPECT_EQ(result.problems[0].index, 2);

	const std::string unterminated = "name,login_totp\n\"abc,JBSWY3DPEHPK3PXP\n";
	EXPECT_EQ(importErrorKind({unterminated.begin(), unterminated.end()}, "x.csv", std::nullopt), ErrorKind::MalformedFile);
}

} // namespace
