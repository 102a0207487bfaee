#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Base32.h"

#include "TestData.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace authcore;

namespace {

// The table lives in tests/data/otpauth/uri-table.json so that the binding test comparing us with
// the npm package otpauth (tests/wasm/otpauth_parity.test.mjs) reads exactly the same cases.
const nlohmann::json& uriTable()
{
	static const nlohmann::json table = [] {
		std::ifstream in(test::testDataPath("otpauth/uri-table.json"));
		if (!in)
			throw std::runtime_error("cannot open otpauth/uri-table.json");
		return nlohmann::json::parse(in);
	}();
	return table;
}

std::vector<nlohmann::json> cases(const char* group)
{
	const auto& list = uriTable().at(group);
	return {list.begin(), list.end()};
}

std::string caseName(const testing::TestParamInfo<nlohmann::json>& info) { return info.param.at("name"); }

} // namespace

class ValidUri : public testing::TestWithParam<nlohmann::json>
{};

TEST_P(ValidUri, ParsesEveryField)
{
	const std::string uri = GetParam().at("uri");
	const nlohmann::json& expect = GetParam().at("expect");
	auto text = [&](const char* key) { return expect.at(key).get<std::string>(); };
	Account account = parseOtpauthUri(uri);
	EXPECT_EQ(toString(account.type), text("type"));
	EXPECT_EQ(account.issuer, text("issuer"));
	EXPECT_EQ(account.name, text("account"));
	EXPECT_EQ(encodeBase32(account.secret), text("secret")); // unpadded upper-case Base32
	EXPECT_EQ(toString(account.algorithm), text("algorithm"));
	EXPECT_EQ(account.digits, expect.at("digits").get<int>());
	// A counter is a string in the table: JSON numbers lose precision past 2^53 in JavaScript.
	if (account.type == OtpType::Hotp)
		EXPECT_EQ(std::to_string(account.counter), text("counter"));
	else
		EXPECT_EQ(account.period, expect.at("period").get<uint32_t>());
}

TEST_P(ValidUri, SerializeThenParseRoundTrips)
{
	Account account = parseOtpauthUri(GetParam().at("uri").get<std::string>());
	std::string uri = toOtpauthUri(account);
	Account again = parseOtpauthUri(uri);
	EXPECT_EQ(again, account) << uri;
	EXPECT_EQ(toOtpauthUri(again), uri);
}

INSTANTIATE_TEST_SUITE_P(Table, ValidUri, testing::ValuesIn(cases("valid")), caseName);

class InvalidUri : public testing::TestWithParam<nlohmann::json>
{};

TEST_P(InvalidUri, RejectsNamingTheField)
{
	const std::string uri = GetParam().at("uri");
	try {
		parseOtpauthUri(uri);
		FAIL() << "accepted " << uri;
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::InvalidUri) << uri;
		EXPECT_EQ(e.field(), GetParam().at("field").get<std::string>()) << uri << ": " << e.what();
		EXPECT_FALSE(std::string(e.what()).empty());
	}
}

INSTANTIATE_TEST_SUITE_P(Table, InvalidUri, testing::ValuesIn(cases("invalid")), caseName);

TEST(OtpauthUri, TableKeepsEveryCase)
{
	// A truncated or emptied data file must not pass as "no failures": 38 and 31 when it moved to JSON.
	EXPECT_GE(cases("valid").size(), 38u);
	EXPECT_GE(cases("invalid").size(), 31u);
}

TEST(OtpauthUri, SerializesTheCanonicalShape)
{
	Account account = parseOtpauthUri(
		"otpauth://totp/authentik%3Akristine.majore?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30&issuer=authentik");
	EXPECT_EQ(toOtpauthUri(account),
			  "otpauth://totp/authentik:kristine.majore?secret=JBSWY3DPEHPK3PXP&issuer=authentik&algorithm=SHA1&digits=6&period=30");

	Account hotp = parseOtpauthUri("otpauth://hotp/My%20Org:a%20b?secret=JBSWY3DPEHPK3PXP&counter=7");
	EXPECT_EQ(toOtpauthUri(hotp),
			  "otpauth://hotp/My%20Org:a%20b?secret=JBSWY3DPEHPK3PXP&issuer=My%20Org&algorithm=SHA1&digits=6&counter=7");
}

TEST(OtpauthUri, CodesMatchTheRfcThroughAUri)
{
	// "12345678901234567890" in Base32.
	Account account = parseOtpauthUri("otpauth://totp/RFC:6238?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8");
	EXPECT_EQ(generateCode(account, 1111111109), "07081804");
	Account hotp = parseOtpauthUri("otpauth://hotp/RFC:4226?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=5");
	EXPECT_EQ(generateCode(hotp, 0), "254676");
}

// Regression (otpauth_uri fuzzer, session 2): an account without issuer whose name holds ':' was
// written as "name:part", which reads back with "name" as the issuer. The minimized input:
TEST(OtpauthUri, NameWithColonAndNoIssuerSurvivesARoundTrip)
{
	Account account = parseOtpauthUri("otpauth://totp/:authentik%3Akrist+ie?secret=JBSWY3DPPK4PHEXP&algousk");
	EXPECT_EQ(account.issuer, "");
	EXPECT_EQ(account.name, "authentik:krist ie");

	std::string written = toOtpauthUri(account);
	EXPECT_TRUE(written.starts_with("otpauth://totp/:authentik%3Akrist%20ie?")) << written;
	Account again = parseOtpauthUri(written);
	EXPECT_EQ(again.issuer, "");
	EXPECT_EQ(again.name, "authentik:krist ie");
}
