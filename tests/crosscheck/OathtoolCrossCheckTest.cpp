// Recomputes every case that make_oathtool_vectors.py wrote with oathtool's answers.

#include "TestData.h"

#include "authcore/otp/Otp.h"

#include <botan/hex.h>
#include <gtest/gtest.h>

#include <cstdio>

using namespace authcore;

TEST(OathtoolCrossCheck, EveryRandomCaseMatches)
{
	// Written by the CTest fixture oathtool_vectors_generate (a path, not an environment variable:
	// the wasm build under Node does not see the process environment).
	auto records = test::readVectorFile(std::string(AUTHCORE_TEST_BINARY_DIR) + "/oathtool_vectors.txt");
	ASSERT_GE(records.size(), 1000u);

	size_t totpCases = 0, hotpCases = 0;
	for (const auto& r : records) {
		auto secret = Botan::hex_decode(r.at("Secret"));
		auto algorithm = parseHashAlgorithm(r.at("Algorithm")).value();
		int digits = std::stoi(r.at("Digits"));
		std::string code;
		if (r.at("Type") == "totp") {
			code = totp(secret, std::stoll(r.at("Time")), static_cast<uint32_t>(std::stoul(r.at("Period"))), algorithm,
						digits);
			++totpCases;
		} else {
			code = hotp(secret, std::stoull(r.at("Counter")), algorithm, digits);
			++hotpCases;
		}
		ASSERT_EQ(code, r.at("Code")) << "secret " << r.at("Secret");
	}
	EXPECT_GT(totpCases, 100u);
	EXPECT_GT(hotpCases, 100u);
	std::printf("oathtool cross-check: %zu TOTP and %zu HOTP cases equal\n", totpCases, hotpCases);
}
