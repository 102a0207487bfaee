#pragma once
// Exports for leaving: a plain otpauth:// list, an Aegis plain vault (importable by Aegis) and
// Google Authenticator migration batches. The encrypted backup is the vault's own file format.
// Exports carry secrets in clear text: the caller warns the user before writing them anywhere.

#include "authcore/account/Account.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

enum class ExportFormat { OtpauthList, Aegis, GoogleMigration };

/// "otpauth", "aegis", "google-migration"; nullopt otherwise.
std::optional<ExportFormat> parseExportFormat(std::string_view name) noexcept;

struct SkippedAccount
{
	size_t index;       // position in the accounts given
	std::string reason; // names the account ("Issuer (name)") and why; never the secret
};

struct ExportResult
{
	std::string text;              // otpauth: one URI per line; aegis: the JSON; google-migration: the URIs, one per line
	std::vector<std::string> uris; // google-migration only: one otpauth-migration:// URI per QR code
	std::vector<SkippedAccount> skipped;
};

/// Google Authenticator shows at most this many accounts per QR code; more would make dense codes
/// that phone cameras struggle with.
inline constexpr size_t kMigrationAccountsPerBatch = 10;

/// Writes `accounts` in `format`. Accounts the format cannot carry are left out and listed in
/// `skipped` (Google migration: Steam, a period other than 30 s, digits other than 6 or 8).
/// Invalid accounts (failing Account::validate) are skipped too, never thrown.
ExportResult exportAccounts(std::span<const Account> accounts, ExportFormat format);

/// The same starting from otpauth:// URIs (the page's and the CLI's view of accounts). A URI that does
/// not parse is skipped with its index and the parser's reason, like an account the format cannot carry.
ExportResult exportUris(std::span<const std::string> uris, ExportFormat format);

/// "Issuer (name)", "Issuer" or "name": how skipped accounts and problems name an account.
std::string describeAccount(const Account& account);

} // namespace authcore
