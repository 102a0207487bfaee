// Session bindings: the add paths (scan, paste, type a key). Translation only: staging, checks and
// "compute, persist, confirm" live in core/session. Secrets come in (a pasted link, a typed key) and
// never go out: JS gets candidate ids, previews and codes.
//
//   sessionStageText(text) -> {kind: 'account'|'migration'|'link'|'text'|'empty', candidates: [preview],
//                              problems: [{index, message}], text (link and text only)}
//   sessionStageManual({issuer, name, group, secret, type, algorithm, digits, period, counter})
//                          -> {candidate: preview}
//   sessionCheckSecret(text) -> {bits, tooShort}
//   sessionCandidateCode(id, unixSeconds) -> {code, period, secondsRemaining (not for HOTP)}
//   sessionCommit({ids, group?, allowDuplicates?}) -> {file, revision}
//   sessionConfirmSaved(revision) -> {revision, added: [entry]}
//   sessionAbandon(), sessionDiscard(id), sessionDiscardAll() -> {}
// preview: {id, issuer, name, type, algorithm, digits, period, counter, group} (AccountObjects.h)

#include "AccountObjects.h"
#include "AppSession.h"
#include "JsArguments.h"
#include "ResultObject.h"

#include <emscripten/bind.h>

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

val commit(const val& request)
{
	return guarded([&] {
		const val ids = property(request, "ids");
		if (!val::global("Array").call<bool>("isArray", ids))
			throw Error(ErrorKind::InvalidArgument, "ids", "ids must be an array of strings");
		Session::CommitRequest commitRequest;
		// The length from JS is not trusted: one id more than is staged is already an error.
		const auto length = std::min(ids["length"].as<size_t>(), appSession().candidates().size() + 1);
		for (size_t i = 0; i < length; ++i)
			commitRequest.ids.push_back(plainString(ids[i], "ids"));
		commitRequest.group = optionalString(request, "group");
		commitRequest.allowDuplicates = optionalBool(request, "allowDuplicates").value_or(false);
		const auto pending = appSession().commit(commitRequest);
		auto result = val::object();
		result.set("file", uint8ArrayCopy(pending.file));
		result.set("revision", static_cast<double>(pending.revision));
		return result;
	});
}

val confirmSaved(double revision)
{
	return guarded([&] {
		if (!(revision >= 1 && revision <= 9007199254740991.0))
			throw Error(ErrorKind::InvalidArgument, "revision", "revision must be a whole number from 1");
		const auto ids = appSession().confirmSaved(static_cast<uint64_t>(revision));
		const Vault& vault = appSession().vault();
		auto result = val::object();
		result.set("revision", static_cast<double>(vault.revision()));
		result.set("added", arrayOf(ids, [&](const std::string& id) { return entryObject(vault.entry(id)); }));
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
