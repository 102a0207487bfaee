#include "authcore/Error.h"
#include "authcore/otp/Otp.h"
#include "otp/Truncation.h"

#include <botan/mac.h>

#include <array>

namespace authcore {

namespace detail {

std::string_view hmacName(HashAlgorithm algorithm) noexcept
{
	switch (algorithm) {
	case HashAlgorithm::Sha1: return "HMAC(SHA-1)";
	case HashAlgorithm::Sha256: return "HMAC(SHA-256)";
	case HashAlgorithm::Sha512: return "HMAC(SHA-512)";
	}
	return "HMAC(SHA-1)";
}

uint32_t truncatedHmac(std::span<const uint8_t> secret, uint64_t counter, HashAlgorithm algorithm)
{
	auto mac = Botan::MessageAuthenticationCode::create_or_throw(hmacName(algorithm));
	mac->set_key(secret);
	std::array<uint8_t, 8> message{};
	for (size_t i = 0; i < 8; ++i)
		message[7 - i] = static_cast<uint8_t>(counter >> (8 * i));
	mac->update(message);
	const Botan::secure_vector<uint8_t> digest = mac->final();

	// RFC 4226 section 5.3: the low nibble of the last byte picks 4 bytes; the top bit is dropped
	// so the value is the same whether read as signed or unsigned.
	const size_t offset = digest.back() & 0x0f;
	return (static_cast<uint32_t>(digest[offset] & 0x7f) << 24) | (static_cast<uint32_t>(digest[offset + 1]) << 16) |
		   (static_cast<uint32_t>(digest[offset + 2]) << 8) | static_cast<uint32_t>(digest[offset + 3]);
}

} // namespace detail

namespace {

// Each case divides by a constant so the compiler emits a multiplication instead of a
// variable-time division of secret-derived data (the same care Botan's hotp.cpp takes).
uint64_t reduceToDigits(uint32_t value, int digits)
{
	switch (digits) {
	case 1: return value % 10u;
	case 2: return value % 100u;
	case 3: return value % 1000u;
	case 4: return value % 10000u;
	case 5: return value % 100000u;
	case 6: return value % 1000000u;
	case 7: return value % 10000000u;
	case 8: return value % 100000000u;
	case 9: return value % 1000000000u;
	case 10: return value; // the truncated value is below 2^31 < 10^10
	default: throw Error(ErrorKind::InvalidArgument, "digits", "digits must be between 1 and 10");
	}
}

} // namespace

std::string hotp(std::span<const uint8_t> secret, uint64_t counter, HashAlgorithm algorithm, int digits)
{
	if (digits < kMinDigits || digits > kMaxDigits)
		throw Error(ErrorKind::InvalidArgument, "digits",
					"digits must be between 1 and 10, got " + std::to_string(digits));
	uint64_t code = reduceToDigits(detail::truncatedHmac(secret, counter, algorithm), digits);
	std::string text(static_cast<size_t>(digits), '0');
	for (size_t i = text.size(); i-- > 0 && code > 0; code /= 10)
		text[i] = static_cast<char>('0' + code % 10);
	return text;
}

} // namespace authcore
