#include "authcore/Error.h"
#include "authcore/qr/QrDecoder.h"
#include "authcore/qr/QrEncoder.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace authcore;

namespace {

const std::string kAuthentik =
	"otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30&issuer=authentik";

QrCode decodeImage(const GreyImage& image, ScanMode mode = ScanMode::Still)
{
	return decodeQr({image.pixels, image.width, image.height, PixelFormat::Grey}, mode);
}

ErrorKind kindOf(const std::function<void()>& f, std::string* field = nullptr)
{
	try {
		f();
	} catch (const Error& e) {
		if (field)
			*field = e.field();
		return e.kind();
	}
	ADD_FAILURE() << "no authcore::Error thrown";
	return ErrorKind::UnsupportedFormat;
}

} // namespace

TEST(QrEncoder, RoundTripsAnOtpauthUri)
{
	auto image = encodeQr(kAuthentik);
	auto code = decodeImage(image, ScanMode::Live);
	EXPECT_EQ(code.text, kAuthentik);
	EXPECT_EQ(std::string(code.bytes.begin(), code.bytes.end()), kAuthentik);
	EXPECT_EQ(code.ecLevel, "M"); // the default
	EXPECT_EQ(code.symbologyIdentifier, "]Q1");
	EXPECT_FALSE(code.inverted);
}

TEST(QrEncoder, SizeIsModulesPlusQuietZoneTimesScale)
{
	// "HELLO" at L fits version 1: 21 modules.
	auto image = encodeQr("HELLO", {.scale = 3, .margin = 4, .errorCorrection = QrErrorCorrection::Low});
	EXPECT_EQ(image.width, (21 + 2 * 4) * 3);
	EXPECT_EQ(image.height, image.width);
	ASSERT_EQ(image.pixels.size(), size_t(image.width) * image.height);

	// The quiet zone is white, the top-left finder pattern starts right after it, and every pixel
	// is pure black or white.
	const int quiet = 4 * 3;
	for (int y = 0; y < image.height; ++y)
		for (int x = 0; x < image.width; ++x) {
			uint8_t p = image.pixels[size_t(y) * image.width + x];
			ASSERT_TRUE(p == 0 || p == 255);
			if (x < quiet || y < quiet || x >= image.width - quiet || y >= image.height - quiet)
				ASSERT_EQ(p, 255) << x << "," << y;
		}
	EXPECT_EQ(image.pixels[size_t(quiet) * image.width + quiet], 0);
}

TEST(QrEncoder, MarginZeroStartsWithTheFinderPattern)
{
	auto image = encodeQr("HELLO", {.scale = 1, .margin = 0});
	EXPECT_EQ(image.pixels[0], 0);
	EXPECT_EQ(image.width, 21);
}

TEST(QrEncoder, EveryErrorCorrectionLevelIsWrittenAndReadBack)
{
	const std::pair<QrErrorCorrection, const char*> levels[] = {
		{QrErrorCorrection::Low, "L"}, {QrErrorCorrection::Medium, "M"}, {QrErrorCorrection::Quartile, "Q"}, {QrErrorCorrection::High, "H"}};
	int previousWidth = 0;
	for (auto [level, name] : levels) {
		auto image = encodeQr(kAuthentik, {.scale = 2, .margin = 4, .errorCorrection = level});
		auto code = decodeImage(image);
		EXPECT_EQ(code.text, kAuthentik);
		EXPECT_EQ(code.ecLevel, name);
		EXPECT_GE(image.width, previousWidth) << "more correction never makes a smaller code";
		previousWidth = image.width;
	}
}

TEST(QrEncoder, Utf8TextRoundTrips)
{
	// Latvian names (with the label percent-encoded as an otpauth URI would, and raw) and a
	// Google Authenticator migration URI shape.
	for (std::string text : {std::string("Kristīne Bērziņa — Ķekava"), std::string("otpauth://totp/Banka:J%C4%81nis?secret=JBSWY3DPEHPK3PXP"),
							 std::string("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC"),
							 std::string(1000, 'x'), std::string("日本語のテキスト")}) {
		auto code = decodeImage(encodeQr(text, {.scale = 2}));
		EXPECT_EQ(code.text, text);
	}
}

TEST(QrEncoder, RejectsOptionsOutOfRange)
{
	std::string field;
	EXPECT_EQ(kindOf([] { encodeQr("x", {.scale = 0}); }, &field), ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "scale");
	EXPECT_EQ(kindOf([] { encodeQr("x", {.scale = kMaxQrScale + 1}); }, &field), ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "scale");
	EXPECT_EQ(kindOf([] { encodeQr("x", {.scale = 1, .margin = -1}); }, &field), ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "margin");
	EXPECT_EQ(kindOf([] { encodeQr("x", {.scale = 1, .margin = kMaxQrMargin + 1}); }, &field), ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "margin");
	// Valid on their own, together too large an image: 177 modules + 64 quiet at 40 px each.
	EXPECT_EQ(kindOf([] { encodeQr(std::string(2000, 'a'), {.scale = 40, .margin = 32, .errorCorrection = QrErrorCorrection::Low}); }, &field),
			  ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "scale");
}

TEST(QrEncoder, RejectsTextThatCannotBeEncoded)
{
	std::string field;
	EXPECT_EQ(kindOf([] { encodeQr(""); }, &field), ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "text");
	EXPECT_EQ(kindOf([] { encodeQr(std::string("caf\xc3", 4)); }, &field), ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "text");
	// 2953 bytes is the byte-mode capacity of version 40 at L; at H it is 1273.
	EXPECT_NO_THROW(encodeQr(std::string(2953, 'a'), {.scale = 1, .errorCorrection = QrErrorCorrection::Low}));
	EXPECT_EQ(kindOf([] { encodeQr(std::string(2954, 'a'), {.scale = 1, .errorCorrection = QrErrorCorrection::Low}); }, &field),
			  ErrorKind::InvalidArgument);
	EXPECT_EQ(field, "text");
	EXPECT_EQ(kindOf([] { encodeQr(std::string(1300, 'a'), {.scale = 1, .errorCorrection = QrErrorCorrection::High}); }, &field),
			  ErrorKind::InvalidArgument);
}
