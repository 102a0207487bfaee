#include "authcore/encoding/Base32.h"
#include "authcore/SecureWipe.h"

#include "authcore/Error.h"

#include <botan/mem_ops.h>

namespace authcore {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Value of a Base32 character, or -1. Case-insensitive.
int valueOf(char c) noexcept
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= '2' && c <= '7')
		return c - '2' + 26;
	return -1;
}

bool isSeparator(char c) noexcept { return c == ' ' || c == '-' || c == '\t'; }

std::string describe(char c)
{
	auto uc = static_cast<unsigned char>(c);
	if (uc >= 0x20 && uc < 0x7f)
		return std::string("'") + c + "'";
	static constexpr char hex[] = "0123456789ABCDEF";
	return std::string("byte 0x") + hex[uc >> 4] + hex[uc & 15];
}

} // namespace

Botan::secure_vector<uint8_t> decodeBase32(std::string_view text)
{
	Botan::secure_vector<uint8_t> out;
	out.reserve(text.size() * 5 / 8);
	uint32_t buffer = 0; // at most 12 pending bits
	int bits = 0;
	size_t dataChars = 0;
	size_t paddingChars = 0;

	for (size_t i = 0; i < text.size(); ++i) {
		char c = text[i];
		if (isSeparator(c))
			continue;
		if (c == '=') {
			++paddingChars;
			continue;
		}
		if (paddingChars > 0)
			throw Error(ErrorKind::InvalidBase32, "secret",
						"Base32 padding '=' may only appear at the end (character " + std::to_string(i + 1) + ")");
		int v = valueOf(c);
		if (v < 0)
			throw Error(ErrorKind::InvalidBase32, "secret",
						"invalid Base32 character " + describe(c) + " at position " + std::to_string(i + 1));
		buffer = (buffer << 5) | static_cast<uint32_t>(v);
		bits += 5;
		++dataChars;
		if (bits >= 8) {
			bits -= 8;
			out.push_back(static_cast<uint8_t>(buffer >> bits));
			buffer &= (1u << bits) - 1;
		}
	}
	authcore::secureWipe(&buffer, sizeof(buffer)); // it held secret bits

	size_t tail = dataChars % 8;
	if (tail == 1 || tail == 3 || tail == 6)
		throw Error(ErrorKind::InvalidBase32, "secret",
					"impossible Base32 length: " + std::to_string(dataChars) + " characters (a final group of " +
						std::to_string(tail) + " encodes no whole byte)");
	if (paddingChars > 0 && (dataChars + paddingChars) % 8 != 0)
		throw Error(ErrorKind::InvalidBase32, "secret",
					"Base32 padding does not complete the last 8-character group");
	if (paddingChars >= 8)
		throw Error(ErrorKind::InvalidBase32, "secret", "too much Base32 padding");
	return out;
}

std::string encodeBase32(std::span<const uint8_t> bytes, bool withPadding)
{
	std::string out;
	out.reserve((bytes.size() + 4) / 5 * 8);
	uint32_t buffer = 0;
	int bits = 0;
	for (uint8_t b : bytes) {
		buffer = (buffer << 8) | b;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out.push_back(kAlphabet[(buffer >> bits) & 31]);
		}
		buffer &= (1u << bits) - 1;
	}
	if (bits > 0)
		out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
	if (withPadding)
		while (out.size() % 8 != 0)
			out.push_back('=');
	return out;
}

} // namespace authcore
