#include "authcore/otp/HashAlgorithm.h"

#include <string>

namespace authcore {

std::string_view toString(HashAlgorithm algorithm) noexcept
{
	switch (algorithm) {
	case HashAlgorithm::Sha1: return "SHA1";
	case HashAlgorithm::Sha256: return "SHA256";
	case HashAlgorithm::Sha512: return "SHA512";
	}
	return "SHA1";
}

std::optional<HashAlgorithm> parseHashAlgorithm(std::string_view text) noexcept
{
	std::string canonical;
	for (char c : text) {
		if (c == '-')
			continue;
		canonical.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
	}
	if (canonical == "SHA1")
		return HashAlgorithm::Sha1;
	if (canonical == "SHA256")
		return HashAlgorithm::Sha256;
	if (canonical == "SHA512")
		return HashAlgorithm::Sha512;
	return std::nullopt;
}

} // namespace authcore
