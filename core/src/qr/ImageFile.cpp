#include "authcore/qr/ImageFile.h"

#include "authcore/Error.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

// stb is compiled here, once, with only the two decoders we accept (less code facing untrusted
// files) and without its own file I/O, so that every failure becomes one of our typed errors.
// Its code is not held to our warning flags.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STB_IMAGE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace authcore {

namespace {

bool startsWith(std::span<const uint8_t> bytes, std::initializer_list<uint8_t> signature)
{
	return bytes.size() >= signature.size() && std::equal(signature.begin(), signature.end(), bytes.begin());
}

struct StbFree
{
	void operator()(unsigned char* p) const { stbi_image_free(p); }
};

bool endsWithIgnoringCase(const std::string& text, std::string_view suffix)
{
	return text.size() >= suffix.size()
		   && std::equal(suffix.begin(), suffix.end(), text.end() - std::ptrdiff_t(suffix.size()),
						 [](char lower, char c) { return std::tolower(static_cast<unsigned char>(c)) == lower; });
}

} // namespace

RgbaImage decodeImageFile(std::span<const uint8_t> bytes)
{
	if (!startsWith(bytes, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}) && !startsWith(bytes, {0xff, 0xd8, 0xff}))
		throw Error(ErrorKind::UnsupportedFormat, "file", "not a PNG or JPEG image");
	if (bytes.size() > kMaxImageFileBytes)
		throw Error(ErrorKind::InvalidArgument, "file", "image file larger than " + std::to_string(kMaxImageFileBytes >> 20) + " MiB");

	// stb takes an int length; the size limit above keeps the cast exact.
	const auto* data = bytes.data();
	const int length = static_cast<int>(bytes.size());
	int width = 0, height = 0, channels = 0;
	if (!stbi_info_from_memory(data, length, &width, &height, &channels))
		throw Error(ErrorKind::MalformedFile, "file", std::string("corrupt image: ") + stbi_failure_reason());
	// Checked before decoding, so that a small file claiming a huge image allocates nothing.
	if (width < 1 || height < 1 || width > kMaxImageSide || height > kMaxImageSide)
		throw Error(ErrorKind::InvalidArgument, "file", "image sides must be 1.." + std::to_string(kMaxImageSide) + " pixels");
	if (size_t(width) * size_t(height) > kMaxImageFilePixels)
		throw Error(ErrorKind::InvalidArgument, "file", "image larger than " + std::to_string(kMaxImageFilePixels >> 20) + " megapixels");

	std::unique_ptr<unsigned char, StbFree> pixels(stbi_load_from_memory(data, length, &width, &height, &channels, 4));
	if (!pixels)
		throw Error(ErrorKind::MalformedFile, "file", std::string("corrupt image: ") + stbi_failure_reason());

	RgbaImage image;
	image.width = width;
	image.height = height;
	image.pixels.assign(pixels.get(), pixels.get() + size_t(width) * size_t(height) * 4);
	return image;
}

RgbaImage readImageFile(const std::string& path)
{
	std::ifstream in(path, std::ios::binary | std::ios::ate);
	if (!in)
		throw Error(ErrorKind::InvalidArgument, "file", "cannot open " + path);
	auto size = in.tellg();
	if (size < 0)
		throw Error(ErrorKind::InvalidArgument, "file", "cannot read " + path);
	if (size_t(size) > kMaxImageFileBytes)
		throw Error(ErrorKind::InvalidArgument, "file", "image file larger than " + std::to_string(kMaxImageFileBytes >> 20) + " MiB");
	std::vector<uint8_t> bytes(static_cast<size_t>(size));
	in.seekg(0);
	in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size()));
	if (!in)
		throw Error(ErrorKind::InvalidArgument, "file", "cannot read " + path);
	return decodeImageFile(bytes);
}

void writeImageFile(const std::string& path, const GreyImage& image)
{
	std::vector<uint8_t> encoded;
	auto append = [](void* context, void* data, int size) {
		if (size <= 0)
			return;
		auto* out = static_cast<std::vector<uint8_t>*>(context);
		size_t old = out->size();
		out->resize(old + size_t(size));
		std::memcpy(out->data() + old, data, size_t(size));
	};
	bool jpeg = endsWithIgnoringCase(path, ".jpg") || endsWithIgnoringCase(path, ".jpeg");
	int ok = jpeg ? stbi_write_jpg_to_func(append, &encoded, image.width, image.height, 1, image.pixels.data(), 95)
				  : stbi_write_png_to_func(append, &encoded, image.width, image.height, 1, image.pixels.data(), image.width);
	if (!ok)
		throw Error(ErrorKind::InvalidArgument, "image", "cannot encode the image");

	std::ofstream out(path, std::ios::binary | std::ios::trunc);
	out.write(reinterpret_cast<const char*>(encoded.data()), std::streamsize(encoded.size()));
	out.close();
	if (!out)
		throw Error(ErrorKind::InvalidArgument, "file", "cannot write " + path);
}

} // namespace authcore
