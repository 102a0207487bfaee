// Session bindings: staging (scan, paste, typed key, an import's accounts) and the confirmation of
// every computed save. Translation only: staging, checks and "compute, persist, confirm" live in
// core/session. Secrets come in (a pasted link, a typed key, an import's links) and never go out:
// JS gets candidate ids, previews and codes.
//
//   sessionStageText(text) -> {kind: 'account'|'migration'|'link'|'text'|'empty', candidates: [preview],
//                              problems: [{index, message}], text (link and text only)}
//   sessionStageUris([uri]) -> {candidates: [preview]} (all or none; the import worker's accounts)
//   sessionStageManual({issuer, name, group, secret, type, algorithm, digits, period, counter})
//                          -> {candidate: preview}
//   sessionCheckSecret(text) -> {bits, tooShort}
//   sessionCandidateCode(id, unixSeconds) -> {code, period, secondsRemaining (not for HOTP)}
//   sessionCommit({ids, group?, allowDuplicates?, skipDuplicates?}) -> {file, revision}
//   sessionConfirmSaved(revision) -> {revision, entries: [entry], added: [entry], skipped: [id],
//                          passkeys, passkeysDropped, code?, counter? (HOTP), merge? ({added, updated,
//                          deleted, unchanged} counts)}
//   sessionAbandon(), sessionDiscard(id), sessionDiscardAll() -> {}
// preview: {id, issuer, name, type, algorithm, digits, period, counter, group} (AccountObjects.h)

#include "AccountObjects.h"
#include "JsonForJs.h"
#include "AppSession.h"
#include "JsArguments.h"
#include "ResultObject.h"

#include <emscripten/bind.h>

#include "authcore/SecureWipe.h"

#include <algorithm>

namespace authcore::wasm {

Session& appSession()
{
	static Session session;
	return session;
}

namespace {

val stageText(const val& text)
{
	return guarded([&] {
		const auto utf8 = secureUtf8(text, "text");
		const auto staged = appSession().stageText(view(utf8));
		auto result = val::object();
		result.set("kind", std::string(toString(staged.kind)));
		result.set("candidates", arrayOf(staged.candidates, previewObject));
		result.set("problems", arrayOf(staged.problems, [](const ImportProblem& problem) {
			return indexedText(static_cast<double>(problem.index), "message", problem.message);
		}));
		if (!staged.text.empty())
			result.set("text", staged.text);
		return result;
	});
}

val stageManual(const val& fields)
{
	return guarded([&] {
		if (isMissing(fields))
			throw Error(ErrorKind::InvalidArgument, "secret", "the account fields are missing");
		const auto secret = secureUtf8(property(fields, "secret"), "secret");
		ManualFields manual;
		manual.issuer = optionalString(fields, "issuer").value_or("");
		manual.name = optionalString(fields, "name").value_or("");
		manual.group = optionalString(fields, "group").value_or("");
		manual.secret = view(secret);
		manual.type = optionalString(fields, "type");
		manual.algorithm = optionalString(fields, "algorithm");
		if (auto digits = optionalInteger(fields, "digits", 1000))
			manual.digits = static_cast<int>(*digits);
		if (auto period = optionalInteger(fields, "period", UINT32_MAX))
			manual.period = static_cast<uint32_t>(*period);
		manual.counter = optionalInteger(fields, "counter", UINT64_MAX);
		auto result = val::object();
		result.set("candidate", previewObject(appSession().stageManual(manual)));
		return result;
	});
}

val checkSecret(const val& text)
{
	return guarded([&] {
		const auto check = Session::checkSecret(view(secureUtf8(text, "secret")));
		auto result = val::object();
		result.set("bits", static_cast<double>(check.bits));
		result.set("tooShort", check.tooShort);
		return result;
	});
}

val candidateCode(const val& id, double unixSeconds)
{
	return guarded([&] {
		const auto code = appSession().candidateCode(plainString(id, "id"), unixSecondsFrom(unixSeconds));
		auto result = val::object();
		result.set("code", code.code);
		result.set("period", code.period);
		if (code.secondsRemaining)
			result.set("secondsRemaining", *code.secondsRemaining);
		return result;
	});
}

val stageUris(const val& uris)
{
	return guarded([&] {
		if (!val::global("Array").call<bool>("isArray", uris))
			throw Error(ErrorKind::InvalidArgument, "uris", "uris must be an array of strings");
		std::vector<std::string> texts;
		// An import worker sends what one file held; the length from JS is not trusted for the
		// reservation (a missing element fails as "not a string" anyway).
		const auto length = uris["length"].as<size_t>();
		texts.reserve(std::min<size_t>(length, 10'000));
		for (size_t i = 0; i < length; ++i)
			texts.emplace_back(view(secureUtf8(uris[i], "uris"))); // wiped below (and zeroed on free, WipingHeap.cpp)
		struct Wipe
		{
			std::vector<std::string>& texts;
			~Wipe()
			{
				for (auto& text : texts)
					authcore::secureWipe(text);
			}
		} wipe{texts};
		auto result = val::object();
		result.set("candidates", arrayOf(appSession().stageUris(texts), previewObject));
		return result;
	});
}

val commit(const val& request)
{
	return guarded([&] {
		Session::CommitRequest commitRequest;
		// One id more than is staged is already an error.
		commitRequest.ids = stringArray(property(request, "ids"), "ids", appSession().candidates().size() + 1);
		commitRequest.group = optionalString(request, "group");
		if (optionalBool(request, "allowDuplicates").value_or(false))
			commitRequest.duplicates = Session::Duplicates::Allow;
		else if (optionalBool(request, "skipDuplicates").value_or(false))
			commitRequest.duplicates = Session::Duplicates::Skip;
		return pendingObject(appSession().commit(commitRequest));
	});
}

val mergeCounts(const MergeChanges& changes)
{
	auto counts = val::object();
	counts.set("added", static_cast<double>(changes.added.size()));
	counts.set("updated", static_cast<double>(changes.updated.size()));
	counts.set("deleted", static_cast<double>(changes.deleted.size()));
	counts.set("unchanged", static_cast<double>(changes.unchanged));
	return counts;
}

val confirmSaved(double revision)
{
	return guarded([&] {
		const auto saved = appSession().confirmSaved(revisionFrom(revision));
		const Vault& vault = appSession().vault();
		auto result = val::object();
		result.set("revision", static_cast<double>(vault.revision()));
		result.set("entries", entriesArray(vault.entries()));
		result.set("added", arrayOf(saved.addedIds, [&](const std::string& id) { return entryObject(vault.entry(id)); }));
		result.set("skipped", arrayOf(saved.skippedIds, [](const std::string& id) { return val(id); }));
		result.set("passkeys", arrayOf(vault.passkeys(), passkeyObject));
		result.set("passkeysDropped", static_cast<double>(saved.passkeysDropped));
		if (saved.hotp) {
			result.set("code", saved.hotp->code);
			result.set("counter", static_cast<double>(saved.hotp->counter));
		}
		if (saved.merge)
			result.set("merge", mergeCounts(*saved.merge));
		return result;
	});
}

val abandon()
{
	appSession().abandon();
	return val::object();
}

val discard(const val& id)
{
	return guarded([&] {
		appSession().discard(plainString(id, "id"));
		return val::object();
	});
}

val discardAll()
{
	return guarded([&] {
		appSession().discardAll();
		return val::object();
	});
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_session)
{
	emscripten::function("sessionStageText", &stageText);
	emscripten::function("sessionStageUris", &stageUris);
	emscripten::function("sessionStageManual", &stageManual);
	emscripten::function("sessionCheckSecret", &checkSecret);
	emscripten::function("sessionCandidateCode", &candidateCode);
	emscripten::function("sessionCommit", &commit);
	emscripten::function("sessionConfirmSaved", &confirmSaved);
	emscripten::function("sessionAbandon", &abandon);
	emscripten::function("sessionDiscard", &discard);
	emscripten::function("sessionDiscardAll", &discardAll);
}

} // namespace authcore::wasm
