#include "authcore/Error.h"

namespace authcore {

std::string_view toString(ErrorKind kind) noexcept
{
	switch (kind) {
	case ErrorKind::InvalidArgument: return "invalid_argument";
	case ErrorKind::InvalidBase32: return "invalid_base32";
	case ErrorKind::InvalidUri: return "invalid_uri";
	case ErrorKind::NoCodeFound: return "no_code_found";
	case ErrorKind::WrongPassword: return "wrong_password";
	case ErrorKind::IntegrityFailure: return "integrity_failure";
	case ErrorKind::MalformedFile: return "malformed_file";
	case ErrorKind::UnsupportedVersion: return "unsupported_version";
	case ErrorKind::UnsupportedFormat: return "unsupported_format";
	case ErrorKind::PasswordRequired: return "password_required";
	case ErrorKind::Duplicate: return "duplicate";
	case ErrorKind::Locked: return "locked";
	case ErrorKind::KdfTooCostly: return "kdf_too_costly";
	case ErrorKind::TooLarge: return "too_large";
	}
	return "unknown";
}

Error::Error(ErrorKind kind, std::string field, const std::string& message)
	: std::runtime_error(message), _kind(kind), _field(std::move(field))
{}

} // namespace authcore
