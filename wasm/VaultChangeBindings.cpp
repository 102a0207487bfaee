// Changes of the vault, each computed by the Session on a copy: every call here answers
// {file, revision} (or {error}) and changes nothing the page can see. The page stores the file and
// then calls sessionConfirmSaved(revision) (SessionBindings.cpp), which makes it the vault and says
// what changed; if the write fails it calls sessionAbandon() and there is nothing to undo.
//
//   vaultUpdate(id, {issuer?, name?, group?, note?, favourite?})   vaultDelete(id)   vaultUndoDelete()
//   vaultReorder([id])   vaultNextHotp(id) (the code comes with the confirmation)
//   vaultChangePassword(old, new) (how many passkeys it drops comes with the confirmation)
//   vaultPreviewMerge(file, password) -> {added, updated, deleted: [entry], unchanged}: holds the
//     backup; vaultApplyMerge() merges it; vaultDiscardMerge() lets it go.
//   vaultTransferCopy() -> {file, code}: the accounts under a new key whose password is a one-time
//     code, for the QR sequence to another device; vaultPreviewTransfer(file, typedCode) is
//     vaultPreviewMerge() for that copy, with the code as typed (case, spaces, dashes, O/I/L forgiven).

#include "AccountObjects.h"
#include "AppSession.h"
#include "JsArguments.h"
#include "ResultObject.h"
#include "StackScrub.h"

#include "authcore/SecureWipe.h"
#include "authcore/vault/VaultTransfer.h"

#include <emscripten/bind.h>

#include <algorithm>

using emscripten::val;

namespace authcore::wasm {

namespace {

size_t entryCount()
{
	return appSession().isUnlocked() ? appSession().vault().entries().size() : 0;
}

val update(const val& id, const val& changes)
{
	return guarded([&] {
		const EntryChanges edit{optionalString(changes, "issuer"), optionalString(changes, "name"), optionalString(changes, "group"),
								optionalString(changes, "note"), optionalBool(changes, "favourite")};
		return pendingObject(appSession().commitUpdate(plainString(id, "id"), edit));
	});
}

val remove(const val& id)
{
	return guarded([&] { return pendingObject(appSession().commitRemove(plainString(id, "id"))); });
}

val undoRemove()
{
	return guarded([&] { return pendingObject(appSession().commitUndoRemove()); });
}

val reorder(const val& ids)
{
	return guarded([&] { return pendingObject(appSession().commitReorder(stringArray(ids, "ids", entryCount() + 1))); });
}

val nextHotp(const val& id)
{
	return guarded([&] { return pendingObject(appSession().commitNextHotp(plainString(id, "id"))); });
}

val changePassword(const val& oldPassword, const val& newPassword)
{
	return guarded([&] {
		const auto oldSecret = secureUtf8(oldPassword, "oldPassword", true);
		const auto newSecret = secureUtf8(newPassword, "newPassword", true);
		return pendingObject(appSession().commitPasswordChange(view(oldSecret), view(newSecret)));
	});
}

const VaultEntry& entryIn(const VaultContents& contents, const std::string& id)
{
	return *std::find_if(contents.entries.begin(), contents.entries.end(), [&](const VaultEntry& e) { return e.id == id; });
}

/// What merging `backup` would change, holding it for applyMerge().
val previewOf(Vault backup)
{
	const auto current = appSession().vault().contents();
	const auto preview = appSession().previewMerge(std::move(backup));
	const auto fromMerged = [&](const std::string& id) { return entryObject(entryIn(preview.merged, id)); };
	auto result = val::object();
	result.set("added", arrayOf(preview.changes.added, fromMerged));
	result.set("updated", arrayOf(preview.changes.updated, fromMerged));
	result.set("deleted", arrayOf(preview.changes.deleted, [&](const std::string& id) { return entryObject(entryIn(current, id)); }));
	result.set("unchanged", static_cast<double>(preview.changes.unchanged));
	return result;
}

void requireUnlocked()
{
	if (!appSession().isUnlocked())
		throw Error(ErrorKind::Locked, "", "the vault is locked");
}

val previewMerge(const val& file, const val& password)
{
	return guarded([&] {
		requireUnlocked();
		const auto bytes = uint8ArrayArgument(file, "file");
		const auto secret = secureUtf8(password, "password", true);
		return previewOf(Vault::unlock(bytes, view(secret)));
	});
}

// --- moving the vault to another device by QR (VaultTransfer.h) ----------------------------------

val transferCopy()
{
	return guarded([&] {
		requireUnlocked();
		std::string code = newTransferCode();
		auto result = val::object();
		result.set("file", uint8ArrayCopy(authcore::transferCopy(appSession().vault(), code)));
		// It leaves wasm by design: the user reads it off this screen and types it on the other device.
		result.set("code", val(code));
		secureWipe(code);
		return result;
	});
}

val previewTransfer(const val& file, const val& typedCode)
{
	return guarded([&] {
		requireUnlocked();
		const auto bytes = uint8ArrayArgument(file, "file");
		const auto typed = secureUtf8(typedCode, "code", true);
		std::string code = normalizeTransferCode(view(typed));
		auto result = previewOf(Vault::unlock(bytes, code));
		secureWipe(code);
		return result;
	});
}

val applyMerge()
{
	return guarded([&] { return pendingObject(appSession().commitMerge()); });
}

val discardMerge()
{
	appSession().discardMerge();
	scrubFreeStack();
	return val::object();
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_vault_changes)
{
	emscripten::function("vaultUpdate", &update);
	emscripten::function("vaultDelete", &remove);
	emscripten::function("vaultUndoDelete", &undoRemove);
	emscripten::function("vaultReorder", &reorder);
	emscripten::function("vaultNextHotp", &nextHotp);
	emscripten::function("vaultChangePassword", &changePassword);
	emscripten::function("vaultPreviewMerge", &previewMerge);
	emscripten::function("vaultApplyMerge", &applyMerge);
	emscripten::function("vaultDiscardMerge", &discardMerge);
	emscripten::function("vaultTransferCopy", &transferCopy);
	emscripten::function("vaultPreviewTransfer", &previewTransfer);
}

} // namespace authcore::wasm
