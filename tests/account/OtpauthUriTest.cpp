#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Base32.h"

#include <gtest/gtest.h>

using namespace authcore;

namespace {

struct Valid
{
	const char* uri;
	const char* issuer;
	const char* name;
	const char* secret; // unpadded upper-case Base32
	OtpType type;
	HashAlgorithm algorithm;
	int digits;
	uint32_t period;
	uint64_t counter;
};

constexpr auto T = OtpType::Totp;
constexpr auto H = OtpType::Hotp;
constexpr auto S = OtpType::Steam;
constexpr auto SHA1 = HashAlgorithm::Sha1;
constexpr auto SHA256 = HashAlgorithm::Sha256;
constexpr auto SHA512 = HashAlgorithm::Sha512;

const Valid kValid[] = {
	// authentik's exact shape: colon percent-encoded in the label, issuer last.
	{"otpauth://totp/authentik%3Akristine.majore?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30&issuer=authentik",
	 "authentik", "kristine.majore", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/Company%20Support%3Aanna.berzina%40example.lv?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30&issuer=Company%20Support",
	 "Company Support", "anna.berzina@example.lv", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// Google's key-uri-format examples.
	{"otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example", "Example", "alice@google.com",
	 "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
	 "ACME Co", "john.doe@email.com", "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ", T, SHA1, 6, 30, 0},
	// Defaults.
	{"otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP", "", "alice", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/?secret=JBSWY3DPEHPK3PXP&issuer=Solo", "Solo", "", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// 8 digits, other algorithms and periods.
	{"otpauth://totp/Bank:me?secret=JBSWY3DPEHPK3PXP&digits=8", "Bank", "me", "JBSWY3DPEHPK3PXP", T, SHA1, 8, 30, 0},
	{"otpauth://totp/Bank:me?secret=JBSWY3DPEHPK3PXP&digits=8&algorithm=SHA256", "Bank", "me", "JBSWY3DPEHPK3PXP", T,
	 SHA256, 8, 30, 0},
	{"otpauth://totp/Bank:me?secret=JBSWY3DPEHPK3PXP&digits=8&algorithm=SHA512&period=60", "Bank", "me",
	 "JBSWY3DPEHPK3PXP", T, SHA512, 8, 60, 0},
	{"otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=sha256", "X", "y", "JBSWY3DPEHPK3PXP", T, SHA256, 6, 30, 0},
	{"otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-512", "X", "y", "JBSWY3DPEHPK3PXP", T, SHA512, 6, 30, 0},
	{"otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=7&period=20", "X", "y", "JBSWY3DPEHPK3PXP", T, SHA1, 7, 20, 0},
	{"otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=10&period=1", "X", "y", "JBSWY3DPEHPK3PXP", T, SHA1, 10, 1, 0},
	{"otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=1&period=86400", "X", "y", "JBSWY3DPEHPK3PXP", T, SHA1, 1, 86400, 0},
	// The issuer parameter wins over the label prefix.
	{"otpauth://totp/Old:bob?secret=JBSWY3DPEHPK3PXP&issuer=New", "New", "bob", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&issuer=OnlyParam", "OnlyParam", "bob", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// An issuer that itself holds ':' splits on the whole issuer.
	{"otpauth://totp/A%3AB:carol?secret=JBSWY3DPEHPK3PXP&issuer=A%3AB", "A:B", "carol", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// '+' and %20 are spaces; spaces after the colon are dropped; UTF-8 labels.
	{"otpauth://totp/My+Org:John+Doe?secret=JBSWY3DPEHPK3PXP", "My Org", "John Doe", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/My%20Org:%20%20John?secret=JBSWY3DPEHPK3PXP", "My Org", "John", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/R%C4%ABgas%20%C5%A0kola:J%C4%81nis?secret=JBSWY3DPEHPK3PXP&issuer=R%C4%ABgas%20%C5%A0kola",
	 "R\xC4\xAB" "gas \xC5\xA0kola", "J\xC4\x81nis", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/%E6%97%A5%E6%9C%AC:%F0%9F%98%80?secret=JBSWY3DPEHPK3PXP", "\xE6\x97\xA5\xE6\x9C\xAC",
	 "\xF0\x9F\x98\x80", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/x%2By?secret=JBSWY3DPEHPK3PXP", "", "x+y", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// Secrets: lower case, padded, spaced.
	{"otpauth://totp/a?secret=jbswy3dpehpk3pxp", "", "a", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/a?secret=MZXW6YQ%3D", "", "a", "MZXW6YQ", T, SHA1, 6, 30, 0},
	{"otpauth://totp/a?secret=MZXW6YQ=", "", "a", "MZXW6YQ", T, SHA1, 6, 30, 0},
	{"otpauth://totp/a?secret=JBSW%20Y3DP%20EHPK%203PXP", "", "a", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// Scheme, type and parameter names are case-insensitive; surrounding white space is ignored.
	{"OTPAUTH://TOTP/a?SECRET=JBSWY3DPEHPK3PXP&Digits=8", "", "a", "JBSWY3DPEHPK3PXP", T, SHA1, 8, 30, 0},
	{"  otpauth://totp/a?secret=JBSWY3DPEHPK3PXP\n", "", "a", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// Unknown and repeated parameters, empty pairs, fragments.
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&image=https%3A%2F%2Fx.test%2Fa.png&color=red", "", "a",
	 "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=8&digits=6", "", "a", "JBSWY3DPEHPK3PXP", T, SHA1, 8, 30, 0},
	{"otpauth://totp/a?&secret=JBSWY3DPEHPK3PXP&&", "", "a", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP#ignored", "", "a", "JBSWY3DPEHPK3PXP", T, SHA1, 6, 30, 0},
	// HOTP.
	{"otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&algorithm=SHA1&digits=6&counter=1",
	 "Issuu", "James", "YOOMIXWS5GN6RTBPUFFWKTW5M4", H, SHA1, 6, 30, 1},
	{"otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=0", "", "a", "JBSWY3DPEHPK3PXP", H, SHA1, 6, 30, 0},
	{"otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=18446744073709551615&digits=8&algorithm=SHA512", "", "a",
	 "JBSWY3DPEHPK3PXP", H, SHA512, 8, 30, 18446744073709551615u},
	// Steam: by type or by encoder; always 5 characters, 30 s, SHA1.
	{"otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing&algorithm=SHA1&digits=5&period=30",
	 "Boeing", "Sophia", "JRZCL47CMXVOQMNPZR2F7J4RGI", S, SHA1, 5, 30, 0},
	{"otpauth://totp/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&encoder=steam", "Steam", "gamer",
	 "JRZCL47CMXVOQMNPZR2F7J4RGI", S, SHA1, 5, 30, 0},
	{"otpauth://totp/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam&encoder=Steam&digits=6", "Steam",
	 "gamer", "JRZCL47CMXVOQMNPZR2F7J4RGI", S, SHA1, 5, 30, 0},
};

struct Invalid
{
	const char* uri;
	const char* field;
};

const Invalid kInvalid[] = {
	{"", "uri"},
	{"   ", "uri"},
	{"https://example.com/?secret=JBSWY3DPEHPK3PXP", "scheme"},
	{"otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8", "scheme"},
	{"otpauth:/totp/a?secret=JBSWY3DPEHPK3PXP", "scheme"},
	{"otpauth://motp/a?secret=JBSWY3DPEHPK3PXP", "type"},
	{"otpauth:///a?secret=JBSWY3DPEHPK3PXP", "type"},
	{"otpauth://totp/a", "secret"},
	{"otpauth://totp/a?issuer=x", "secret"},
	{"otpauth://totp/a?secret=", "secret"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PX1", "secret"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXPA", "secret"}, // impossible length
	{"otpauth://totp/a?secret=%3D%3D%3D%3D%3D%3D%3D%3D", "secret"},
	{"otpauth://totp/a%ZZ?secret=JBSWY3DPEHPK3PXP", "label"},
	{"otpauth://totp/a%C3?secret=JBSWY3DPEHPK3PXP", "label"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&issuer=%E0%80", "issuer"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", "algorithm"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=", "algorithm"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=0", "digits"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=11", "digits"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=six", "digits"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=-6", "digits"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=%2B6", "digits"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=", "digits"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=0", "period"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=30s", "period"},
	{"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=4294967296", "period"},
	{"otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP", "counter"},
	{"otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=-1", "counter"},
	{"otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=18446744073709551616", "counter"},
	{"otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=1e3", "counter"},
};

} // namespace

class ValidUri : public testing::TestWithParam<Valid>
{};

TEST_P(ValidUri, ParsesEveryField)
{
	const Valid& v = GetParam();
	Account account = parseOtpauthUri(v.uri);
	EXPECT_EQ(account.issuer, v.issuer);
	EXPECT_EQ(account.name, v.name);
	EXPECT_EQ(encodeBase32(account.secret), v.secret);
	EXPECT_EQ(account.type, v.type);
	EXPECT_EQ(account.algorithm, v.algorithm);
	EXPECT_EQ(account.digits, v.digits);
	if (v.type == OtpType::Hotp)
		EXPECT_EQ(account.counter, v.counter);
	else
		EXPECT_EQ(account.period, v.period);
}

TEST_P(ValidUri, SerializeThenParseRoundTrips)
{
	Account account = parseOtpauthUri(GetParam().uri);
	std::string uri = toOtpauthUri(account);
	Account again = parseOtpauthUri(uri);
	EXPECT_EQ(again, account) << uri;
	EXPECT_EQ(toOtpauthUri(again), uri);
}

INSTANTIATE_TEST_SUITE_P(Table, ValidUri, testing::ValuesIn(kValid));

class InvalidUri : public testing::TestWithParam<Invalid>
{};

TEST_P(InvalidUri, RejectsNamingTheField)
{
	const Invalid& v = GetParam();
	try {
		parseOtpauthUri(v.uri);
		FAIL() << "accepted " << v.uri;
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::InvalidUri) << v.uri;
		EXPECT_EQ(e.field(), v.field) << v.uri << ": " << e.what();
		EXPECT_FALSE(std::string(e.what()).empty());
	}
}

INSTANTIATE_TEST_SUITE_P(Table, InvalidUri, testing::ValuesIn(kInvalid));

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
