#include "authcore/Error.h"
#include "authcore/encoding/Base32.h"

#include <gtest/gtest.h>

using namespace authcore;

namespace {

std::string decodeToString(std::string_view text)
{
	auto bytes = decodeBase32(text);
	return {bytes.begin(), bytes.end()};
}

std::string encodeString(std::string_view text, bool padding = false)
{
	return encodeBase32(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()), padding);
}

ErrorKind kindOf(std::string_view text)
{
	try {
		decodeBase32(text);
	} catch (const Error& e) {
		EXPECT_EQ(e.field(), "secret");
		return e.kind();
	}
	ADD_FAILURE() << "no error for '" << text << "'";
	return ErrorKind::InvalidArgument;
}

} // namespace

// RFC 4648 section 10 test vectors.
TEST(Base32, Rfc4648VectorsRoundTrip)
{
	const std::pair<const char*, const char*> vectors[] = {
		{"", ""},
		{"f", "MY======"},
		{"fo", "MZXQ===="},
		{"foo", "MZXW6==="},
		{"foob", "MZXW6YQ="},
		{"fooba", "MZXW6YTB"},
		{"foobar", "MZXW6YTBOI======"},
	};
	for (auto [plain, encoded] : vectors) {
		EXPECT_EQ(encodeString(plain, true), encoded);
		EXPECT_EQ(decodeToString(encoded), plain) << encoded;
		std::string unpadded(encoded);
		unpadded.erase(unpadded.find_last_not_of('=') + 1);
		EXPECT_EQ(encodeString(plain), unpadded);
		EXPECT_EQ(decodeToString(unpadded), plain) << unpadded;
	}
}

TEST(Base32, CaseInsensitiveAndIgnoresSpacesAndHyphens)
{
	EXPECT_EQ(decodeToString("mzxw6ytboi"), "foobar");
	EXPECT_EQ(decodeToString("MzXw 6yTb-Oi"), "foobar");
	EXPECT_EQ(decodeToString("mzxw 6ytb oi== ===="), "foobar");
}

TEST(Base32, RejectsBadCharactersWithPosition)
{
	EXPECT_EQ(kindOf("MZXW1YTB"), ErrorKind::InvalidBase32); // '1' is not Base32
	EXPECT_EQ(kindOf("MZXW8YTB"), ErrorKind::InvalidBase32);
	EXPECT_EQ(kindOf("MZXW_YTB"), ErrorKind::InvalidBase32);
	EXPECT_EQ(kindOf("MZXW\xC3\xA9YTB"), ErrorKind::InvalidBase32);
	try {
		decodeBase32("MZX!6YTB");
		FAIL();
	} catch (const Error& e) {
		EXPECT_NE(std::string(e.what()).find("'!' at position 4"), std::string::npos) << e.what();
	}
}

TEST(Base32, RejectsImpossibleLengths)
{
	for (const char* text : {"M", "MZX", "MZXW6Y", "MZXW6YTBO", "MZXW6YTBOIA"}) {
		try {
			decodeBase32(text);
			FAIL() << text;
		} catch (const Error& e) {
			EXPECT_EQ(e.kind(), ErrorKind::InvalidBase32);
			EXPECT_NE(std::string(e.what()).find("impossible Base32 length"), std::string::npos) << e.what();
		}
	}
}

TEST(Base32, RejectsMisplacedOrWrongPadding)
{
	EXPECT_EQ(kindOf("MY==MY=="), ErrorKind::InvalidBase32);
	EXPECT_EQ(kindOf("MY="), ErrorKind::InvalidBase32);       // padding that does not complete the group
	EXPECT_EQ(kindOf("========"), ErrorKind::InvalidBase32);  // padding alone
}

TEST(Base32, TypicalSecretsRoundTrip)
{
	for (size_t length = 1; length <= 64; ++length) {
		Botan::secure_vector<uint8_t> bytes(length);
		for (size_t i = 0; i < length; ++i)
			bytes[i] = static_cast<uint8_t>(i * 37 + length);
		EXPECT_EQ(decodeBase32(encodeBase32(bytes)), bytes);
		EXPECT_EQ(decodeBase32(encodeBase32(bytes, true)), bytes);
	}
}
