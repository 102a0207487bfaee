#pragma once
// Importers of other authenticators' exports, all behind one interface. Each one recognises its own
// format (detect) and reads it (read); importBytes() picks the first that recognises the input.
//
// Formats (Importer::format()):
//   google_migration  otpauth-migration://offline?data=... URIs, one or several (Google Authenticator)
//   aegis             Aegis vault JSON, plain or encrypted (scrypt password slots, AES-256-GCM)
//   2fas              2FAS .2fas/.json backup, schemas 1-4, plain or encrypted (PBKDF2-SHA256, AES-GCM)
//   andotp            andOTP JSON, plain, encrypted (PBKDF2-SHA1 + AES-GCM) or old-encrypted (SHA-256 key)
//   authenticator_pro Authenticator Pro (Stratum) JSON, or encrypted (Argon2id + AES-GCM, or the
//                     legacy PBKDF2-SHA1 + AES-CBC)
//   bitwarden_json    Bitwarden unencrypted JSON export (login.totp)
//   bitwarden_csv     Bitwarden CSV export (login_totp column)
//   proton_authenticator  Proton Authenticator JSON export
//   freeotp_plus      FreeOTP+ JSON export
//   ente_auth         Ente Auth plain-text export (otpauth URIs carrying codeDisplay)
//   otpauth           a plain list of otpauth:// URIs, one per line
//
// Errors thrown by read() and importBytes():
//   PasswordRequired  the input is encrypted and no password was given
//   WrongPassword     the password does not open it (for formats without a MAC, also a tampered file)
//   IntegrityFailure  the key opened but the content failed authentication (tampered or corrupt)
//   MalformedFile     the format was recognised but the file is truncated or structurally broken
//   UnsupportedVersion the format's version is newer than this build knows
//   UnsupportedFormat  no importer recognises the input
//   TooLarge          the input is over kMaxImportBytes (checked before anything else)
//   KdfTooCostly      an encrypted file asks for more key derivation than KdfBudget allows
// Problems with single entries are not thrown: they land in ImportResult::problems.

#include "authcore/import/ImportResult.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace authcore {

namespace importing {
struct ParsedJsonInput; // the bytes parsed as JSON once, shared by every importer's detect() and read()
}

/// Largest input any importer reads (Error{TooLarge} above it): real exports of a thousand accounts
/// are well under 1 MiB; the page checks the same limit before it reads a file.
inline constexpr size_t kMaxImportBytes = size_t{16} << 20;

struct ImportInput
{
	std::span<const uint8_t> bytes; // the whole file; not kept after the call
	std::string_view fileName;      // a hint only ("backup.csv"); may be empty
	/// Filled by the first importer that looks at the bytes as JSON, so a file is parsed once however
	/// many formats are tried.
	mutable std::shared_ptr<const importing::ParsedJsonInput> parsedJson;
};

class Importer
{
public:
	virtual ~Importer() = default;
	/// Stable lower-case name, as listed above.
	virtual std::string_view format() const noexcept = 0;
	/// True if `input` looks like this format. Cheap, never throws, never needs the password.
	virtual bool detect(const ImportInput& input) const noexcept = 0;
	/// Reads the accounts. `password` is only used by encrypted files (UTF-8 bytes as typed).
	virtual ImportResult read(const ImportInput& input, std::optional<std::string_view> password) const = 0;
};

/// Every importer, in the order detection tries them (most specific first).
const std::vector<const Importer*>& importers();

/// The first importer whose detect() accepts `input`, or nullptr.
const Importer* findImporter(const ImportInput& input) noexcept;

/// Detects the format and reads it; throws Error{UnsupportedFormat} if nothing recognises it.
ImportResult importBytes(std::span<const uint8_t> bytes, std::string_view fileName,
						 std::optional<std::string_view> password = std::nullopt);

/// The same for pasted text (an otpauth-migration:// URI from a QR code, a list of URIs, JSON...).
ImportResult importText(std::string_view text, std::optional<std::string_view> password = std::nullopt);

} // namespace authcore
