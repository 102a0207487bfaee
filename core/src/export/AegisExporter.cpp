// An Aegis plain vault, the shape Aegis itself writes and imports (docs/vault.md):
//   { "version": 1, "header": { "slots": null, "params": null },
//     "db": { "version": 1, "entries": [ { "type", "uuid", "name", "issuer", "icon": null,
//             "info": { "secret" (Base32, no padding), "algo", "digits", "period" | "counter" } } ] } }
// Content version 1 is the one every Aegis release reads; later versions only add fields we do not
// have (groups, notes, favourites).

#include "Exporters.h"

#include "authcore/encoding/Base32.h"

#include <nlohmann/json.hpp>

namespace authcore::exporting {

ExportResult exportAegis(const IndexedAccounts& accounts)
{
	using Json = nlohmann::ordered_json; // Aegis does not care, people reading the file do
	Json entries = Json::array();
	for (const auto& [index, account] : accounts) {
		Json info = {{"secret", encodeBase32(account->secret)},
					 {"algo", std::string(toString(account->algorithm))},
					 {"digits", account->digits}};
		if (account->type == OtpType::Hotp)
			info["counter"] = account->counter;
		else
			info["period"] = account->period;
		entries.push_back({{"type", std::string(toString(account->type))},
						   {"uuid", randomUuid()},
						   {"name", account->name},
						   {"issuer", account->issuer},
						   {"icon", nullptr},
						   {"info", std::move(info)}});
	}
	Json vault = {{"version", 1},
				  {"header", {{"slots", nullptr}, {"params", nullptr}}},
				  {"db", {{"version", 1}, {"entries", std::move(entries)}}}};
	ExportResult result;
	result.text = vault.dump(4) + "\n";
	return result;
}

} // namespace authcore::exporting
