// Passkey bindings: the page runs WebAuthn (web/js/vault/webauthn-prf.js), the core keeps the
// slots. Adding and removing a slot are computed by the Session like every change ({file,
// revision}, then sessionConfirmSaved). PRF outputs are copied into wasm memory that is zeroed on
// free (WipingHeap.cpp).
//
//   vaultPasskeysOf(file) (works locked) / vaultPasskeys() -> {passkeys: [{credentialId, name, prfSalt}]}
//   vaultPasskeySalt() -> {prfSalt}
//   vaultUnlockWithPasskey(file, credentialId, prfOutput) -> {revision, entries}
//   vaultAddPasskey(name, credentialId, prfSalt, prfOutput), vaultRemovePasskey(credentialId) -> {file, revision}

#include "AccountObjects.h"
#include "JsonForJs.h"
#include "AppSession.h"
#include "JsArguments.h"
#include "ResultObject.h"

#include <emscripten/bind.h>

using emscripten::val;

namespace authcore::wasm {

namespace {

val passkeysResult(const std::vector<PasskeyInfo>& passkeys)
{
	auto result = val::object();
	result.set("passkeys", arrayOf(passkeys, passkeyObject));
	return result;
}

val passkeysOf(const val& file)
{
	return guarded([&] { return passkeysResult(Vault::passkeysOf(uint8ArrayArgument(file, "file"))); });
}

val passkeys()
{
	return guarded([&] {
		if (!appSession().isUnlocked())
			throw Error(ErrorKind::Locked, "", "the vault is locked");
		return passkeysResult(appSession().vault().passkeys());
	});
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
		const auto output = uint8ArrayArgument(prfOutput, "prfOutput");
		appSession().open(Vault::unlockWithPasskey(bytes, uint8ArrayArgument(credentialId, "credentialId"), output));
		auto result = val::object();
		result.set("revision", static_cast<double>(appSession().vault().revision()));
		result.set("entries", entriesArray(appSession().vault().entries()));
		return result;
	});
}

val addPasskey(const val& name, const val& credentialId, const val& prfSalt, const val& prfOutput)
{
	return guarded([&] {
		const auto output = uint8ArrayArgument(prfOutput, "prfOutput");
		return pendingObject(appSession().commitAddPasskey(plainString(name, "name"), uint8ArrayArgument(credentialId, "credentialId"),
														   uint8ArrayArgument(prfSalt, "prfSalt"), output));
	});
}

val removePasskey(const val& credentialId)
{
	return guarded([&] { return pendingObject(appSession().commitRemovePasskey(uint8ArrayArgument(credentialId, "credentialId"))); });
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_passkeys)
{
	emscripten::function("vaultPasskeysOf", &passkeysOf);
	emscripten::function("vaultPasskeys", &passkeys);
	emscripten::function("vaultPasskeySalt", &passkeySalt);
	emscripten::function("vaultUnlockWithPasskey", &unlockWithPasskey);
	emscripten::function("vaultAddPasskey", &addPasskey);
	emscripten::function("vaultRemovePasskey", &removePasskey);
}

} // namespace authcore::wasm
