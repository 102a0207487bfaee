#include "authcore/qr/ImageView.h"

#include "authcore/Error.h"

#include <string>

namespace authcore {

void ImageView::validate() const
{
	if (width < 1 || width > kMaxImageSide)
		throw Error(ErrorKind::InvalidArgument, "width", "width must be 1.." + std::to_string(kMaxImageSide) + " pixels");
	if (height < 1 || height > kMaxImageSide)
		throw Error(ErrorKind::InvalidArgument, "height", "height must be 1.." + std::to_string(kMaxImageSide) + " pixels");
	size_t expected = size_t(width) * size_t(height) * size_t(bytesPerPixel(format));
	if (pixels.size() != expected)
		throw Error(ErrorKind::InvalidArgument, "pixels",
					"expected " + std::to_string(expected) + " bytes (" + std::to_string(width) + " x " + std::to_string(height)
						+ (format == PixelFormat::Rgba ? " RGBA" : " grey") + "), got " + std::to_string(pixels.size()));
}

} // namespace authcore
