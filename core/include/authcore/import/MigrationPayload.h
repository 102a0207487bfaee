#pragma once
// Google Authenticator's "Transfer accounts" export: otpauth-migration://offline?data=BASE64, where
// BASE64 (standard alphabet, usually percent-encoded) holds a protobuf MigrationPayload:
//
//   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
//                      int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
//   OtpParameters    { bytes secret = 1; string name = 2; string issuer = 3;
//                      Algorithm algorithm = 4;  // 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
//                      DigitCount digits = 5;    // 0 unspecified, 1 six, 2 eight
//                      OtpType type = 6;         // 0 unspecified, 1 HOTP, 2 TOTP
//                      int64 counter = 7; }
//
// The format has no period (always 30 s), no Steam type and only 6 or 8 digits.

#include "authcore/import/ImportResult.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

struct MigrationPayload
{
	MigrationBatchInfo batch;
	std::vector<Account> accounts;       // the entries that could be read
	std::vector<ImportProblem> problems; // the others (MD5, empty secret...), by entry index
};

inline constexpr std::string_view kMigrationUriPrefix = "otpauth-migration://offline";

/// Bounds on counts a payload states (Error{MalformedFile} above them). Google Authenticator puts about
/// ten accounts in each QR code, so a few dozen codes hold any real collection; our own exporter
/// needs 100 codes for a vault of 1,000 accounts, and this leaves room for ten times that.
inline constexpr int32_t kMaxMigrationBatches = 1000;
inline constexpr int64_t kMaxMigrationAccounts = 1000;

/// Decodes the protobuf bytes. Throws Error{MalformedFile, "data"} if they are not a MigrationPayload,
/// or the batch numbers are inconsistent (index outside 0..size-1).
MigrationPayload decodeMigrationPayload(std::span<const uint8_t> protobuf);

/// Parses an otpauth-migration://offline?data=... URI (surrounding white space ignored).
/// Throws Error{InvalidUri, "scheme"|"data"} for a different URI or a missing/undecodable data
/// parameter, and Error{MalformedFile, "data"} for a broken payload.
MigrationPayload parseMigrationUri(std::string_view uri);

/// Encodes accounts as one batch. Every account must be representable (TOTP with a 30 s period or
/// HOTP, 6 or 8 digits, SHA1/SHA256/SHA512); throws Error{InvalidArgument, field} otherwise.
std::vector<uint8_t> encodeMigrationPayload(std::span<const Account> accounts, const MigrationBatchInfo& batch);

/// The otpauth-migration:// URI for one encoded batch.
std::string migrationUri(std::span<const uint8_t> protobuf);

/// Collects the batches of one export scanned one QR code at a time, in any order and with repeats.
class MigrationCollector
{
public:
	/// Adds a batch. Returns false (and keeps nothing) if it is a repeat of a batch already added.
	/// Throws Error{InvalidArgument, "batch"} if it belongs to a different export (batch id or size).
	bool add(MigrationPayload payload);

	bool empty() const noexcept { return _batches.empty(); }
	/// True once every batch 0..size-1 has been added.
	bool complete() const noexcept;
	/// The 0-based indices still missing, ascending.
	std::vector<int> missingBatches() const;
	/// The accounts of the batches added so far, in batch order; problems are re-indexed to the
	/// position of the entry across the batches read.
	MigrationPayload merged() const;

private:
	std::vector<MigrationPayload> _batches; // sorted by batch index
};

} // namespace authcore
