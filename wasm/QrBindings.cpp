// QR bindings. Translation only: decoding, encoding and their rules live in core/qr.
//
//   decodeQr(pixels, width, height, format, mode)
//     pixels  Uint8Array or Uint8ClampedArray: RGBA (4 * width * height bytes, as getImageData
//             gives it) or grey (width * height bytes)
//     format  'rgba' | 'grey';  mode: 'live' (a camera or screen frame) | 'still' (a file, a paste)
//     -> {text, bytes: Uint8Array, corners: [{x, y} x 4]}   top-left, top-right, bottom-right,
//        bottom-left of the code as read, in image pixels
//     -> {error: {kind: 'no_code_found' | 'invalid_argument', field, message}}
//   qrCodeInView() -> true when the last live frames showed a code's finder patterns but no code
//                     could be read (the camera page then says what to do)
//   qrScanHint()   -> 'further' | 'still' | 'glare' | '': what the person should do about it
//   resetQrStream()   a new camera or screen stream begins: forget what earlier frames left
//   encodeQr(text, {scale?, margin?})   (the options object may be omitted)
//     -> {width, height, pixels: Uint8Array}   grey, 0 = black, 255 = white
//     -> {error: {kind: 'invalid_argument', field, message}}
//
// Per frame, the pixels are copied once, straight into a buffer the decoder keeps in wasm memory
// (one TypedArray.set, no JS-side conversion or allocation); grey conversion happens in C++.

#include "ResultObject.h"

#include "authcore/qr/QrDecoder.h"
#include "authcore/qr/QrEncoder.h"

#include <emscripten/bind.h>

#include <cmath>
#include <string>

using emscripten::val;

namespace authcore::wasm {

namespace {

// One decoder per module instance: the page's worker owns the module, so calls never overlap.
QrDecoder& decoder()
{
	static QrDecoder instance;
	return instance;
}

int integerArgument(const val& value, const char* field, int min, int max)
{
	if (!value.isNumber())
		throw Error(ErrorKind::InvalidArgument, field, std::string(field) + " must be a number");
	double number = value.as<double>();
	if (!std::isfinite(number) || number != std::floor(number) || number < min || number > max)
		throw Error(ErrorKind::InvalidArgument, field,
					std::string(field) + " must be a whole number " + std::to_string(min) + ".." + std::to_string(max));
	return static_cast<int>(number);
}

val decode(const val& pixels, const val& width, const val& height, const val& format, const val& mode)
{
	return guarded([&] {
		if (!format.isString() || (format.as<std::string>() != "rgba" && format.as<std::string>() != "grey"))
			throw Error(ErrorKind::InvalidArgument, "format", "format must be 'rgba' or 'grey'");
		if (!mode.isString() || (mode.as<std::string>() != "live" && mode.as<std::string>() != "still"))
			throw Error(ErrorKind::InvalidArgument, "mode", "mode must be 'live' or 'still'");
		if (!pixels.instanceof(val::global("Uint8Array")) && !pixels.instanceof(val::global("Uint8ClampedArray")))
			throw Error(ErrorKind::InvalidArgument, "pixels", "pixels must be a Uint8Array or Uint8ClampedArray");

		ImageView image;
		image.width = integerArgument(width, "width", 1, kMaxImageSide);
		image.height = integerArgument(height, "height", 1, kMaxImageSide);
		image.format = format.as<std::string>() == "rgba" ? PixelFormat::Rgba : PixelFormat::Grey;
		size_t expected = size_t(image.width) * size_t(image.height) * size_t(bytesPerPixel(image.format));
		size_t length = pixels["length"].as<size_t>();
		if (length != expected) // checked before copying, so a wrong size costs nothing
			throw Error(ErrorKind::InvalidArgument, "pixels",
						"expected " + std::to_string(expected) + " bytes for " + std::to_string(image.width) + " x "
							+ std::to_string(image.height) + " " + format.as<std::string>() + ", got " + std::to_string(length));

		auto buffer = decoder().frameBuffer(length);
		val(emscripten::typed_memory_view(buffer.size(), buffer.data())).call<void>("set", pixels);
		image.pixels = buffer;

		// No code in a frame is the usual answer, not an exception (see QrDecoder::tryDecode).
		auto found = decoder().tryDecode(image, mode.as<std::string>() == "live" ? ScanMode::Live : ScanMode::Still);
		if (!found)
			return errorObject(toString(ErrorKind::NoCodeFound), "image", "no readable QR code in the image");
		const QrCode& code = *found;
		auto corners = arrayOf(code.corners, [](const auto& corner) {
			auto point = val::object();
			point.set("x", corner.x);
			point.set("y", corner.y);
			return point;
		});
		auto result = val::object();
		result.set("text", code.text);
		result.set("bytes", uint8ArrayCopy(code.bytes));
		result.set("corners", corners);
		return result;
	});
}

val encode(const val& text, const val& options)
{
	return guarded([&] {
		if (!text.isString())
			throw Error(ErrorKind::InvalidArgument, "text", "text must be a string");
		QrEncodeOptions encodeOptions;
		if (!options.isUndefined() && !options.isNull()) {
			if (options.typeOf().as<std::string>() != "object")
				throw Error(ErrorKind::InvalidArgument, "options", "options must be an object");
			if (!options["scale"].isUndefined())
				encodeOptions.scale = integerArgument(options["scale"], "scale", 1, kMaxQrScale);
			if (!options["margin"].isUndefined())
				encodeOptions.margin = integerArgument(options["margin"], "margin", 0, kMaxQrMargin);
		}
		auto image = encodeQr(text.as<std::string>(), encodeOptions);
		auto result = val::object();
		result.set("width", image.width);
		result.set("height", image.height);
		result.set("pixels", uint8ArrayCopy(image.pixels));
		return result;
	});
}

bool codeInView() { return decoder().codeInView(); }

void resetStream() { decoder().resetStream(); }

std::string scanHint()
{
	switch (decoder().scanHint()) {
	case ScanHint::MoveFurther: return "further";
	case ScanHint::HoldStill: return "still";
	case ScanHint::AvoidGlare: return "glare";
	case ScanHint::None: break;
	}
	return "";
}

val encodeWithDefaults(const val& text) { return encode(text, val::undefined()); }

} // namespace

EMSCRIPTEN_BINDINGS(authcore_qr)
{
	emscripten::function("decodeQr", &decode);
	emscripten::function("qrCodeInView", &codeInView);
	emscripten::function("resetQrStream", &resetStream);
	emscripten::function("qrScanHint", &scanHint);
	// Embind needs one registration per argument count: encodeQr(text) and encodeQr(text, options).
	emscripten::function("encodeQr", &encodeWithDefaults);
	emscripten::function("encodeQr", &encode);
}

} // namespace authcore::wasm
