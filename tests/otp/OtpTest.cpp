#include "TestData.h"

#include "authcore/Error.h"
#include "authcore/otp/Otp.h"

#include <botan/hex.h>
#include <gtest/gtest.h>

using namespace authcore;
using authcore::test::readVectorFile;
using authcore::test::testDataPath;

namespace {

HashAlgorithm algorithmOf(const std::string& name) { return parseHashAlgorithm(name).value(); }

} // namespace

TEST(Hotp, Rfc4226AppendixD)
{
	auto records = readVectorFile(testDataPath("otp/hotp_rfc4226.vec"));
	ASSERT_EQ(records.size(), 10u);
	for (const auto& r : records) {
		auto secret = Botan::hex_decode(r.at("Secret"));
		EXPECT_EQ(hotp(secret, std::stoull(r.at("Counter")), algorithmOf(r.section), std::stoi(r.at("Digits"))),
				  r.at("Code"));
	}
}

TEST(Totp, Rfc6238AppendixBAllAlgorithms)
{
	auto records = readVectorFile(testDataPath("otp/totp_rfc6238.vec"));
	ASSERT_EQ(records.size(), 18u);
	for (const auto& r : records) {
		auto secret = Botan::hex_decode(r.at("Secret"));
		EXPECT_EQ(totp(secret, std::stoll(r.at("Time")), static_cast<uint32_t>(std::stoul(r.at("Period"))),
					   algorithmOf(r.section), std::stoi(r.at("Digits"))),
				  r.at("Code"))
			<< r.section << " at " << r.at("Time");
	}
}

TEST(Steam, KnownCodes)
{
	auto records = readVectorFile(testDataPath("otp/steam.vec"));
	ASSERT_EQ(records.size(), 8u);
	for (const auto& r : records)
		EXPECT_EQ(steamGuard(Botan::hex_decode(r.at("Secret")), std::stoll(r.at("Time"))), r.at("Code"));
}

TEST(Hotp, DigitsOneToTenShareTheSameTruncation)
{
	// RFC 4226 Appendix D lists the full truncated value for counter 0: 1284755224.
	const std::string seed = "12345678901234567890";
	std::span<const uint8_t> secret(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
	EXPECT_EQ(hotp(secret, 0, HashAlgorithm::Sha1, 10), "1284755224");
	const std::string full = "1284755224";
	for (int digits = 1; digits <= 10; ++digits)
		EXPECT_EQ(hotp(secret, 0, HashAlgorithm::Sha1, digits), full.substr(10 - static_cast<size_t>(digits)));
	// Counter 1's value is 1094287082: 10 digits keep it whole, 9 keep the tail.
	EXPECT_EQ(hotp(secret, 1, HashAlgorithm::Sha1, 10), "1094287082");
	EXPECT_EQ(hotp(secret, 1, HashAlgorithm::Sha1, 9), "094287082");
}

TEST(Hotp, RejectsDigitsOutOfRange)
{
	const uint8_t key[] = {1, 2, 3};
	for (int digits : {0, 11, -1, 100}) {
		try {
			hotp(key, 0, HashAlgorithm::Sha1, digits);
			FAIL() << digits;
		} catch (const Error& e) {
			EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
			EXPECT_EQ(e.field(), "digits");
		}
	}
}

TEST(Totp, PeriodsAndSixtyFourBitTime)
{
	const uint8_t key[] = {'k', 'e', 'y'};
	// A period of 1 s changes the code every second; time past 2038 and 2106 works.
	EXPECT_EQ(totp(key, 100, 1, HashAlgorithm::Sha1, 6), hotp(key, 100, HashAlgorithm::Sha1, 6));
	EXPECT_EQ(totp(key, 4'294'967'296 * 30, 30, HashAlgorithm::Sha1, 6),
			  hotp(key, 4'294'967'296, HashAlgorithm::Sha1, 6));
	EXPECT_EQ(totpCounter(253'402'300'799, 30), 8'446'743'359u); // 9999-12-31T23:59:59Z
	EXPECT_EQ(totpCounter(86'400, 86'400), 1u);
	EXPECT_THROW(totpCounter(10, 0), Error);
	EXPECT_THROW(totpCounter(-1, 30), Error);
}

TEST(Totp, SecondsRemaining)
{
	EXPECT_EQ(secondsRemaining(0, 30), 30u);
	EXPECT_EQ(secondsRemaining(29, 30), 1u);
	EXPECT_EQ(secondsRemaining(30, 30), 30u);
	EXPECT_EQ(secondsRemaining(1'111'111'109, 30), 1u);
	EXPECT_EQ(secondsRemaining(5, 1), 1u);
	EXPECT_THROW(secondsRemaining(5, 0), Error);
}

TEST(HashAlgorithm, ParsesCommonSpellings)
{
	EXPECT_EQ(parseHashAlgorithm("SHA1"), HashAlgorithm::Sha1);
	EXPECT_EQ(parseHashAlgorithm("sha-256"), HashAlgorithm::Sha256);
	EXPECT_EQ(parseHashAlgorithm("Sha512"), HashAlgorithm::Sha512);
	EXPECT_FALSE(parseHashAlgorithm("MD5"));
	EXPECT_FALSE(parseHashAlgorithm(""));
	EXPECT_EQ(toString(HashAlgorithm::Sha256), "SHA256");
}
