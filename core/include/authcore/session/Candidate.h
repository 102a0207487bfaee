#pragma once
// A candidate: an account read from a scan, a pasted link or typed by hand, held by the Session
// until the user saves it or lets it go. The page only ever sees its preview; the secret stays here.

#include "authcore/account/Account.h"
#include "authcore/import/ImportResult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

/// Everything the confirmation card shows about a candidate: never the secret.
struct CandidatePreview
{
	std::string id;     // "c" + a number, unique for the life of the Session, never reused
	std::string issuer;
	std::string name;
	OtpType type = OtpType::Totp;
	HashAlgorithm algorithm = HashAlgorithm::Sha1;
	int digits = 6;
	uint32_t period = 30;  // TOTP and Steam
	uint64_t counter = 0;  // HOTP
	std::string group;
};

/// What a scanned or pasted text is.
enum class TextKind {
	Account,   // an otpauth:// link: one candidate
	Migration, // a Google Authenticator otpauth-migration:// export: a candidate per readable account
	Link,      // an http(s) link: no candidate
	Text,      // anything else: no candidate
	Empty,     // nothing but white space
};

/// "account", "migration", "link", "text", "empty".
std::string_view toString(TextKind kind) noexcept;

/// What stageText() found. For Link and Text, `text` is the text itself (trimmed): it holds no
/// account, and the page says what it is. It is empty for the other kinds, which may hold secrets.
struct StagedText
{
	TextKind kind = TextKind::Empty;
	std::vector<CandidatePreview> candidates;
	std::vector<ImportProblem> problems; // migration entries that could not be read
	std::string text;
};

/// The fields of the "type a key" form. Only `secret` is required; the rest default like an
/// otpauth:// link without them (TOTP, SHA1, 6 digits, 30 s, counter 0). Steam always uses its own
/// digits, period and algorithm, whatever is given.
struct ManualFields
{
	std::string issuer;
	std::string name;
	std::string group;
	std::string_view secret;              // Base32 as typed: case, spaces and dashes are ignored
	std::optional<std::string> type;      // "totp" | "hotp" | "steam"
	std::optional<std::string> algorithm; // "SHA1" | "SHA256" | "SHA512"
	std::optional<int> digits;            // 1 .. 10
	std::optional<uint32_t> period;       // >= 1
	std::optional<uint64_t> counter;
};

/// The code a candidate shows before it is saved: TOTP and Steam at a time, HOTP at its counter.
struct CandidateCode
{
	std::string code;
	std::optional<uint32_t> secondsRemaining; // nullopt for HOTP
	uint32_t period = 30;
};

/// How strong a typed secret is, checked while the user types (nothing is staged).
struct SecretCheck
{
	size_t bits = 0;
	bool tooShort = false; // below kMinSecretBytes: accepted, but the page warns
};

/// RFC 4226 asks for at least 128 bits and recommends 160; sites that give less than 80 are rare
/// enough that the page warns about them.
inline constexpr size_t kMinSecretBytes = 10;

} // namespace authcore
