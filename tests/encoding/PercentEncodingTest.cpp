#include "authcore/encoding/PercentEncoding.h"

#include <gtest/gtest.h>

using namespace authcore;

TEST(PercentEncoding, DecodesEscapesPlusAndUtf8)
{
	EXPECT_EQ(percentDecode("authentik%3Akristine.majore"), "authentik:kristine.majore");
	EXPECT_EQ(percentDecode("John+Doe%20Jr"), "John Doe Jr");
	EXPECT_EQ(percentDecode("K%C4%81rlis%20B%C4%93rzi%C5%86%C5%A1"), "K\xC4\x81rlis B\xC4\x93rzi\xC5\x86\xC5\xA1");
	EXPECT_EQ(percentDecode("%2b"), "+");
	EXPECT_EQ(percentDecode(""), "");
}

TEST(PercentEncoding, RejectsBrokenEscapesAndInvalidUtf8)
{
	EXPECT_FALSE(percentDecode("%"));
	EXPECT_FALSE(percentDecode("%4"));
	EXPECT_FALSE(percentDecode("abc%zz"));
	EXPECT_FALSE(percentDecode("%C3"));       // truncated sequence
	EXPECT_FALSE(percentDecode("%C0%AF"));    // overlong '/'
	EXPECT_FALSE(percentDecode("%ED%A0%80")); // UTF-16 surrogate
	EXPECT_FALSE(percentDecode("%F4%90%80%80")); // above U+10FFFF
	EXPECT_FALSE(percentDecode("%FF"));
}

TEST(PercentEncoding, EncodesReservedAndKeepsReadableCharacters)
{
	EXPECT_EQ(percentEncode("a b:c/d?e&f=g+h"), "a%20b%3Ac%2Fd%3Fe%26f%3Dg%2Bh");
	EXPECT_EQ(percentEncode("user.name-1_x~@example.com"), "user.name-1_x~@example.com");
	EXPECT_EQ(percentEncode("\xC4\x81"), "%C4%81");
	for (std::string text : {"x", "a:b c", "Ā%+&=", "😀 emoji"})
		EXPECT_EQ(percentDecode(percentEncode(text)), text);
}
