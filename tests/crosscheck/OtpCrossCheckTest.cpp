// Recomputes every random case that the CTest fixtures wrote: oathtool's answers
// (make_oathtool_vectors.py) and the independent Python reference's (make_reference_vectors.py).
// Both files are fresh each run, with the seed printed by the fixture.

#include "TestData.h"

#include "authcore/otp/Otp.h"

#include <botan/hex.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <map>

using namespace authcore;

namespace {

// The fixtures write into the test binary directory (a path, not an environment variable: the
// wasm build under Node does not see the process environment).
std::vector<test::VectorRecord> fixtureVectors(const std::string& file)
{
	return test::readVectorFile(std::string(AUTHCORE_TEST_BINARY_DIR) + "/" + file);
}

std::string engineCode(const test::VectorRecord& r)
{
	auto secret = Botan::hex_decode(r.at("Secret"));
	const std::string& type = r.at("Type");
	if (type == "steam")
		return steamGuard(secret, std::stoll(r.at("Time")));
	auto algorithm = parseHashAlgorithm(r.at("Algorithm")).value();
	int digits = std::stoi(r.at("Digits"));
	if (type == "totp")
		return totp(secret, std::stoll(r.at("Time")), static_cast<uint32_t>(std::stoul(r.at("Period"))), algorithm,
					digits);
	if (type == "hotp")
		return hotp(secret, std::stoull(r.at("Counter")), algorithm, digits);
	throw std::runtime_error("unknown case type " + type);
}

// Every case must match (the first ten mismatches are shown); returns how many cases of each shape
// ("totp/SHA256/7", "hotp/SHA1/10", "steam") were seen.
std::map<std::string, size_t> expectEveryCaseMatches(const std::vector<test::VectorRecord>& records)
{
	std::map<std::string, size_t> shapes;
	size_t failures = 0;
	for (const auto& r : records) {
		std::string code = engineCode(r);
		if (code != r.at("Code") && ++failures <= 10)
			ADD_FAILURE() << "expected " << r.at("Code") << ", engine gave " << code << " for secret "
						  << r.at("Secret") << " (" << r.at("Type") << ")";
		std::string shape = r.at("Type");
		if (shape != "steam")
			shape += "/" + r.at("Algorithm") + "/" + r.at("Digits");
		++shapes[shape];
	}
	EXPECT_EQ(failures, 0u) << "of " << records.size() << " cases";
	return shapes;
}

size_t countOf(const std::map<std::string, size_t>& shapes, const std::string& prefix)
{
	size_t total = 0;
	for (const auto& [shape, count] : shapes)
		if (shape.starts_with(prefix))
			total += count;
	return total;
}

} // namespace

TEST(OtpCrossCheck, EveryOathtoolCaseMatches)
{
	auto records = fixtureVectors("oathtool_vectors.txt");
	ASSERT_GE(records.size(), 10000u);
	auto shapes = expectEveryCaseMatches(records);
	EXPECT_GT(shapes["totp/SHA512/8"], 100u);
	EXPECT_GT(shapes["hotp/SHA1/6"], 100u);
	std::printf("oathtool cross-check: %zu TOTP and %zu HOTP cases checked\n", countOf(shapes, "totp"),
				countOf(shapes, "hotp"));
}

TEST(OtpCrossCheck, EveryReferenceCaseMatches)
{
	auto records = fixtureVectors("reference_vectors.txt");
	ASSERT_GE(records.size(), 10000u);
	auto shapes = expectEveryCaseMatches(records);
	// Every digit count with every algorithm, for both HOTP and TOTP, and Steam.
	for (std::string type : {"totp", "hotp"})
		for (std::string algorithm : {"SHA1", "SHA256", "SHA512"})
			for (int digits = kMinDigits; digits <= kMaxDigits; ++digits)
				EXPECT_TRUE(shapes.contains(type + "/" + algorithm + "/" + std::to_string(digits)))
					<< "no " << type << " case with " << algorithm << " and " << digits << " digits";
	EXPECT_GT(countOf(shapes, "steam"), 500u);
	std::printf("reference cross-check: %zu TOTP, %zu HOTP and %zu Steam cases checked\n", countOf(shapes, "totp"),
				countOf(shapes, "hotp"), countOf(shapes, "steam"));
}
