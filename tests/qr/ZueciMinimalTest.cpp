// cmake/zxing/zueci_minimal.c, the stand-in for ZXing's libzueci: the character sets the app reads
// and writes convert exactly (checked against hand-made bytes), exact lengths come first (ZXing
// sizes its string by them), other character sets keep their ASCII and replace the rest, and bad
// arguments, ECIs and UTF-8 are the same errors libzueci gives. The decoder's and encoder's own
// tests (QrDecoderTest, QrEncoderTest: ECI and UTF-8 round trips) exercise it through ZXing.

#include <libzueci/zueci.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

constexpr unsigned kReplacement = 0xFFFD;
constexpr unsigned kFlags = ZUECI_FLAG_SB_STRAIGHT_THRU | ZUECI_FLAG_SJIS_STRAIGHT_THRU; // as ZXing passes

struct Decoded
{
	int status;
	std::string text;
};

Decoded toUtf8(int eci, const std::string& bytes, unsigned replacement = kReplacement, unsigned flags = kFlags)
{
	const auto* src = reinterpret_cast<const unsigned char*>(bytes.data());
	const int size = static_cast<int>(bytes.size());
	int length = -1;
	const int counted = zueci_dest_len_utf8(eci, src, size, replacement, flags, &length);
	if (counted >= ZUECI_ERROR)
		return {counted, {}};
	std::vector<unsigned char> out(static_cast<size_t>(length) + 1, 0xAA);
	int written = -1;
	const int status = zueci_eci_to_utf8(eci, src, size, replacement, flags, out.data(), &written);
	EXPECT_EQ(status, counted);
	EXPECT_EQ(written, length) << "the counted length is the written length";
	EXPECT_EQ(out[static_cast<size_t>(length)], 0xAA) << "nothing written past it";
	return {status, std::string(out.begin(), out.begin() + written)};
}

Decoded fromUtf8(int eci, const std::string& text)
{
	const auto* src = reinterpret_cast<const unsigned char*>(text.data());
	const int size = static_cast<int>(text.size());
	int room = -1;
	EXPECT_EQ(zueci_dest_len_eci(eci, src, size, &room), 0);
	std::vector<unsigned char> out(static_cast<size_t>(room) + 1, 0xAA);
	int written = -1;
	const int status = zueci_utf8_to_eci(eci, src, size, out.data(), &written);
	if (status >= ZUECI_ERROR)
		return {status, {}};
	EXPECT_LE(written, room);
	return {status, std::string(out.begin(), out.begin() + written)};
}

} // namespace

TEST(ZueciMinimalTest, TheCharacterSetsWeUseConvertExactly)
{
	const std::string uri = "otpauth://totp/ACME%20Co:j%C4%81nis?secret=GEZDGNBV&issuer=ACME";
	for (const int eci : {1, 3, 26, 27, 170, 899, 20, 28})
		EXPECT_EQ(toUtf8(eci, uri).text, uri) << "ECI " << eci << ": an otpauth URI reads the same";

	EXPECT_EQ(toUtf8(3, "J\xE2nis \xA9").text, "J\xC3\xA2nis \xC2\xA9");     // ISO-8859-1
	EXPECT_EQ(toUtf8(899, "\x01\xFF").text, "\x01\xC3\xBF");                // binary: byte = code point
	EXPECT_EQ(toUtf8(26, "J\xC4\x81nis \xF0\x9F\x94\x91").text, "J\xC4\x81nis \xF0\x9F\x94\x91"); // UTF-8
	EXPECT_EQ(fromUtf8(26, "J\xC4\x81nis").text, "J\xC4\x81nis");
	EXPECT_EQ(fromUtf8(3, "J\xC3\xA2nis \xC2\xA9").text, "J\xE2nis \xA9");
	EXPECT_EQ(fromUtf8(27, "plain").text, "plain");
	EXPECT_EQ(toUtf8(26, "").text, "");
}

TEST(ZueciMinimalTest, InvalidUtf8AndUnmappedBytesAreReplacedOrRefused)
{
	// Overlong, surrogate, above U+10FFFF, a lone continuation byte, cut off at the end.
	for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "ok\xE2\x82"}) {
		const auto decoded = toUtf8(26, bad);
		EXPECT_EQ(decoded.status, ZUECI_WARN_INVALID_DATA) << bad;
		EXPECT_NE(decoded.text.find("\xEF\xBF\xBD"), std::string::npos) << bad;
		EXPECT_EQ(toUtf8(26, bad, 0).status, ZUECI_ERROR_INVALID_DATA) << "no replacement: an error";
		EXPECT_EQ(fromUtf8(26, bad).status, ZUECI_ERROR_INVALID_UTF8) << bad;
	}
	// A character set without its tables here (Big5): ASCII kept, the rest replaced.
	const auto big5 = toUtf8(28, "A\xA4\x40");
	EXPECT_EQ(big5.status, ZUECI_WARN_INVALID_DATA);
	EXPECT_EQ(big5.text, "A\xEF\xBF\xBD@"); // the trail byte 0x40 is ASCII "@"
	// Shift JIS decodes (ZXing guesses it for Japanese byte-mode text): "モバイル", half-width "ｱ",
	// a user-defined character, and a lead byte cut off at the end.
	EXPECT_EQ(toUtf8(20, "\x83\x82\x83\x6F\x83\x43\x83\x8B").text, "\xE3\x83\xA2\xE3\x83\x90\xE3\x82\xA4\xE3\x83\xAB");
	EXPECT_EQ(toUtf8(20, "\xB1").text, "\xEF\xBD\xB1");
	EXPECT_EQ(toUtf8(20, "\xF0\x40").text, "\xEE\x80\x80");
	EXPECT_EQ(toUtf8(20, "a\x83").status, ZUECI_WARN_INVALID_DATA);
	EXPECT_EQ(toUtf8(20, "\x5C", kReplacement, 0).text, "\xC2\xA5"); // yen sign unless straight through
	// GB 2312 and its part of GB 18030 (QR's Hanzi mode, as ZXing reads it): "阿" (0xB0A2), and a
	// byte outside its rows.
	EXPECT_EQ(toUtf8(29, "\xB0\xA2").text, "\xE9\x98\xBF");
	EXPECT_EQ(toUtf8(32, "\xB0\xA2").text, "\xE9\x98\xBF");
	EXPECT_EQ(toUtf8(29, "\xAA\xA1").status, ZUECI_WARN_INVALID_DATA);
	// ASCII's top half: straight through with the flag ZXing passes, replaced without it.
	EXPECT_EQ(toUtf8(27, "\xE9").text, "\xC3\xA9");
	EXPECT_EQ(toUtf8(27, "\xE9", kReplacement, 0).text, "\xEF\xBF\xBD");
	// Writing what a set cannot hold is refused, as libzueci does.
	EXPECT_EQ(fromUtf8(3, "\xC4\x81").status, ZUECI_ERROR_INVALID_DATA);
	EXPECT_EQ(fromUtf8(20, "\xC3\xA9").status, ZUECI_ERROR_INVALID_DATA);
}

TEST(ZueciMinimalTest, BadEcisAndArgumentsAreErrors)
{
	int length = 0;
	const unsigned char byte = 'a';
	for (const int eci : {-1, 14, 19, 36, 169, 171, 898, 900})
		EXPECT_EQ(zueci_dest_len_utf8(eci, &byte, 1, kReplacement, kFlags, &length), ZUECI_ERROR_INVALID_ECI) << eci;
	EXPECT_EQ(zueci_dest_len_utf8(26, nullptr, 1, kReplacement, kFlags, &length), ZUECI_ERROR_INVALID_ARGS);
	EXPECT_EQ(zueci_dest_len_utf8(26, &byte, -1, kReplacement, kFlags, &length), ZUECI_ERROR_INVALID_ARGS);
	EXPECT_EQ(zueci_dest_len_utf8(26, &byte, 1, kReplacement, kFlags, nullptr), ZUECI_ERROR_INVALID_ARGS);
	EXPECT_EQ(zueci_eci_to_utf8(26, &byte, 1, kReplacement, kFlags, nullptr, &length), ZUECI_ERROR_INVALID_ARGS);
	EXPECT_EQ(zueci_utf8_to_eci(26, &byte, 1, nullptr, &length), ZUECI_ERROR_INVALID_ARGS);
	EXPECT_EQ(zueci_dest_len_eci(36, &byte, 1, &length), ZUECI_ERROR_INVALID_ECI);
}
