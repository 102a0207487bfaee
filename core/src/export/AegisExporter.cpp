// An Aegis plain vault, the shape Aegis itself writes and imports (docs/vault.md):
//   { "version": 1, "header": { "slots": null, "params": null },
//     "db": { "version": 1, "entries": [ { "type", "uuid", "name", "issuer", "icon": null,
//             "info": { "secret" (Base32, no padding), "algo", "digits", "period" | "counter" } } ] } }
// Content version 1 is the one every Aegis release reads; later versions only add fields we do not
// have (groups, notes, favourites).

#include "Exporters.h"

#include "authcore/encoding/Base32.h"

#include "vault/SecureJson.h"

#include <string_view>

namespace authcore::exporting {
namespace {

SecureString text(std::string_view value) { return SecureString(value.begin(), value.end()); }

} // namespace

ExportResult exportAegis(const IndexedAccounts& accounts)
{
	// The vault's JSON type: the tree holds the secrets, and is wiped as it is freed. Its members come
	// out in alphabetical order, which Aegis does not mind.
	using Json = SecureJson;
	Json entries = Json::array();
	for (const auto& [index, account] : accounts) {
		Json info = {{"secret", text(encodeBase32(account->secret))},
					 {"algo", text(toString(account->algorithm))},
					 {"digits", account->digits}};
		if (account->type == OtpType::Hotp)
			info["counter"] = account->counter;
		else
			info["period"] = account->period;
		entries.push_back({{"type", text(toString(account->type))},
						   {"uuid", text(randomUuid())},
						   {"name", text(account->name)},
						   {"issuer", text(account->issuer)},
						   {"icon", nullptr},
						   {"info", std::move(info)}});
	}
	Json vault = {{"version", 1},
				  {"header", {{"slots", nullptr}, {"params", nullptr}}},
				  {"db", {{"version", 1}, {"entries", std::move(entries)}}}};
	ExportResult result;
	const SecureString written = vault.dump(4);
	result.text.reserve(written.size() + 1);
	result.text.assign(written.begin(), written.end());
	result.text += '\n';
	return result;
}

} // namespace authcore::exporting
