#pragma once
// The one shape of an account that JS sees, saved (an entry) or not yet (a candidate): the same
// field names, never the secret. Secret-bearing text that must go out (export) goes through
// jsString().

#include "ResultObject.h"
#include "authcore/session/Candidate.h"
#include "authcore/vault/PasskeyInfo.h"
#include "authcore/vault/VaultEntry.h"

#include <emscripten/val.h>

#include <string>
#include <string_view>

namespace authcore::wasm {

/// A JS string decoded from our memory, with no intermediate copy on the heap.
inline emscripten::val jsString(std::string_view text)
{
	return emscripten::val::global("TextDecoder")
		.new_()
		.call<emscripten::val>("decode", emscripten::val(emscripten::typed_memory_view(
											 text.size(), reinterpret_cast<const uint8_t*>(text.data()))));
}

/// The account's parameters every shape carries (never the secret): issuer, name, type, algorithm,
/// digits, period, counter.
inline void setAccountParameters(emscripten::val& object, const Account& account)
{
	object.set("issuer", account.issuer);
	object.set("name", account.name);
	object.set("type", std::string(toString(account.type)));
	object.set("algorithm", std::string(toString(account.algorithm)));
	object.set("digits", account.digits);
	object.set("period", account.period);
	object.set("counter", static_cast<double>(account.counter)); // exact up to 2^53
}

/// {id, issuer, name, type, algorithm, digits, period, counter, group}: what both shapes share.
inline emscripten::val accountFields(const std::string& id, const Account& account, const std::string& group)
{
	auto object = emscripten::val::object();
	object.set("id", id);
	setAccountParameters(object, account);
	object.set("group", group);
	return object;
}

/// A saved entry: the shared fields plus note, favourite, created and updated.
inline emscripten::val entryObject(const VaultEntry& entry)
{
	auto object = accountFields(entry.id, entry.account, entry.group);
	object.set("note", entry.note);
	object.set("favourite", entry.favourite);
	object.set("created", static_cast<double>(entry.created));
	object.set("updated", static_cast<double>(entry.updated));
	return object;
}

/// A staged candidate: the shared fields only.
inline emscripten::val previewObject(const CandidatePreview& preview)
{
	Account account;
	account.issuer = preview.issuer;
	account.name = preview.name;
	account.type = preview.type;
	account.algorithm = preview.algorithm;
	account.digits = preview.digits;
	account.period = preview.period;
	account.counter = preview.counter;
	return accountFields(preview.id, account, preview.group);
}

/// A passkey slot as the unlock and settings screens list it: {credentialId, name, prfSalt}.
inline emscripten::val passkeyObject(const PasskeyInfo& passkey)
{
	auto object = emscripten::val::object();
	object.set("credentialId", uint8ArrayCopy(passkey.credentialId));
	object.set("name", passkey.name);
	object.set("prfSalt", uint8ArrayCopy(passkey.prfSalt));
	return object;
}

} // namespace authcore::wasm
