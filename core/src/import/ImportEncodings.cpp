#include "ImportEncodings.h"

#include "authcore/Error.h"
#include "authcore/SecureWipe.h"
#include "authcore/encoding/Base32.h"

#include <botan/base64.h>
#include <botan/exceptn.h>
#include <botan/hex.h>

namespace authcore::importing {

Botan::secure_vector<uint8_t> secretFromBase32(std::string_view text)
{
	auto secret = decodeBase32(text);
	if (secret.empty())
		throw Error(ErrorKind::InvalidArgument, "secret", "the secret is empty");
	return secret;
}

Botan::secure_vector<uint8_t> decodeBase64(std::string_view text, const std::string& field)
{
	std::string clean;
	clean.reserve(text.size() + 3);
	for (char c : text)
		if (c != '\n' && c != '\r' && c != ' ')
			clean.push_back(c);
	while (clean.size() % 4 != 0) // Google and some exporters drop the padding
		clean.push_back('=');
	try {
		auto bytes = Botan::base64_decode(clean);
		authcore::secureWipe(clean);
		return bytes;
	} catch (const Botan::Exception&) {
		authcore::secureWipe(clean);
		throw Error(ErrorKind::MalformedFile, field, "the " + field + " is not valid Base64");
	}
}

Botan::secure_vector<uint8_t> decodeHex(std::string_view text, const std::string& field)
{
	try {
		return Botan::hex_decode_locked(text, /*ignore_ws=*/false);
	} catch (const Botan::Exception&) {
		throw Error(ErrorKind::MalformedFile, field, "the " + field + " is not valid hexadecimal");
	}
}

} // namespace authcore::importing
