#pragma once
// One exception type for the whole core, carrying a machine-readable kind and the name of the
// offending field, so that the CLI, the wasm binding and the page can all say precisely what is
// wrong without parsing messages. "Wrong password / tampered" is kept apart from "malformed".

#include <stdexcept>
#include <string>
#include <string_view>

namespace authcore {

enum class ErrorKind {
	InvalidArgument,    // a caller passed a value outside the documented range
	InvalidBase32,      // a secret is not valid RFC 4648 Base32
	InvalidUri,         // an otpauth:// URI is malformed or has an unusable field
	NoCodeFound,        // an image holds no readable QR code
	WrongPassword,      // no key slot opens with the given password
	IntegrityFailure,   // authentication failed: the data was tampered with or corrupted
	MalformedFile,      // a file is truncated or structurally invalid
	UnsupportedVersion, // a file declares a format version this build does not know
	UnsupportedFormat,  // the input is not in any format we can read
	PasswordRequired,   // the input is encrypted and no password was given: ask for one
	Duplicate,          // the vault already holds an account with this secret, issuer and name
	Locked,             // the operation needs an unlocked vault
	KdfTooCostly,       // a file asks for more memory or key-derivation work than the budget allows
	TooLarge,           // an input is larger than the documented limit for it
};

/// Stable lower-case name of a kind ("invalid_uri", "wrong_password", ...), used in JSON and JS.
std::string_view toString(ErrorKind kind) noexcept;

class Error : public std::runtime_error
{
public:
	/// `field` names what was wrong ("secret", "digits", "label", "header"...); may be empty.
	Error(ErrorKind kind, std::string field, const std::string& message);

	ErrorKind kind() const noexcept { return _kind; }
	const std::string& field() const noexcept { return _field; }

private:
	ErrorKind _kind;
	std::string _field;
};

} // namespace authcore
