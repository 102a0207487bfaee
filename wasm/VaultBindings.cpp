// Vault bindings: open, lock, read. The unlocked vault lives in the module's Session, in wasm
// memory; JS gets the encrypted file bytes and non-secret metadata, and secrets only when it asks to
// export them. Translation only: every rule lives in core/vault and core/session. Changes are in
// VaultChangeBindings.cpp and PasskeyBindings.cpp.
//
// Passwords and secret-bearing text cross the boundary as UTF-8 bytes copied straight into wiping
// memory (secureUtf8), and secret-bearing strings go back through TextDecoder over a view of our
// memory (jsString), because embind's own std::string conversion leaves a copy in a malloc'd buffer
// that is freed without being zeroed.

#include "AccountObjects.h"
#include "JsonForJs.h"
#include "AppSession.h"
#include "JsArguments.h"
#include "ResultObject.h"
#include "StackScrub.h"

#include "authcore/SecureWipe.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/vault/Vault.h"

#include <emscripten/bind.h>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

using emscripten::val;

namespace authcore::wasm {

namespace {

const Vault& unlocked()
{
	if (!appSession().isUnlocked())
		throw Error(ErrorKind::Locked, "", "the vault is locked");
	return appSession().vault();
}

val openedObject(const Vault& vault)
{
	auto result = val::object();
	result.set("revision", static_cast<double>(vault.revision()));
	result.set("entries", entriesArray(vault.entries()));
	return result;
}

/// vaultWarmUp(): Argon2id once at the default memory, one pass (warmUpPasswordHashing in
/// KdfParams.h), while the unlock screen waits for the password. {} or {error}.
val warmUp()
{
	return guarded([] {
		warmUpPasswordHashing(kDefaultKdf.memoryKiB);
		return val::object();
	});
}

val kdfDefaults()
{
	auto result = val::object();
	result.set("memoryKiB", kDefaultKdf.memoryKiB);
	result.set("iterations", kDefaultKdf.iterations);
	result.set("parallelism", kDefaultKdf.parallelism);
	return result;
}

/// A new vault, opened at once: {file, revision, entries: []}. The page stores the file and locks
/// again if it cannot.
val create(const val& password, std::optional<val> maybeOptions)
{
	return guarded([&] {
		const val options = maybeOptions.value_or(val::undefined());
		const auto secret = secureUtf8(password, "password", true);
		KdfParams kdf = kDefaultKdf;
		kdf.memoryKiB = static_cast<uint32_t>(optionalInteger(options, "memoryKiB", UINT32_MAX).value_or(kdf.memoryKiB));
		kdf.iterations = static_cast<uint32_t>(optionalInteger(options, "iterations", UINT32_MAX).value_or(kdf.iterations));
		kdf.parallelism = static_cast<uint32_t>(optionalInteger(options, "parallelism", UINT32_MAX).value_or(kdf.parallelism));
		appSession().open(Vault::create(view(secret), kdf));
		auto result = openedObject(appSession().vault());
		result.set("file", uint8ArrayCopy(appSession().vault().file()));
		return result;
	});
}

/// Opens the stored file: {revision, entries, upgraded}. A password slot below OWASP's floor is
/// re-wrapped (Session::commitSlotUpgrade): then also {file, revision} of that pending save, to be
/// stored and confirmed like any other (the vault opened is used either way).
val unlock(const val& file, const val& password)
{
	return guarded([&] {
		appSession().lock();
		const auto bytes = uint8ArrayArgument(file, "file");
		const auto secret = secureUtf8(password, "password", true);
		appSession().open(Vault::unlock(bytes, view(secret)));
		auto result = openedObject(appSession().vault());
		const auto upgrade = appSession().commitSlotUpgrade(view(secret));
		result.set("upgraded", upgrade.has_value());
		if (upgrade) {
			result.set("file", uint8ArrayCopy(upgrade->file));
			result.set("revision", static_cast<double>(upgrade->revision));
		}
		return result;
	});
}

/// A backup file to replace the vault with: {file, revision, upgraded}, pending until confirmed
/// (the session, open or locked, is untouched until then). A weak slot is re-wrapped first.
val restore(const val& file, const val& password)
{
	return guarded([&] {
		const auto bytes = uint8ArrayArgument(file, "file");
		const auto secret = secureUtf8(password, "password", true);
		Vault restored = Vault::unlock(bytes, view(secret));
		const bool upgraded = restored.upgradeWeakPasswordSlot(view(secret));
		auto result = pendingObject(appSession().commitReplacement(std::move(restored)));
		result.set("upgraded", upgraded);
		return result;
	});
}

val lock()
{
	appSession().lock(); // the candidates, a pending save and a backup held for merging go too
	scrubFreeStack();
	return val::object();
}

val isUnlocked()
{
	auto result = val::object();
	result.set("unlocked", appSession().isUnlocked());
	return result;
}

val entries()
{
	return guarded([&] {
		auto result = val::object();
		result.set("entries", entriesArray(unlocked().entries()));
		return result;
	});
}

// A code's field: its value, or null (HOTP has none of them).
template <typename Value>
void optionalField(JsonForJs& json, std::string_view key, const std::optional<Value>& value)
{
	if (!value)
		json.fieldNull(key);
	else if constexpr (std::is_same_v<Value, std::string>)
		json.field(key, *value);
	else
		json.field(key, uint64_t{*value});
}

/// vaultCodes(unixSeconds[, ids]): every TOTP/Steam entry's codes, or those of `ids` only.
val codesOf(double unixSeconds, const val& ids)
{
	return guarded([&] {
		std::vector<std::string> wanted;
		if (!ids.isUndefined() && !ids.isNull())
			wanted = stringArray(ids, "ids", unlocked().entries().size() + 1);
		// JSON, not val::set per field: 1,000 accounts' codes are 5,000 fields (see JsonForJs.h).
		JsonForJs json;
		json.beginArray();
		for (const auto& timed : unlocked().codes(unixSecondsFrom(unixSeconds), wanted)) {
			json.beginObject();
			json.field("id", timed.id);
			optionalField(json, "code", timed.code);
			optionalField(json, "nextCode", timed.nextCode);
			optionalField(json, "secondsRemaining", timed.secondsRemaining);
			optionalField(json, "period", timed.period);
			json.endObject();
		}
		json.endArray();
		auto list = json.parse();
		auto result = val::object();
		result.set("codes", list);
		return result;
	});
}

val codes(double unixSeconds) { return codesOf(unixSeconds, val::undefined()); }

// --- export: secrets leave wasm, by the user's explicit action ------------------------------------

val exportUri(const val& id)
{
	return guarded([&] {
		std::string uri = toOtpauthUri(unlocked().entry(plainString(id, "id")).account);
		auto result = val::object();
		result.set("uri", jsString(uri));
		authcore::secureWipe(uri);
		return result;
	});
}

val exportUris()
{
	return guarded([&] {
		auto list = val::array();
		for (const auto& entry : unlocked().entries()) {
			std::string uri = toOtpauthUri(entry.account);
			list.call<void>("push", jsString(uri));
			authcore::secureWipe(uri);
		}
		auto result = val::object();
		result.set("uris", list);
		return result;
	});
}

/// Called by the page while the user types: see Vault::rehearse(). `file` may be undefined (no vault yet).
val rehearse(const val& file)
{
	return guarded([&] {
		Vault::rehearse(isMissing(file) ? std::vector<uint8_t>{} : uint8ArrayArgument(file, "file"));
		return val::object();
	});
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_vault)
{
	// Trailing option objects may be left out by the caller.
	emscripten::register_optional<val>();
	emscripten::function("vaultKdfDefaults", &kdfDefaults);
	emscripten::function("vaultWarmUp", &warmUp);
	emscripten::function("vaultCreate", &create);
	emscripten::function("vaultUnlock", &unlock);
	emscripten::function("vaultRestore", &restore);
	emscripten::function("vaultLock", &lock);
	emscripten::function("vaultIsUnlocked", &isUnlocked);
	emscripten::function("vaultEntries", &entries);
	// Embind needs one registration per argument count: vaultCodes(unix) and vaultCodes(unix, ids).
	emscripten::function("vaultCodes", &codes);
	emscripten::function("vaultCodes", &codesOf);
	emscripten::function("vaultExportUri", &exportUri);
	emscripten::function("vaultExportUris", &exportUris);
	emscripten::function("vaultRehearse", &rehearse);
}

} // namespace authcore::wasm
