#include "authcore/export/Exporter.h"

#include "Exporters.h"

#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"

#include <botan/hex.h>
#include <botan/system_rng.h>

#include <algorithm>
#include <array>

namespace authcore {

std::optional<ExportFormat> parseExportFormat(std::string_view name) noexcept
{
	if (name == "otpauth")
		return ExportFormat::OtpauthList;
	if (name == "aegis")
		return ExportFormat::Aegis;
	if (name == "google-migration")
		return ExportFormat::GoogleMigration;
	return std::nullopt;
}

std::string describeAccount(const Account& account)
{
	if (account.issuer.empty())
		return account.name.empty() ? "(unnamed account)" : account.name;
	return account.name.empty() ? account.issuer : account.issuer + " (" + account.name + ")";
}

ExportResult exportAccounts(std::span<const Account> accounts, ExportFormat format)
{
	exporting::IndexedAccounts valid;
	std::vector<SkippedAccount> invalid;
	for (size_t i = 0; i < accounts.size(); ++i) {
		try {
			accounts[i].validate();
			valid.emplace_back(i, &accounts[i]);
		} catch (const Error& e) {
			invalid.push_back({i, describeAccount(accounts[i]) + ": " + e.what()});
		}
	}
	ExportResult result;
	switch (format) {
	case ExportFormat::OtpauthList: result = exporting::exportOtpauthList(valid); break;
	case ExportFormat::Aegis: result = exporting::exportAegis(valid); break;
	case ExportFormat::GoogleMigration: result = exporting::exportGoogleMigration(valid); break;
	}
	result.skipped.insert(result.skipped.end(), invalid.begin(), invalid.end());
	std::sort(result.skipped.begin(), result.skipped.end(), [](const SkippedAccount& a, const SkippedAccount& b) { return a.index < b.index; });
	return result;
}

ExportResult exportUris(std::span<const std::string> uris, ExportFormat format)
{
	std::vector<Account> accounts;
	std::vector<size_t> position; // index in `uris` of each parsed account
	std::vector<SkippedAccount> unreadable;
	for (size_t i = 0; i < uris.size(); ++i) {
		try {
			accounts.push_back(parseOtpauthUri(uris[i]));
			position.push_back(i);
		} catch (const Error& e) {
			unreadable.push_back({i, "not a usable otpauth URI: " + e.field() + ": " + e.what()});
		}
	}
	ExportResult result = exportAccounts(accounts, format);
	for (SkippedAccount& skipped : result.skipped)
		skipped.index = position[skipped.index];
	result.skipped.insert(result.skipped.end(), unreadable.begin(), unreadable.end());
	std::sort(result.skipped.begin(), result.skipped.end(), [](const SkippedAccount& a, const SkippedAccount& b) { return a.index < b.index; });
	return result;
}

namespace exporting {

std::string randomUuid()
{
	std::array<uint8_t, 16> bytes{};
	Botan::system_rng().randomize(bytes);
	bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
	bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
	std::string hex = Botan::hex_encode(bytes.data(), bytes.size(), /*uppercase=*/false);
	return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

} // namespace exporting

} // namespace authcore
