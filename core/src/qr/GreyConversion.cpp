#include "GreyConversion.h"

#include <cstring>

namespace authcore::detail {

namespace {

// ZXing's RGBToLum weights scaled by 1024, so our grey image is bit-identical to the one ZXing would
// make from RGBA (the tests compare both paths).
constexpr uint32_t kRed = 306, kGreen = 601, kBlue = 117;

inline uint32_t luma(const uint8_t* p) { return (kRed * p[0] + kGreen * p[1] + kBlue * p[2] + 512) >> 10; }

// The hot path of the camera loop: no alpha, a compile-time block size so the inner loops unroll.
template <int F>
void rgbaToGrey(const uint8_t* src, int srcWidth, GreySize out, uint8_t* dst)
{
	constexpr uint32_t n = F * F;
	const size_t rowBytes = size_t(srcWidth) * 4;
	for (int y = 0; y < out.height; ++y) {
		const uint8_t* row = src + size_t(y) * F * rowBytes;
		for (int x = 0; x < out.width; ++x, row += F * 4) {
			uint32_t r = 0, g = 0, b = 0;
			for (int dy = 0; dy < F; ++dy) {
				const uint8_t* p = row + dy * rowBytes;
				for (int dx = 0; dx < F; ++dx, p += 4) {
					r += p[0];
					g += p[1];
					b += p[2];
				}
			}
			*dst++ = uint8_t((kRed * r + kGreen * g + kBlue * b + 512 * n) / (1024 * n));
		}
	}
}

// Everything else (grey input, transparency, odd block sizes): one grey value per source pixel,
// then the block average. Used for still images, where a few milliseconds do not matter.
template <typename GreyAt>
void blockAverage(GreySize out, int factor, GreyAt greyAt, uint8_t* dst)
{
	const uint32_t n = uint32_t(factor * factor);
	for (int y = 0; y < out.height; ++y)
		for (int x = 0; x < out.width; ++x) {
			uint32_t sum = 0;
			for (int dy = 0; dy < factor; ++dy)
				for (int dx = 0; dx < factor; ++dx)
					sum += greyAt(x * factor + dx, y * factor + dy);
			*dst++ = uint8_t((sum + n / 2) / n);
		}
}

} // namespace

GreySize convertToGrey(const ImageView& image, int factor, bool alphaOverWhite, Botan::secure_vector<uint8_t>& out)
{
	GreySize size{image.width / factor, image.height / factor};
	out.resize(size_t(size.width) * size_t(size.height));
	const uint8_t* src = image.pixels.data();
	uint8_t* dst = out.data();

	if (image.format == PixelFormat::Grey) {
		if (factor == 1)
			std::memcpy(dst, src, out.size());
		else
			blockAverage(size, factor, [&](int x, int y) { return uint32_t(src[size_t(y) * image.width + x]); }, dst);
		return size;
	}

	if (alphaOverWhite) {
		blockAverage(size, factor, [&](int x, int y) {
			const uint8_t* p = src + (size_t(y) * image.width + x) * 4;
			uint32_t alpha = p[3];
			return (luma(p) * alpha + 255 * (255 - alpha) + 127) / 255;
		}, dst);
		return size;
	}

	switch (factor) {
	case 1: rgbaToGrey<1>(src, image.width, size, dst); break;
	case 2: rgbaToGrey<2>(src, image.width, size, dst); break;
	case 3: rgbaToGrey<3>(src, image.width, size, dst); break;
	default: rgbaToGrey<4>(src, image.width, size, dst); break;
	}
	return size;
}

} // namespace authcore::detail
