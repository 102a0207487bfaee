// cmake/zxing/escape_non_graphical.cpp, linked in place of ZXing's own (which needs iostreams):
// ZXing's contract for escaped text, checked against hand-written expectations.

#include <Utf.h>

#include <gtest/gtest.h>

#include <string>

namespace {

using ZXing::EscapeNonGraphical;

TEST(EscapeNonGraphical, KeepsPrintableTextAsItIs)
{
	EXPECT_EQ(EscapeNonGraphical(std::string("otpauth://totp/A%20B:c?secret=JBSWY3DP")), "otpauth://totp/A%20B:c?secret=JBSWY3DP");
	EXPECT_EQ(EscapeNonGraphical(std::string("a b~")), "a b~");
	EXPECT_EQ(EscapeNonGraphical(std::string("Pārole ĀŽ €")), "Pārole ĀŽ €");
	EXPECT_EQ(EscapeNonGraphical(std::string("\xC2\xA1\xC3\xBF")), "\xC2\xA1\xC3\xBF"); // U+00A1, U+00FF
	EXPECT_EQ(EscapeNonGraphical(std::string("\xF0\x9F\x94\x91")), "\xF0\x9F\x94\x91"); // U+1F511, beyond the BMP
	EXPECT_EQ(EscapeNonGraphical(std::string()), "");
}

TEST(EscapeNonGraphical, NamesAsciiControls)
{
	EXPECT_EQ(EscapeNonGraphical(std::string("a\nb\tc\rd")), "a<LF>b<HT>c<CR>d");
	EXPECT_EQ(EscapeNonGraphical(std::string("\x1b[0m\x7f")), "<ESC>[0m<DEL>");
	EXPECT_EQ(EscapeNonGraphical(std::string(1, '\0')), "<NUL>");
	EXPECT_EQ(EscapeNonGraphical(std::string("\x1f")), "<US>");
}

TEST(EscapeNonGraphical, GivesOtherNonPrintingCharactersAsCodePoints)
{
	EXPECT_EQ(EscapeNonGraphical(std::string("\xC2\x80")), "<U+80>");          // C1 control
	EXPECT_EQ(EscapeNonGraphical(std::string("\xC2\x9F")), "<U+9F>");
	EXPECT_EQ(EscapeNonGraphical(std::string("1\xC2\xA0" "2")), "1<U+A0>2");     // no-break space
	EXPECT_EQ(EscapeNonGraphical(std::string("\xE2\x80\x80")), "<U+2000>");     // en quad
	EXPECT_EQ(EscapeNonGraphical(std::string("\xE2\x80\x87")), "<U+2007>");     // figure space
	EXPECT_EQ(EscapeNonGraphical(std::string("\xE2\x80\xA8\xE2\x80\xA9")), "<U+2028><U+2029>");
	EXPECT_EQ(EscapeNonGraphical(std::string("\xEF\xBF\xB9")), "<U+FFF9>");     // annotation controls
	EXPECT_EQ(EscapeNonGraphical(std::string("\xEF\xBF\xBD")), "<U+FFFD>");     // replacement character
	EXPECT_EQ(EscapeNonGraphical(std::string("\xEF\xBF\xBE")), "<U+FFFE>");     // noncharacters
	EXPECT_EQ(EscapeNonGraphical(std::string("\xF4\x8F\xBF\xBF")), "<U+10FFFF>");
	EXPECT_EQ(EscapeNonGraphical(std::string("\xEF\xBF\xBC")), "\xEF\xBF\xBC"); // U+FFFC prints
}

TEST(EscapeNonGraphical, WideTextTheSame)
{
	EXPECT_EQ(EscapeNonGraphical(std::wstring_view(L"x\n\u00a0y")), L"x<LF><U+A0>y");
}

} // namespace
