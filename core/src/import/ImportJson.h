#pragma once
// The importers' JSON access: parsing with a nesting limit (once per input, shared by detect() and
// read()), and typed member access whose errors name the member.

#include "authcore/Error.h"
#include "authcore/import/Importer.h"

#include "vault/SecureJson.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace authcore::importing {

// The vault's own JSON type: an import file holds the same secrets, so its parsed tree is wiped as it
// is freed too, and one instantiation of nlohmann::basic_json serves the whole module (each one costs
// about 15 KiB of gzip in the shipped wasm).
using Json = SecureJson;

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

} // namespace authcore::importing
