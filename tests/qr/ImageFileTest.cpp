#include "authcore/Error.h"
#include "authcore/qr/ImageFile.h"
#include "authcore/qr/QrDecoder.h"
#include "authcore/qr/QrEncoder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <string>
#include <vector>

using namespace authcore;
namespace fs = std::filesystem;

namespace {

const std::string kUri = "otpauth://hotp/WWE:Mason?secret=JBSWY3DPEHPK3PXP&counter=10300&digits=8&algorithm=SHA512&issuer=WWE";

fs::path scratch(const std::string& name)
{
	fs::path dir = fs::path(AUTHCORE_TEST_BINARY_DIR) / "image_file_test.scratch";
	fs::create_directories(dir);
	return dir / name;
}

std::vector<uint8_t> readBytes(const fs::path& path)
{
	std::ifstream in(path, std::ios::binary);
	return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const fs::path& path, const std::vector<uint8_t>& bytes)
{
	std::ofstream out(path, std::ios::binary);
	out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

ErrorKind kindOf(const std::function<void()>& f)
{
	try {
		f();
	} catch (const Error& e) {
		EXPECT_EQ(e.field(), "file");
		return e.kind();
	}
	ADD_FAILURE() << "no authcore::Error thrown";
	return ErrorKind::InvalidArgument;
}

} // namespace

TEST(ImageFile, PngRoundTripIsExact)
{
	auto code = encodeQr(kUri, {.scale = 3});
	auto path = scratch("code.png");
	writeImageFile(path.string(), code);
	auto back = readImageFile(path.string());
	ASSERT_EQ(back.width, code.width);
	ASSERT_EQ(back.height, code.height);
	for (size_t i = 0; i < code.pixels.size(); ++i) {
		ASSERT_EQ(back.pixels[4 * i], code.pixels[i]);
		ASSERT_EQ(back.pixels[4 * i + 1], code.pixels[i]);
		ASSERT_EQ(back.pixels[4 * i + 2], code.pixels[i]);
		ASSERT_EQ(back.pixels[4 * i + 3], 255);
	}
	EXPECT_EQ(decodeQr(back.view(), ScanMode::Still).text, kUri);
}

TEST(ImageFile, JpegIsChosenByExtensionAndStillReads)
{
	auto code = encodeQr(kUri, {.scale = 4});
	auto path = scratch("code.JPEG");
	writeImageFile(path.string(), code);
	auto bytes = readBytes(path);
	ASSERT_GE(bytes.size(), 3u);
	EXPECT_EQ(bytes[0], 0xff);
	EXPECT_EQ(bytes[1], 0xd8);
	EXPECT_EQ(decodeQr(readImageFile(path.string()).view(), ScanMode::Still).text, kUri);
}

TEST(ImageFile, FormatComesFromTheSignatureNotTheName)
{
	auto code = encodeQr(kUri, {.scale = 2});
	auto png = scratch("really-a-png.png");
	writeImageFile(png.string(), code);
	auto misnamed = scratch("misnamed.jpg.bin");
	writeBytes(misnamed, readBytes(png));
	EXPECT_EQ(readImageFile(misnamed.string()).width, code.width);
}

TEST(ImageFile, UnreadableAndForeignFilesAreTypedErrors)
{
	EXPECT_EQ(kindOf([] { readImageFile(scratch("does-not-exist.png").string()); }), ErrorKind::InvalidArgument);
	auto text = scratch("text.png");
	writeBytes(text, {'h', 'e', 'l', 'l', 'o'});
	EXPECT_EQ(kindOf([&] { readImageFile(text.string()); }), ErrorKind::UnsupportedFormat);
	auto empty = scratch("empty.png");
	writeBytes(empty, {});
	EXPECT_EQ(kindOf([&] { readImageFile(empty.string()); }), ErrorKind::UnsupportedFormat);
	// GIF, WebP and BMP are for the browser to decode, not us.
	EXPECT_EQ(kindOf([] { decodeImageFile(std::vector<uint8_t>{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}); }), ErrorKind::UnsupportedFormat);
	EXPECT_EQ(kindOf([] { decodeImageFile(std::vector<uint8_t>{'B', 'M', 0, 0, 0, 0}); }), ErrorKind::UnsupportedFormat);
}

TEST(ImageFile, TruncatedFilesAreMalformed)
{
	auto path = scratch("whole.png");
	writeImageFile(path.string(), encodeQr(kUri, {.scale = 2}));
	auto bytes = readBytes(path);
	for (size_t keep : {size_t(8), size_t(20), size_t(33), bytes.size() / 2, bytes.size() - 13}) {
		std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + std::ptrdiff_t(keep));
		EXPECT_EQ(kindOf([&] { decodeImageFile(cut); }), ErrorKind::MalformedFile) << "kept " << keep << " bytes";
	}
}

TEST(ImageFile, AHugeImageIsRefusedBeforeDecoding)
{
	// A PNG header claiming 20000 x 20000 pixels, and nothing else: refused from the header alone.
	std::vector<uint8_t> header = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
								   0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 0, 0, 0, 0, 0, 0, 0, 0};
	EXPECT_EQ(kindOf([&] { decodeImageFile(header); }), ErrorKind::InvalidArgument);
	// 9000 x 9000: each side allowed, but 81 megapixels is over the limit.
	header[18] = 0x23, header[19] = 0x28, header[22] = 0x23, header[23] = 0x28;
	EXPECT_EQ(kindOf([&] { decodeImageFile(header); }), ErrorKind::InvalidArgument);
}

TEST(ImageFile, MutatedFilesNeverCrash)
{
	// A small fuzz: flip bytes of a valid PNG and JPEG; every result is either an image of the
	// announced size or a typed error. (Run it under the native-asan preset to catch overreads.)
	for (const char* name : {"fuzz.png", "fuzz.jpg"}) {
		auto path = scratch(name);
		writeImageFile(path.string(), encodeQr("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP", {.scale = 2}));
		auto original = readBytes(path);
		uint32_t state = 12345;
		auto next = [&] { return state = state * 1664525u + 1013904223u; };
		int decoded = 0, rejected = 0;
		for (int round = 0; round < 300; ++round) {
			auto bytes = original;
			int flips = 1 + int(next() % 8);
			for (int i = 0; i < flips; ++i)
				bytes[next() % bytes.size()] = uint8_t(next() >> 24);
			try {
				auto image = decodeImageFile(bytes);
				EXPECT_EQ(image.pixels.size(), size_t(image.width) * image.height * 4);
				++decoded;
			} catch (const Error& e) {
				EXPECT_TRUE(e.kind() == ErrorKind::MalformedFile || e.kind() == ErrorKind::UnsupportedFormat
							|| e.kind() == ErrorKind::InvalidArgument)
					<< e.what();
				++rejected;
			}
		}
		EXPECT_EQ(decoded + rejected, 300);
	}
}
