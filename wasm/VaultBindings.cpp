// Vault bindings. The unlocked vault lives here, in wasm memory; JS gets the encrypted file bytes
// and non-secret metadata, and secrets only when it asks to export them. Translation only: every
// rule lives in core/vault.
//
// Passwords, secrets and URIs cross the boundary as UTF-8 bytes copied straight into wiping memory
// (secureUtf8), and secret-bearing strings go back through TextDecoder over a view of our memory
// (jsString), because embind's own std::string conversion leaves a copy in a malloc'd buffer that is
// freed without being zeroed.

#include "authcore/SecureWipe.h"
#include "JsArguments.h"
#include "AccountObjects.h"
#include "AppSession.h"
#include "ResultObject.h"
#include "StackScrub.h"

#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Base32.h"
#include "authcore/vault/Vault.h"

#include <botan/mem_ops.h>

#include <emscripten/bind.h>

#include <algorithm>
#include <cmath>

using emscripten::val;

namespace authcore::wasm {

namespace {

/// The session's vault: these bindings change it directly (Session::vault()); the add paths go
/// through SessionBindings.cpp.
Vault& session()
{
	return appSession().vault();
}

/// A backup opened to be merged into session(): held between the preview and the merge (or until
/// it is discarded, or the vault locks), so the user confirms what the preview showed.
Vault& incoming()
{
	static Vault vault;
	return vault;
}

Vault& unlocked()
{
	if (!session().isUnlocked())
		throw Error(ErrorKind::Locked, "", "the vault is locked");
	return session();
}

EntryDetails detailsFrom(const val& options)
{
	return {optionalString(options, "group").value_or(""), optionalString(options, "note").value_or(""),
			optionalBool(options, "favourite").value_or(false)};
}

// --- C++ -> JS --------------------------------------------------------------------------------

/// {file, revision} plus whatever the caller adds.
val savedObject(const Vault& vault)
{
	auto result = val::object();
	result.set("file", uint8ArrayCopy(vault.file()));
	result.set("revision", static_cast<double>(vault.revision()));
	return result;
}

val savedWithEntry(const Vault& vault, const VaultEntry& entry)
{
	auto result = savedObject(vault);
	result.set("entry", entryObject(entry));
	return result;
}

// --- the API ------------------------------------------------------------------------------------

val kdfDefaults()
{
	auto result = val::object();
	result.set("memoryKiB", kDefaultKdf.memoryKiB);
	result.set("iterations", kDefaultKdf.iterations);
	result.set("parallelism", kDefaultKdf.parallelism);
	return result;
}

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
		auto result = savedObject(session());
		result.set("entries", val::array());
		return result;
	});
}

val unlock(const val& file, const val& password)
{
	return guarded([&] {
		appSession().lock();
		const auto bytes = uint8ArrayArgument(file, "file");
		const auto secret = secureUtf8(password, "password", true);
		appSession().open(Vault::unlock(bytes, view(secret)));
		// A slot below OWASP's floor is re-wrapped at the default now that the password is known; the
		// page stores the new file like any save.
		const bool upgraded = session().upgradeWeakPasswordSlot(view(secret));
		auto result = upgraded ? savedObject(session()) : val::object();
		result.set("upgraded", upgraded);
		result.set("revision", static_cast<double>(session().revision()));
		result.set("entries", arrayOf(session().entries(), entryObject));
		return result;
	});
}

val lock()
{
	appSession().lock(); // the candidates and a pending save go with the vault
	incoming().lock();
	scrubFreeStack();
	return val::object();
}

val isUnlocked()
{
	auto result = val::object();
	result.set("unlocked", session().isUnlocked());
	return result;
}

val entries()
{
	return guarded([&] {
		auto result = val::object();
		result.set("entries", arrayOf(unlocked().entries(), entryObject));
		return result;
	});
}

val addUri(const val& uri, std::optional<val> maybeOptions)
{
	return guarded([&] {
		const val options = maybeOptions.value_or(val::undefined());
		Vault& vault = unlocked();
		const auto text = secureUtf8(uri, "uri");
		Account account = parseOtpauthUri(view(text));
		const bool allowDuplicate = optionalBool(options, "allowDuplicate").value_or(false);
		const auto& entry = vault.add(std::move(account), detailsFrom(options), allowDuplicate);
		return savedWithEntry(vault, entry);
	});
}

val addManual(const val& fields)
{
	return guarded([&] {
		Vault& vault = unlocked();
		if (isMissing(fields))
			throw Error(ErrorKind::InvalidArgument, "secret", "the account fields are missing");
		Account account;
		account.issuer = optionalString(fields, "issuer").value_or("");
		account.name = optionalString(fields, "name").value_or("");
		account.secret = decodeBase32(view(secureUtf8(property(fields, "secret"), "secret")));
		if (auto type = optionalString(fields, "type")) {
			auto parsed = parseOtpType(*type);
			if (!parsed)
				throw Error(ErrorKind::InvalidArgument, "type", "type must be totp, hotp or steam");
			account.type = *parsed;
		}
		if (auto algorithm = optionalString(fields, "algorithm")) {
			auto parsed = parseHashAlgorithm(*algorithm);
			if (!parsed)
				throw Error(ErrorKind::InvalidArgument, "algorithm", "algorithm must be SHA1, SHA256 or SHA512");
			account.algorithm = *parsed;
		}
		account.digits = static_cast<int>(optionalInteger(fields, "digits", 1000).value_or(static_cast<uint64_t>(account.digits)));
		account.period = static_cast<uint32_t>(optionalInteger(fields, "period", UINT32_MAX).value_or(account.period));
		account.counter = optionalInteger(fields, "counter", UINT64_MAX).value_or(account.counter);
		const bool allowDuplicate = optionalBool(fields, "allowDuplicate").value_or(false);
		const auto& entry = vault.add(std::move(account), detailsFrom(fields), allowDuplicate);
		return savedWithEntry(vault, entry);
	});
}

val update(const val& id, const val& changes)
{
	return guarded([&] {
		Vault& vault = unlocked();
		EntryChanges edit{optionalString(changes, "issuer"), optionalString(changes, "name"), optionalString(changes, "group"),
						  optionalString(changes, "note"), optionalBool(changes, "favourite")};
		const auto& entry = vault.update(plainString(id, "id"), edit);
		return savedWithEntry(vault, entry);
	});
}

val remove(const val& id)
{
	return guarded([&] {
		Vault& vault = unlocked();
		vault.remove(plainString(id, "id"));
		return savedObject(vault);
	});
}

val undoRemove()
{
	return guarded([&] {
		Vault& vault = unlocked();
		const auto& entry = vault.undoRemove();
		return savedWithEntry(vault, entry);
	});
}

val reorder(const val& ids)
{
	return guarded([&] {
		Vault& vault = unlocked();
		if (!val::global("Array").call<bool>("isArray", ids))
			throw Error(ErrorKind::InvalidArgument, "ids", "ids must be an array of strings");
		std::vector<std::string> order;
		const auto length = ids["length"].as<size_t>();
		order.reserve(std::min<size_t>(length, vault.entries().size() + 1)); // the length from JS is not trusted
		for (size_t i = 0; i < length; ++i)
			order.push_back(plainString(ids[i], "ids"));
		vault.reorder(order);
		return savedObject(vault);
	});
}

val changePassword(const val& oldPassword, const val& newPassword)
{
	return guarded([&] {
		Vault& vault = unlocked();
		const auto oldSecret = secureUtf8(oldPassword, "oldPassword", true);
		const auto newSecret = secureUtf8(newPassword, "newPassword", true);
		vault.changePassword(view(oldSecret), view(newSecret));
		return savedObject(vault);
	});
}

val codes(double unixSeconds)
{
	return guarded([&] {
		Vault& vault = unlocked();
		auto list = arrayOf(vault.codes(unixSecondsFrom(unixSeconds)), [](const auto& timed) {
			auto item = val::object();
			item.set("id", timed.id);
			item.set("code", timed.code ? val(*timed.code) : val::null());
			item.set("nextCode", timed.nextCode ? val(*timed.nextCode) : val::null());
			item.set("secondsRemaining", timed.secondsRemaining ? val(*timed.secondsRemaining) : val::null());
			item.set("period", timed.period ? val(*timed.period) : val::null());
			return item;
		});
		auto result = val::object();
		result.set("codes", list);
		return result;
	});
}

val nextHotp(const val& id)
{
	return guarded([&] {
		Vault& vault = unlocked();
		const auto hotp = vault.nextHotp(plainString(id, "id"));
		auto result = savedObject(vault);
		result.set("code", hotp.code);
		result.set("counter", static_cast<double>(hotp.counter));
		return result;
	});
}

val exportUri(const val& id)
{
	return guarded([&] {
		Vault& vault = unlocked();
		std::string uri = toOtpauthUri(vault.entry(plainString(id, "id")).account);
		auto result = val::object();
		result.set("uri", jsString(uri));
		authcore::secureWipe(uri);
		return result;
	});
}

val exportUris()
{
	return guarded([&] {
		Vault& vault = unlocked();
		auto list = val::array();
		for (const auto& entry : vault.entries()) {
			std::string uri = toOtpauthUri(entry.account);
			list.call<void>("push", jsString(uri));
			authcore::secureWipe(uri);
		}
		auto result = val::object();
		result.set("uris", list);
		return result;
	});
}

val importUris(const val& uris, std::optional<val> maybeOptions)
{
	return guarded([&] {
		const val options = maybeOptions.value_or(val::undefined());
		Vault& vault = unlocked();
		if (!val::global("Array").call<bool>("isArray", uris))
			throw Error(ErrorKind::InvalidArgument, "uris", "uris must be an array of strings");
		std::vector<std::string> texts;
		const auto length = uris["length"].as<size_t>();
		for (size_t i = 0; i < length; ++i) {
			const auto text = secureUtf8(uris[i], "uris");
			texts.emplace_back(view(text)); // wiped below (and zeroed on free by WipingHeap.cpp)
		}
		const auto report = vault.importUris(texts, optionalBool(options, "allowDuplicates").value_or(false));
		for (auto& text : texts)
			authcore::secureWipe(text);

		auto result = savedObject(vault);
		result.set("added", arrayOf(report.addedIds, [&](const std::string& id) { return entryObject(vault.entry(id)); }));
		result.set("duplicates", arrayOf(report.duplicates, [](size_t index) { return val(static_cast<double>(index)); }));
		result.set("problems", arrayOf(report.problems, [](const std::pair<size_t, std::string>& problem) {
			return indexedText(static_cast<double>(problem.first), "message", problem.second);
		}));
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

// --- passkeys: the page runs WebAuthn, the core keeps the slots ------------------------------------

val passkeyObject(const PasskeyInfo& passkey)
{
	auto object = val::object();
	object.set("credentialId", uint8ArrayCopy(passkey.credentialId));
	object.set("name", passkey.name);
	object.set("prfSalt", uint8ArrayCopy(passkey.prfSalt));
	return object;
}

val passkeysResult(const std::vector<PasskeyInfo>& passkeys)
{
	auto result = val::object();
	result.set("passkeys", arrayOf(passkeys, passkeyObject));
	return result;
}

/// Works locked: the unlock screen needs the credential ids and salts of the stored file.
val passkeysOf(const val& file)
{
	return guarded([&] { return passkeysResult(Vault::passkeysOf(uint8ArrayArgument(file, "file"))); });
}

val passkeys()
{
	return guarded([&] { return passkeysResult(unlocked().passkeys()); });
}

val passkeySalt()
{
	return guarded([&] {
		auto result = val::object();
		result.set("prfSalt", uint8ArrayCopy(Vault::newPasskeySalt()));
		return result;
	});
}

val unlockWithPasskey(const val& file, const val& credentialId, const val& prfOutput)
{
	return guarded([&] {
		appSession().lock();
		const auto bytes = uint8ArrayArgument(file, "file");
		const auto output = uint8ArrayArgument(prfOutput, "prfOutput"); // zeroed on free (WipingHeap.cpp)
		appSession().open(Vault::unlockWithPasskey(bytes, uint8ArrayArgument(credentialId, "credentialId"), output));
		auto result = val::object();
		result.set("revision", static_cast<double>(session().revision()));
		result.set("entries", arrayOf(session().entries(), entryObject));
		return result;
	});
}

val addPasskey(const val& name, const val& credentialId, const val& prfSalt, const val& prfOutput)
{
	return guarded([&] {
		Vault& vault = unlocked();
		const auto output = uint8ArrayArgument(prfOutput, "prfOutput");
		vault.addPasskey(plainString(name, "name"), uint8ArrayArgument(credentialId, "credentialId"),
						 uint8ArrayArgument(prfSalt, "prfSalt"), output);
		auto result = savedObject(vault);
		result.set("passkeys", arrayOf(vault.passkeys(), passkeyObject));
		return result;
	});
}

val removePasskey(const val& credentialId)
{
	return guarded([&] {
		Vault& vault = unlocked();
		vault.removePasskey(uint8ArrayArgument(credentialId, "credentialId"));
		auto result = savedObject(vault);
		result.set("passkeys", arrayOf(vault.passkeys(), passkeyObject));
		return result;
	});
}

const VaultEntry& entryIn(const VaultContents& contents, const std::string& id)
{
	return *std::find_if(contents.entries.begin(), contents.entries.end(), [&](const VaultEntry& e) { return e.id == id; });
}

/// Opens a backup file (its own password) and says what merging it would change:
/// {added: [entry], updated: [entry as it would be], deleted: [entry as it is], unchanged}.
val previewMerge(const val& file, const val& password)
{
	return guarded([&] {
		Vault& vault = unlocked();
		incoming().lock();
		const auto bytes = uint8ArrayArgument(file, "file");
		const auto secret = secureUtf8(password, "password", true);
		incoming() = Vault::unlock(bytes, view(secret));
		const auto current = vault.contents();
		const auto preview = authcore::previewMerge(current, incoming().contents());
		const auto fromMerged = [&](const std::string& id) { return entryObject(entryIn(preview.merged, id)); };
		auto result = val::object();
		result.set("added", arrayOf(preview.changes.added, fromMerged));
		result.set("updated", arrayOf(preview.changes.updated, fromMerged));
		result.set("deleted", arrayOf(preview.changes.deleted, [&](const std::string& id) { return entryObject(entryIn(current, id)); }));
		result.set("unchanged", static_cast<double>(preview.changes.unchanged));
		return result;
	});
}

/// Merges the backup that previewMerge() opened, as one save: {file, revision, added, updated,
/// deleted, unchanged} (counts).
val applyMerge()
{
	return guarded([&] {
		Vault& vault = unlocked();
		if (!incoming().isUnlocked())
			throw Error(ErrorKind::InvalidArgument, "merge", "no backup is waiting to be merged");
		const auto changes = vault.mergeFrom(incoming().contents());
		incoming().lock();
		auto result = savedObject(vault);
		result.set("added", static_cast<double>(changes.added.size()));
		result.set("updated", static_cast<double>(changes.updated.size()));
		result.set("deleted", static_cast<double>(changes.deleted.size()));
		result.set("unchanged", static_cast<double>(changes.unchanged));
		return result;
	});
}

val discardMerge()
{
	incoming().lock();
	scrubFreeStack();
	return val::object();
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_vault)
{
	// Trailing option objects may be left out by the caller.
	emscripten::register_optional<val>();
	emscripten::function("vaultKdfDefaults", &kdfDefaults);
	emscripten::function("vaultCreate", &create);
	emscripten::function("vaultUnlock", &unlock);
	emscripten::function("vaultLock", &lock);
	emscripten::function("vaultIsUnlocked", &isUnlocked);
	emscripten::function("vaultEntries", &entries);
	emscripten::function("vaultAddUri", &addUri);
	emscripten::function("vaultAddManual", &addManual);
	emscripten::function("vaultUpdate", &update);
	emscripten::function("vaultDelete", &remove);
	emscripten::function("vaultUndoDelete", &undoRemove);
	emscripten::function("vaultReorder", &reorder);
	emscripten::function("vaultChangePassword", &changePassword);
	emscripten::function("vaultCodes", &codes);
	emscripten::function("vaultNextHotp", &nextHotp);
	emscripten::function("vaultExportUri", &exportUri);
	emscripten::function("vaultExportUris", &exportUris);
	emscripten::function("vaultImportUris", &importUris);
	emscripten::function("vaultRehearse", &rehearse);
	emscripten::function("vaultPasskeysOf", &passkeysOf);
	emscripten::function("vaultPasskeys", &passkeys);
	emscripten::function("vaultPasskeySalt", &passkeySalt);
	emscripten::function("vaultUnlockWithPasskey", &unlockWithPasskey);
	emscripten::function("vaultAddPasskey", &addPasskey);
	emscripten::function("vaultRemovePasskey", &removePasskey);
	emscripten::function("vaultPreviewMerge", &previewMerge);
	emscripten::function("vaultApplyMerge", &applyMerge);
	emscripten::function("vaultDiscardMerge", &discardMerge);
}

} // namespace authcore::wasm
