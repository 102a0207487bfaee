// An Aegis plain vault, the shape Aegis itself writes and imports (docs/vault.md):
//   { "version": 1, "header": { "slots": null, "params": null },
//     "db": { "version": 1, "entries": [ { "type", "uuid", "name", "issuer", "icon": null,
//             "info": { "secret" (Base32, no padding), "algo", "digits", "period" | "counter" } } ] } }
// Content version 1 is the one every Aegis release reads; later versions only add fields we do not
// have (groups, notes, favourites).

#include "Exporters.h"

#include "authcore/encoding/Base32.h"

#include "vault/SecureJson.h"

namespace authcore::exporting {

ExportResult exportAegis(const IndexedAccounts& accounts)
{
	// The vault's JSON type: the tree holds the secrets, and is wiped as it is freed. Its members come
	// out in alphabetical order, which Aegis does not mind.
	using Json = SecureJson;
	Json entries = Json::array();
	for (const auto& [index, account] : accounts) {
		Json info = {{"secret", secureText(encodeBase32(account->secret))},
					 {"algo", secureText(toString(account->algorithm))},
					 {"digits", account->digits}};
		if (account->type == OtpType::Hotp)
			info["counter"] = account->counter;
		else
			info["period"] = account->period;
		entries.push_back({{"type", secureText(toString(account->type))},
						   {"uuid", secureText(randomUuid())},
						   {"name", secureText(account->name)},
						   {"issuer", secureText(account->issuer)},
						   {"icon", nullptr},
						   {"info", std::move(info)}});
	}
	Json vault = {{"version", 1},
				  {"header", {{"slots", nullptr}, {"params", nullptr}}},
				  {"db", {{"version", 1}, {"entries", std::move(entries)}}}};
	ExportResult result;
	result.text = plainText(vault.dump(4)) + "\n";
	return result;
}

} // namespace authcore::exporting
