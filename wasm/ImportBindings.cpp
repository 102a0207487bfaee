// Import and export bindings. Translation only: detection, decryption, batching and skipping all
// live in core/import and core/export.
//
//   m.importFile(bytes: Uint8Array, fileName: string, password?: string)
//   m.importText(text: string, password?: string)
//     -> {format, accounts: [{uri, issuer, name, type, algorithm, digits, period, counter}],
//         problems: [{index, message}], migration?: {batchIndex, batchSize, batchId}}
//     -> {error: {kind: 'password_required'|'wrong_password'|'unsupported_format'|'malformed_file'|..., field, message}}
//   m.exportAccounts(uris: string[], format: 'otpauth'|'aegis'|'google-migration')
//     -> {text, uris? (google-migration only), skipped: [{index, reason}]}
//
// Numbers are JS Numbers (counter included: counters beyond 2^53 are only exact in `uri`).

#include "authcore/SecureWipe.h"
#include "AccountObjects.h"
#include "JsArguments.h"
#include "ResultObject.h"

#include "authcore/account/OtpauthUri.h"
#include "authcore/export/Exporter.h"
#include "authcore/import/Importer.h"

#include <botan/mem_ops.h>
#include <emscripten/bind.h>

using emscripten::val;

namespace authcore::wasm {

namespace {

std::optional<std::string> passwordFrom(const val& password)
{
	if (password.isUndefined() || password.isNull())
		return std::nullopt;
	if (!password.isString())
		throw Error(ErrorKind::InvalidArgument, "password", "the password must be a string");
	return password.as<std::string>();
}

val accountObject(const Account& account)
{
	auto object = val::object();
	object.set("uri", toOtpauthUri(account));
	setAccountParameters(object, account);
	return object;
}

val resultObject(const ImportResult& result)
{
	auto object = val::object();
	object.set("format", result.format);
	object.set("accounts", arrayOf(result.accounts, accountObject));
	object.set("problems", arrayOf(result.problems, [](const ImportProblem& problem) {
		return indexedText(static_cast<double>(problem.index), "message", problem.message);
	}));
	if (result.migration) {
		auto m = val::object();
		m.set("batchIndex", result.migration->batchIndex);
		m.set("batchSize", result.migration->batchSize);
		m.set("batchId", static_cast<double>(result.migration->batchId));
		object.set("migration", m);
	}
	return object;
}

val importFileWith(const val& bytesArray, const std::string& fileName, const val& password)
{
	return guarded([&] {
		std::vector<uint8_t> bytes = uint8ArrayArgument(bytesArray, "bytes");
		std::optional<std::string> typed = passwordFrom(password);
		std::optional<std::string_view> view;
		if (typed)
			view = *typed;
		struct Wipe
		{
			std::vector<uint8_t>& bytes;
			std::optional<std::string>& typed;
			~Wipe()
			{
				authcore::secureWipe(bytes);
				if (typed)
					authcore::secureWipe(*typed);
			}
		} wipe{bytes, typed};
		return resultObject(importBytes(bytes, fileName, view));
	});
}

val importFile(const val& bytes, const std::string& fileName) { return importFileWith(bytes, fileName, val::undefined()); }

val importTextWith(const std::string& text, const val& password)
{
	return guarded([&] {
		std::optional<std::string> typed = passwordFrom(password);
		std::optional<std::string_view> view;
		if (typed)
			view = *typed;
		ImportResult result = importText(text, view);
		if (typed)
			authcore::secureWipe(*typed);
		return resultObject(result);
	});
}

val importTextOnly(const std::string& text) { return importTextWith(text, val::undefined()); }

val exportAccountsTo(const val& urisArray, const std::string& formatName)
{
	return guarded([&] {
		auto format = parseExportFormat(formatName);
		if (!format)
			throw Error(ErrorKind::InvalidArgument, "format", "format must be 'otpauth', 'aegis' or 'google-migration'");
		if (!urisArray.isArray())
			throw Error(ErrorKind::InvalidArgument, "uris", "uris must be an array of strings");
		std::vector<std::string> uris;
		const size_t count = urisArray["length"].as<size_t>();
		for (size_t i = 0; i < count; ++i) {
			val item = urisArray[i];
			uris.push_back(item.isString() ? item.as<std::string>() : std::string());
		}
		ExportResult exported = exportUris(uris, *format);
		for (std::string& uri : uris)
			authcore::secureWipe(uri);

		auto object = val::object();
		object.set("text", exported.text);
		if (*format == ExportFormat::GoogleMigration)
			object.set("uris", arrayOf(exported.uris, [](const std::string& uri) { return val(uri); }));
		object.set("skipped", arrayOf(exported.skipped, [](const SkippedAccount& skipped) {
			return indexedText(static_cast<double>(skipped.index), "reason", skipped.reason);
		}));
		return object;
	});
}

} // namespace

EMSCRIPTEN_BINDINGS(authcore_import)
{
	// Overloads by argument count: the password is optional.
	emscripten::function("importFile", &importFile);
	emscripten::function("importFile", &importFileWith);
	emscripten::function("importText", &importTextOnly);
	emscripten::function("importText", &importTextWith);
	emscripten::function("exportAccounts", &exportAccountsTo);
}

} // namespace authcore::wasm
