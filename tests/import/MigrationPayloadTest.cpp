// Google Authenticator migration URIs: an independently written vector, payloads built here with
// protozero's writer (not our encoder), single and multi-batch exports, and broken data.

#include "ImportTestSupport.h"

#include "authcore/encoding/Base32.h"
#include "authcore/import/MigrationPayload.h"

#include <botan/base64.h>
#include <protozero/pbf_writer.hpp>

using namespace authcore;
using namespace authcore::test;

namespace {

// A migration URI with one TOTP account, secret "Hello!\xDE\xAD\xBE\xEF", name
// "Example:alice@google.com", issuer "Example" and a negative batch id (-1589333909, a 10-byte
// varint), as published with open-source migration decoders; the fields were checked with Python.
constexpr const char* kPublishedUri =
	"otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACjr4JKK%2Bv%2F%2F%2F%2F8B";

struct Entry
{
	std::string secret; // raw bytes
	std::string name, issuer;
	int algorithm = 1, digits = 1, type = 2;
	int64_t counter = 0;
};

std::string buildPayload(const std::vector<Entry>& entries, int batchSize, int batchIndex, int32_t batchId)
{
	std::string buffer;
	protozero::pbf_writer payload(buffer);
	for (const Entry& e : entries) {
		protozero::pbf_writer p(payload, 1);
		p.add_bytes(1, e.secret);
		p.add_string(2, e.name);
		p.add_string(3, e.issuer);
		p.add_enum(4, e.algorithm);
		p.add_enum(5, e.digits);
		p.add_enum(6, e.type);
		if (e.counter)
			p.add_int64(7, e.counter);
	}
	payload.add_int32(2, 1);
	payload.add_int32(3, batchSize);
	payload.add_int32(4, batchIndex);
	payload.add_int32(5, batchId);
	return buffer;
}

std::string uriFor(const std::string& protobuf)
{
	std::string base64 = Botan::base64_encode(reinterpret_cast<const uint8_t*>(protobuf.data()), protobuf.size());
	std::string escaped;
	for (char c : base64)
		escaped += c == '+' ? "%2B" : c == '/' ? "%2F" : c == '=' ? "%3D" : std::string(1, c);
	return "otpauth-migration://offline?data=" + escaped;
}

TEST(MigrationPayload, PublishedVector)
{
	MigrationPayload payload = parseMigrationUri(kPublishedUri);
	ASSERT_EQ(payload.accounts.size(), 1u);
	const Account& a = payload.accounts[0];
	EXPECT_EQ(encodeBase32(a.secret), "JBSWY3DPEHPK3PXP");
	EXPECT_EQ(a.issuer, "Example");
	EXPECT_EQ(a.name, "alice@google.com"); // the "Example:" prefix is the issuer, not part of the name
	EXPECT_EQ(a.type, OtpType::Totp);
	EXPECT_EQ(a.algorithm, HashAlgorithm::Sha1);
	EXPECT_EQ(a.digits, 6);
	EXPECT_EQ(a.period, 30u);
	EXPECT_EQ(payload.batch, (MigrationBatchInfo{0, 1, -1589333909}));

	ImportResult result = importText(std::string(kPublishedUri) + "\n");
	EXPECT_EQ(result.format, "google_migration");
	EXPECT_TRUE(result.problems.empty());
	ASSERT_TRUE(result.migration.has_value());
	EXPECT_EQ(result.migration->batchId, -1589333909);
}

TEST(MigrationPayload, EveryFieldAndEnumValue)
{
	std::vector<Entry> entries = {
		{"12345678901234567890", "alice", "Acme", 1, 1, 2, 0},
		{"abcdefghijabcdefghij", "bob", "", 2, 2, 1, 42},
		{"zyxwvutsrqzyxwvutsrq", "Shop:carol", "Shop", 3, 0, 0, 0}, // unspecified digits and type: 6, TOTP
		{"md5md5md5md5md5md5md", "dave", "Old", 4, 1, 2, 0},        // MD5: a problem, not an account
		{"", "erin", "Empty", 1, 1, 2, 0},                          // no secret: a problem
		{"12345678901234567890", "frank", "Odd", 1, 7, 2, 0},       // unknown digit count: a problem
		{"12345678901234567890", "gina", "Totp", 1, 1, 2, 99},      // a counter on TOTP is dropped
	};
	std::string bytes = buildPayload(entries, 1, 0, 77);
	MigrationPayload payload = decodeMigrationPayload(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
	ASSERT_EQ(payload.accounts.size(), 4u);
	EXPECT_EQ(payload.accounts[3].counter, 0u); // found by tests/fuzz/migration_fuzzer.cpp
	EXPECT_EQ(payload.accounts[0].issuer, "Acme");
	EXPECT_EQ(std::string(payload.accounts[0].secret.begin(), payload.accounts[0].secret.end()), "12345678901234567890");
	EXPECT_EQ(payload.accounts[1].type, OtpType::Hotp);
	EXPECT_EQ(payload.accounts[1].counter, 42u);
	EXPECT_EQ(payload.accounts[1].algorithm, HashAlgorithm::Sha256);
	EXPECT_EQ(payload.accounts[1].digits, 8);
	EXPECT_EQ(payload.accounts[2].algorithm, HashAlgorithm::Sha512);
	EXPECT_EQ(payload.accounts[2].name, "carol");
	EXPECT_EQ(payload.accounts[2].digits, 6);
	EXPECT_EQ(payload.accounts[2].type, OtpType::Totp);
	ASSERT_EQ(payload.problems.size(), 3u);
	EXPECT_EQ(payload.problems[0].index, 3);
	EXPECT_NE(payload.problems[0].message.find("MD5"), std::string::npos);
	EXPECT_EQ(payload.problems[1].index, 4);
	EXPECT_EQ(payload.problems[2].index, 5);
	EXPECT_EQ(payload.batch, (MigrationBatchInfo{0, 1, 77}));
}

TEST(MigrationPayload, MultiBatchExportAcrossScans)
{
	std::vector<std::string> uris;
	for (int i = 0; i < 3; ++i)
		uris.push_back(uriFor(buildPayload({{"secret-of-batch-" + std::to_string(i), "user" + std::to_string(i), "Svc"}}, 3, i, 123456)));

	// The page's view: each scan says where it sits.
	ImportResult second = importText(uris[1]);
	ASSERT_TRUE(second.migration.has_value());
	EXPECT_EQ(*second.migration, (MigrationBatchInfo{1, 3, 123456}));
	ASSERT_EQ(second.accounts.size(), 1u);
	EXPECT_EQ(second.accounts[0].name, "user1");
	ASSERT_EQ(second.problems.size(), 2u); // QR codes 1 and 3 are missing
	EXPECT_EQ(second.problems[0].index, -1);
	EXPECT_NE(second.problems[0].message.find("1 of 3"), std::string::npos);
	EXPECT_NE(second.problems[1].message.find("3 of 3"), std::string::npos);

	// A text file of all three, out of order and with a repeat: merged in batch order.
	ImportResult all = importText(uris[2] + "\n" + uris[0] + "\n" + uris[1] + "\n" + uris[0] + "\n");
	ASSERT_EQ(all.accounts.size(), 3u);
	EXPECT_EQ(all.accounts[0].name, "user0");
	EXPECT_EQ(all.accounts[2].name, "user2");
	EXPECT_FALSE(all.migration.has_value());
	ASSERT_EQ(all.problems.size(), 1u);
	EXPECT_NE(all.problems[0].message.find("twice"), std::string::npos);

	// Two of three: the missing one is named.
	ImportResult partial = importText(uris[0] + "\n" + uris[2]);
	ASSERT_EQ(partial.accounts.size(), 2u);
	ASSERT_EQ(partial.problems.size(), 1u);
	EXPECT_NE(partial.problems[0].message.find("2 of 3"), std::string::npos);
}

TEST(MigrationCollector, RejectsAnotherExportAndTracksMissing)
{
	MigrationCollector collector;
	auto batch = [](int size, int index, int32_t id) {
		std::string bytes = buildPayload({{"0123456789", "n", "i"}}, size, index, id);
		return decodeMigrationPayload(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
	};
	EXPECT_TRUE(collector.empty());
	EXPECT_TRUE(collector.add(batch(4, 2, 9)));
	EXPECT_EQ(collector.missingBatches(), (std::vector<int>{0, 1, 3}));
	EXPECT_FALSE(collector.add(batch(4, 2, 9)));
	EXPECT_THROW(collector.add(batch(4, 1, 10)), Error);
	EXPECT_THROW(collector.add(batch(5, 1, 9)), Error);
	for (int i : {0, 1, 3})
		EXPECT_TRUE(collector.add(batch(4, i, 9)));
	EXPECT_TRUE(collector.complete());
	EXPECT_TRUE(collector.missingBatches().empty());
	EXPECT_EQ(collector.merged().accounts.size(), 4u);
}

TEST(MigrationPayload, BrokenDataIsATypedError)
{
	auto kindOf = [](const std::string& uri) {
		try {
			parseMigrationUri(uri);
		} catch (const Error& e) {
			return e.kind();
		}
		return ErrorKind::InvalidArgument;
	};
	EXPECT_EQ(kindOf("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"), ErrorKind::InvalidUri);
	EXPECT_EQ(kindOf("otpauth-migration://offline"), ErrorKind::InvalidUri);
	EXPECT_EQ(kindOf("otpauth-migration://offline?data="), ErrorKind::InvalidUri);
	EXPECT_EQ(kindOf("otpauth-migration://offline?data=%ZZ"), ErrorKind::InvalidUri);
	EXPECT_EQ(kindOf("otpauth-migration://offline?data=!!!!"), ErrorKind::InvalidUri);

	// Every prefix of a real payload: accounts, or MalformedFile, never a crash or a wrong batch.
	std::string good = buildPayload({{"12345678901234567890", "alice", "Acme"}, {"abcdefghij", "bob", "B", 1, 2, 1, 5}}, 2, 1, 5);
	for (size_t n = 0; n < good.size(); ++n) {
		try {
			MigrationPayload p = decodeMigrationPayload(std::span(reinterpret_cast<const uint8_t*>(good.data()), n));
			for (const Account& a : p.accounts)
				a.validate();
		} catch (const Error& e) {
			EXPECT_EQ(e.kind(), ErrorKind::MalformedFile) << "cut at " << n;
		}
	}
	// A field of the wrong wire type (batch_size as bytes) and an impossible batch index.
	std::string wrongType;
	{
		protozero::pbf_writer w(wrongType);
		w.add_string(3, "seven");
	}
	EXPECT_THROW(decodeMigrationPayload(std::span(reinterpret_cast<const uint8_t*>(wrongType.data()), wrongType.size())), Error);
	std::string impossible = buildPayload({}, 2, 5, 1);
	EXPECT_THROW(decodeMigrationPayload(std::span(reinterpret_cast<const uint8_t*>(impossible.data()), impossible.size())), Error);

	// A broken line among good ones is a problem, the rest still imports.
	std::string good1 = uriFor(buildPayload({{"12345678901234567890", "alice", "Acme"}}, 1, 0, 1));
	ImportResult result = importText(good1 + "\notpauth-migration://offline?data=%%%\n");
	EXPECT_EQ(result.accounts.size(), 1u);
	ASSERT_EQ(result.problems.size(), 1u);
	EXPECT_EQ(result.problems[0].index, 1);
}

TEST(MigrationPayload, EncoderRoundTripsThroughTheDecoder)
{
	std::vector<Account> accounts;
	for (const Account& a : sevenAccounts())
		if (a.type != OtpType::Steam && (a.type == OtpType::Hotp || a.period == 30) && (a.digits == 6 || a.digits == 8))
			accounts.push_back(a);
	ASSERT_EQ(accounts.size(), 3u); // Deno, Issuu, WWE
	auto bytes = encodeMigrationPayload(accounts, {0, 1, 99});
	MigrationPayload back = decodeMigrationPayload(bytes);
	EXPECT_EQ(back.accounts, accounts);
	EXPECT_EQ(back.batch, (MigrationBatchInfo{0, 1, 99}));
	EXPECT_EQ(parseMigrationUri(migrationUri(bytes)).accounts, accounts);

	Account steam = sevenAccounts().back();
	EXPECT_THROW(encodeMigrationPayload(std::span(&steam, 1), {0, 1, 1}), Error);
}

} // namespace
