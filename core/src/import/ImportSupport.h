#pragma once
// Shared by the importers: typed JSON access, text and binary decoding, the ciphers other apps use,
// and the per-entry loop that turns a bad entry into a problem instead of a failed import.

#include "authcore/Error.h"
#include "authcore/import/Importer.h"
#include "authcore/kdf/KdfBudget.h"

#include <botan/secmem.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace authcore::importing {

using Json = nlohmann::json;

/// The bytes as text, without a leading UTF-8 byte order mark.
std::string_view asText(std::span<const uint8_t> bytes) noexcept;

/// Deepest nesting of arrays and objects accepted: real exports nest 4 or 5 levels. A deeper document
/// is "not JSON" to detect() and MalformedFile to read(), before nlohmann builds any of it.
inline constexpr size_t kMaxJsonDepth = 32;

/// The parsed document, or nullopt if the text is not JSON or nests too deep (never throws).
std::optional<Json> tryParseJson(std::string_view text) noexcept;
std::optional<Json> tryParseJson(std::span<const uint8_t> bytes) noexcept;

/// The input's bytes as JSON, parsed on first use and then shared through input.parsedJson by every
/// importer's detect() and read(). nullptr if they are not JSON (for detect(): never throws).
const Json* inputJson(const ImportInput& input) noexcept;
/// The same, or Error{MalformedFile, "file"}.
const Json& requireInputJson(const ImportInput& input);

/// True if the input is a JSON object holding every one of `keys` (for detect(): never throws).
bool isJsonObjectWith(const ImportInput& input, std::initializer_list<const char*> keys) noexcept;

/// Parses JSON (decrypted content) or throws Error{MalformedFile, field}.
Json parseJson(std::string_view text, const std::string& field);

// Typed access. A missing or JSON-null member is "absent". Wrong types throw
// Error{MalformedFile, key}, so a broken entry names the field that broke it.
const Json* member(const Json& object, const std::string& key);
const Json& requiredMember(const Json& object, const std::string& key);
std::string textMember(const Json& object, const std::string& key, std::string fallback = {});
std::string requiredText(const Json& object, const std::string& key);
int64_t integerMember(const Json& object, const std::string& key, int64_t fallback);
int64_t requiredInteger(const Json& object, const std::string& key);
/// Requires `key` to hold an array (or an absent member when `allowAbsent`).
const Json& arrayMember(const Json& object, const std::string& key);

/// Digits and period from a file, range-checked before narrowing (Account::validate repeats the
/// semantic checks).
int digitsFrom(int64_t value);
uint32_t periodFrom(int64_t value);
uint64_t counterFrom(int64_t value);

/// "SHA1", "SHA256", "SHA512" in any of the spellings the apps use; Error{InvalidArgument, "algorithm"}.
HashAlgorithm algorithmFrom(std::string_view name);

/// Where an app keeps an entry's OTP parameters, and whether it always writes the HOTP counter (then
/// a missing one is an error) or may leave it out (then it is 0).
struct OtpParameterKeys
{
	std::string_view algorithm, digits, period, counter;
	bool counterRequired;
};

/// For an account whose type is already TOTP or HOTP: digits (default 6), then the period of a TOTP
/// account (default 30) or the counter of an HOTP one. Steam's parameters are fixed, so it has none.
void readDigitsAndPeriodOrCounter(Account& account, const Json& object, const OtpParameterKeys& keys);

/// The algorithm by name (default SHA1), then as readDigitsAndPeriodOrCounter.
void readOtpParameters(Account& account, const Json& object, const OtpParameterKeys& keys);

/// Sets the type from "TOTP", "HOTP" or "STEAM", as andOTP, FreeOTP+ and 2FAS spell it; Steam also
/// gets its fixed 5 digits. Any other type throws Error{InvalidArgument, field}.
void setTypeFromName(Account& account, const std::string& type, const std::string& field);

/// Base32 secret (spaces, padding and case tolerated).
Botan::secure_vector<uint8_t> secretFromBase32(std::string_view text);
/// Standard Base64 (with or without padding; "\/" JSON escapes are already gone). Error{MalformedFile, field}.
Botan::secure_vector<uint8_t> decodeBase64(std::string_view text, const std::string& field);
Botan::secure_vector<uint8_t> decodeHex(std::string_view text, const std::string& field);

/// Throws Error{PasswordRequired} when an encrypted file comes without a password.
std::string_view requirePassword(std::optional<std::string_view> password, std::string_view format);

/// AES-256-GCM (or AES-128 by key length) with a 16-byte tag appended to the ciphertext.
/// An authentication failure throws Error{failure, field}: WrongPassword where the key came straight
/// from the password, IntegrityFailure where a verified key opened a corrupt payload.
Botan::secure_vector<uint8_t> gcmDecrypt(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
										 std::span<const uint8_t> ciphertextAndTag, ErrorKind failure,
										 const std::string& field);

/// PBKDF2-HMAC(hash) where hash is "SHA-1" or "SHA-256", after charging its cost to `budget` (one
/// budget per file: Error{KdfTooCostly} before any work when the file asks for too much).
Botan::secure_vector<uint8_t> pbkdf2(KdfBudget& budget, std::string_view hash, std::string_view password,
									 std::span<const uint8_t> salt, size_t iterations, size_t keyLength);

/// Adds a validated account, or a problem naming `index` if it fails validation.
void addAccount(ImportResult& result, int64_t index, Account account);

/// A message for a problem: the field and what was wrong, never a secret.
std::string problemMessage(const std::exception& e);

/// Runs `readOne(entry)` for each element of `array`; any error becomes a problem for that entry.
template <typename ReadOne>
void readEntries(const Json& array, ImportResult& result, ReadOne&& readOne)
{
	int64_t index = 0;
	for (const Json& entry : array) {
		try {
			if (std::optional<Account> account = readOne(entry))
				addAccount(result, index, std::move(*account));
		} catch (const Error& e) {
			result.problems.push_back({index, problemMessage(e)});
		} catch (const Json::exception& e) {
			result.problems.push_back({index, problemMessage(e)});
		}
		++index;
	}
}

/// An otpauth:// URI, a Steam "steam://SECRET" value, or a bare Base32 secret (TOTP, defaults), as
/// password managers store them in their TOTP fields.
Account accountFromTotpField(std::string_view value);

/// Reads a text of otpauth:// URIs, one per line (blank lines and surrounding space ignored).
void readOtpauthLines(std::string_view text, ImportResult& result);

/// True if the first non-blank line starts with `prefix` (case-insensitive). A file damaged further
/// down is still recognised, so its good lines are read and the bad ones reported.
bool firstLineStartsWith(std::string_view text, std::string_view prefix) noexcept;

} // namespace authcore::importing
