// Sync with a copy of the vault in storage the user owns (docs/sync.md), through the Session:
//
//   vaultPreviewSync(file, password?, keepThisKey?) -> {needsPassword: true} when the copy is under
//     another key and no password came; else {added, updated, deleted, unchanged (counts),
//     syncedCopyBehind, adoptsSyncedKey}, holding the copy. With a password the copy is opened by it
//     (Argon2id) and its key adopted, unless keepThisKey (the password was changed here: the copy is
//     under the old one, and the result replaces it under the new).
//   vaultApplySync() -> {file, revision}: the merged vault, to store here and (when syncedCopyBehind)
//     there; sessionConfirmSaved() then makes it the vault. vaultDiscardMerge() lets the copy go.
//   vaultSealDeviceSecret(text) -> {sealed: Uint8Array}, vaultOpenDeviceSecret(sealed) -> {secret} or
//     {error: wrong_key}: the sync server's app password, kept by the page in IndexedDB, sealed under
//     the unlocked vault's key (Vault::sealDeviceSecret).

#include "AppSession.h"
#include "JsArguments.h"
#include "ResultObject.h"

#include "authcore/SecureWipe.h"

#include <emscripten/bind.h>

using emscripten::val;

namespace authcore::wasm {

namespace {

val previewSync(const val& file, const val& password, const val& keepThisKey)
{
	return guarded([&] {
		if (!appSession().isUnlocked())
			throw Error(ErrorKind::Locked, "", "the vault is locked");
		const auto bytes = uint8ArrayArgument(file, "file");
		const bool withPassword = !password.isUndefined() && !password.isNull();
		std::optional<Vault> synced;
		if (withPassword) {
			const auto secret = secureUtf8(password, "password", true);
			synced = Vault::unlock(bytes, view(secret));
		}
		else {
			synced = appSession().vault().openWithSameKey(bytes);
			if (!synced) {
				auto result = val::object();
				result.set("needsPassword", true);
				return result;
			}
		}
		// A password that opens the copy to this very key (the usual case right after joining) needs
		// no adoption: the copy and this vault already share the key.
		using SyncKey = Session::SyncKey;
		SyncKey key = SyncKey::Same;
		if (withPassword && !appSession().vault().openWithSameKey(bytes))
			key = keepThisKey.isTrue() ? SyncKey::KeepThis : SyncKey::AdoptSynced;
		const auto preview = appSession().previewSync(std::move(*synced), key);
		auto result = val::object();
		result.set("added", static_cast<double>(preview.merge.changes.added.size()));
		result.set("updated", static_cast<double>(preview.merge.changes.updated.size()));
		result.set("deleted", static_cast<double>(preview.merge.changes.deleted.size()));
		result.set("unchanged", static_cast<double>(preview.merge.changes.unchanged));
		result.set("syncedCopyBehind", preview.syncedCopyBehind);
		result.set("adoptsSyncedKey", preview.adoptsSyncedKey);
		return result;
	});
}

val sealDeviceSecret(const val& text)
{
	return guarded([&] {
		if (!appSession().isUnlocked())
			throw Error(ErrorKind::Locked, "", "the vault is locked");
		const auto secret = secureUtf8(text, "secret");
		auto result = val::object();
		result.set("sealed", uint8ArrayCopy(appSession().vault().sealDeviceSecret(
								 {reinterpret_cast<const uint8_t*>(secret.data()), secret.size()})));
		return result;
	});
}

val openDeviceSecret(const val& sealed)
{
	return guarded([&] {
		if (!appSession().isUnlocked())
			throw Error(ErrorKind::Locked, "", "the vault is locked");
		const auto opened = appSession().vault().openDeviceSecret(uint8ArrayArgument(sealed, "sealed"));
		if (!opened)
			return errorObject("wrong_key", "sealed", "sealed under another key");
		// It leaves wasm by design: the page sends it to the server it belongs to.
		std::string text(opened->begin(), opened->end());
		auto result = val::object();
		result.set("secret", val(text));
		secureWipe(text);
		return result;
	});
}

val applySync()
{
	return guarded([&] { return pendingObject(appSession().commitSync()); });
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_sync)
{
	emscripten::function("vaultPreviewSync", &previewSync);
	emscripten::function("vaultApplySync", &applySync);
	emscripten::function("vaultSealDeviceSecret", &sealDeviceSecret);
	emscripten::function("vaultOpenDeviceSecret", &openDeviceSecret);
}

} // namespace authcore::wasm
