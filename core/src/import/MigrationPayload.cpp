#include "authcore/import/MigrationPayload.h"
#include "authcore/SecureWipe.h"

#include "ImportSupport.h"

#include "authcore/Error.h"
#include "authcore/encoding/PercentEncoding.h"
#include "authcore/encoding/Utf8.h"

#include <botan/base64.h>
#include <botan/mem_ops.h>
#include <protozero/exception.hpp>
#include <protozero/pbf_reader.hpp>
#include <protozero/pbf_writer.hpp>

#include <algorithm>
#include <cctype>
#include <limits>

namespace authcore {

namespace {

// Field numbers and enum values of Google Authenticator's MigrationPayload (see the header).
namespace field {
constexpr protozero::pbf_tag_type kOtpParameters = 1, kVersion = 2, kBatchSize = 3, kBatchIndex = 4, kBatchId = 5;
constexpr protozero::pbf_tag_type kSecret = 1, kName = 2, kIssuer = 3, kAlgorithm = 4, kDigits = 5, kType = 6, kCounter = 7;
} // namespace field
constexpr int32_t kAlgorithmUnspecified = 0, kAlgorithmSha1 = 1, kAlgorithmSha256 = 2, kAlgorithmSha512 = 3, kAlgorithmMd5 = 4;
constexpr int32_t kDigitsUnspecified = 0, kDigitsSix = 1, kDigitsEight = 2;
constexpr int32_t kTypeUnspecified = 0, kTypeHotp = 1, kTypeTotp = 2;
constexpr int32_t kPayloadVersion = 1;

using protozero::pbf_wire_type;

[[noreturn]] void malformed(const std::string& message) { throw Error(ErrorKind::MalformedFile, "data", message); }

// protozero only asserts the wire type in debug builds; reading a varint field that is really
// length-delimited would misparse, so every read checks it first.
void expectWireType(const protozero::pbf_reader& reader, pbf_wire_type type)
{
	if (reader.wire_type() != type)
		malformed("the migration data has a field of the wrong type");
}

HashAlgorithm algorithmFromEnum(int32_t value)
{
	switch (value) {
	case kAlgorithmUnspecified:
	case kAlgorithmSha1: return HashAlgorithm::Sha1;
	case kAlgorithmSha256: return HashAlgorithm::Sha256;
	case kAlgorithmSha512: return HashAlgorithm::Sha512;
	case kAlgorithmMd5: throw Error(ErrorKind::InvalidArgument, "algorithm", "MD5 accounts are not supported");
	default: throw Error(ErrorKind::InvalidArgument, "algorithm", "unknown algorithm number " + std::to_string(value));
	}
}

// Google writes the whole label, "Issuer:name", into name when the issuer is known (the published
// example has name "Example:alice@google.com", issuer "Example"); the encoder does the same, so
// exactly one matching prefix is removed. Without an issuer the name is kept whole: a colon there
// may be part of the name, and guessing would not survive a round trip.
void stripIssuerPrefix(Account& account)
{
	if (account.issuer.empty() || !account.name.starts_with(account.issuer + ":"))
		return;
	account.name.erase(0, account.issuer.size() + 1);
}

Account decodeOtpParameters(protozero::pbf_reader reader)
{
	Account account;
	int32_t digits = kDigitsUnspecified, type = kTypeUnspecified, algorithm = kAlgorithmUnspecified;
	while (reader.next()) {
		switch (reader.tag()) {
		case field::kSecret: {
			expectWireType(reader, pbf_wire_type::length_delimited);
			auto view = reader.get_view();
			account.secret.assign(reinterpret_cast<const uint8_t*>(view.data()), reinterpret_cast<const uint8_t*>(view.data()) + view.size());
			break;
		}
		case field::kName: expectWireType(reader, pbf_wire_type::length_delimited); account.name = reader.get_string(); break;
		case field::kIssuer: expectWireType(reader, pbf_wire_type::length_delimited); account.issuer = reader.get_string(); break;
		case field::kAlgorithm: expectWireType(reader, pbf_wire_type::varint); algorithm = reader.get_enum(); break;
		case field::kDigits: expectWireType(reader, pbf_wire_type::varint); digits = reader.get_enum(); break;
		case field::kType: expectWireType(reader, pbf_wire_type::varint); type = reader.get_enum(); break;
		case field::kCounter: {
			expectWireType(reader, pbf_wire_type::varint);
			int64_t counter = reader.get_int64();
			if (counter < 0)
				throw Error(ErrorKind::InvalidArgument, "counter", "the counter is negative");
			account.counter = static_cast<uint64_t>(counter);
			break;
		}
		default: reader.skip();
		}
	}
	if (!isValidUtf8(account.name) || !isValidUtf8(account.issuer))
		throw Error(ErrorKind::InvalidArgument, "name", "the name or issuer is not UTF-8 text");
	stripIssuerPrefix(account);
	account.algorithm = algorithmFromEnum(algorithm);
	if (digits == kDigitsUnspecified || digits == kDigitsSix)
		account.digits = 6;
	else if (digits == kDigitsEight)
		account.digits = 8;
	else
		throw Error(ErrorKind::InvalidArgument, "digits", "unknown digit count number " + std::to_string(digits));
	if (type == kTypeHotp) {
		account.type = OtpType::Hotp;
	} else if (type == kTypeTotp || type == kTypeUnspecified) {
		account.type = OtpType::Totp;
		account.counter = 0; // meaningless for TOTP; kept, it would make equal accounts differ
	} else
		throw Error(ErrorKind::InvalidArgument, "type", "unknown OTP type number " + std::to_string(type));
	if (account.secret.empty())
		throw Error(ErrorKind::InvalidArgument, "secret", "the secret is empty");
	return account;
}

int32_t narrowBatchNumber(int64_t value)
{
	if (value < std::numeric_limits<int32_t>::min() || value > std::numeric_limits<int32_t>::max())
		throw Error(ErrorKind::InvalidArgument, "batch", "batch number out of range");
	return static_cast<int32_t>(value);
}

} // namespace

MigrationPayload decodeMigrationPayload(std::span<const uint8_t> protobuf)
{
	if (protobuf.empty())
		malformed("the migration data is empty");
	MigrationPayload payload;
	int64_t index = 0;
	bool sawBatchSize = false;
	try {
		protozero::pbf_reader reader(reinterpret_cast<const char*>(protobuf.data()), protobuf.size());
		while (reader.next()) {
			switch (reader.tag()) {
			case field::kOtpParameters: {
				expectWireType(reader, pbf_wire_type::length_delimited);
				if (index >= kMaxMigrationAccounts)
					malformed("the migration data holds more than " + std::to_string(kMaxMigrationAccounts) + " accounts");
				protozero::pbf_reader entry = reader.get_message();
				try {
					Account account = decodeOtpParameters(entry);
					account.validate();
					payload.accounts.push_back(std::move(account));
				} catch (const Error& e) {
					payload.problems.push_back({index, importing::problemMessage(e)});
				}
				++index;
				break;
			}
			case field::kVersion: expectWireType(reader, pbf_wire_type::varint); reader.skip(); break;
			case field::kBatchSize: expectWireType(reader, pbf_wire_type::varint); payload.batch.batchSize = reader.get_int32(); sawBatchSize = true; break;
			case field::kBatchIndex: expectWireType(reader, pbf_wire_type::varint); payload.batch.batchIndex = reader.get_int32(); break;
			case field::kBatchId: expectWireType(reader, pbf_wire_type::varint); payload.batch.batchId = reader.get_int32(); break;
			default: reader.skip();
			}
		}
	} catch (const protozero::exception&) {
		malformed("the migration data is truncated or not a Google Authenticator export");
	}
	if (!sawBatchSize || payload.batch.batchSize < 1)
		payload.batch.batchSize = 1;
	// The size sizes loops and lists of missing parts here and in the page: bounded before use.
	if (payload.batch.batchSize > kMaxMigrationBatches)
		malformed("the export claims " + std::to_string(payload.batch.batchSize) + " QR codes; at most " + std::to_string(kMaxMigrationBatches) + " are accepted");
	if (payload.batch.batchIndex < 0 || payload.batch.batchIndex >= payload.batch.batchSize)
		malformed("batch " + std::to_string(payload.batch.batchIndex) + " of " + std::to_string(payload.batch.batchSize) + " is impossible");
	return payload;
}

MigrationPayload parseMigrationUri(std::string_view uri)
{
	while (!uri.empty() && std::isspace(static_cast<unsigned char>(uri.front())))
		uri.remove_prefix(1);
	while (!uri.empty() && std::isspace(static_cast<unsigned char>(uri.back())))
		uri.remove_suffix(1);
	if (uri.size() < kMigrationUriPrefix.size() ||
		!std::equal(kMigrationUriPrefix.begin(), kMigrationUriPrefix.end(), uri.begin(),
					[](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
		throw Error(ErrorKind::InvalidUri, "scheme", "not an otpauth-migration://offline URI");
	size_t query = uri.find('?');
	if (query == std::string_view::npos)
		throw Error(ErrorKind::InvalidUri, "data", "the migration URI has no data parameter");
	std::string_view rest = uri.substr(query + 1);
	std::optional<std::string_view> data;
	while (!rest.empty()) {
		size_t amp = rest.find('&');
		std::string_view pair = rest.substr(0, amp);
		if (pair.starts_with("data=") && !data)
			data = pair.substr(5);
		rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
	}
	if (!data || data->empty())
		throw Error(ErrorKind::InvalidUri, "data", "the migration URI has no data parameter");
	// A raw '+' is Base64, not a space: protect it from form-decoding before undoing the %-escapes.
	std::string escaped;
	for (char c : *data)
		escaped += c == '+' ? std::string("%2B") : std::string(1, c);
	std::optional<std::string> base64 = percentDecode(escaped);
	if (!base64)
		throw Error(ErrorKind::InvalidUri, "data", "the data parameter has a broken %-escape");
	for (char& c : *base64) { // tolerate the URL-safe alphabet
		if (c == '-')
			c = '+';
		else if (c == '_')
			c = '/';
	}
	Botan::secure_vector<uint8_t> protobuf;
	try {
		protobuf = importing::decodeBase64(*base64, "data");
	} catch (const Error&) {
		throw Error(ErrorKind::InvalidUri, "data", "the data parameter is not valid Base64");
	}
	return decodeMigrationPayload(protobuf);
}

std::vector<uint8_t> encodeMigrationPayload(std::span<const Account> accounts, const MigrationBatchInfo& batch)
{
	if (batch.batchSize < 1 || batch.batchIndex < 0 || batch.batchIndex >= batch.batchSize)
		throw Error(ErrorKind::InvalidArgument, "batch", "batch index must be within 0..size-1");
	std::string buffer;
	{
		protozero::pbf_writer writer(buffer);
		for (const Account& account : accounts) {
			account.validate();
			if (account.type == OtpType::Steam)
				throw Error(ErrorKind::InvalidArgument, "type", "the migration format has no Steam type");
			if (account.type == OtpType::Totp && account.period != 30)
				throw Error(ErrorKind::InvalidArgument, "period", "the migration format only carries 30 s periods");
			if (account.digits != 6 && account.digits != 8)
				throw Error(ErrorKind::InvalidArgument, "digits", "the migration format only carries 6 or 8 digits");
			if (account.counter > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
				throw Error(ErrorKind::InvalidArgument, "counter", "the counter is too large for the migration format");
			protozero::pbf_writer entry(writer, field::kOtpParameters);
			entry.add_bytes(field::kSecret, reinterpret_cast<const char*>(account.secret.data()), account.secret.size());
			entry.add_string(field::kName, account.issuer.empty() ? account.name : account.issuer + ":" + account.name);
			entry.add_string(field::kIssuer, account.issuer);
			entry.add_enum(field::kAlgorithm, account.algorithm == HashAlgorithm::Sha1     ? kAlgorithmSha1
											  : account.algorithm == HashAlgorithm::Sha256 ? kAlgorithmSha256
																						   : kAlgorithmSha512);
			entry.add_enum(field::kDigits, account.digits == 8 ? kDigitsEight : kDigitsSix);
			entry.add_enum(field::kType, account.type == OtpType::Hotp ? kTypeHotp : kTypeTotp);
			if (account.type == OtpType::Hotp)
				entry.add_int64(field::kCounter, static_cast<int64_t>(account.counter));
		}
		writer.add_int32(field::kVersion, kPayloadVersion);
		writer.add_int32(field::kBatchSize, batch.batchSize);
		writer.add_int32(field::kBatchIndex, batch.batchIndex);
		writer.add_int32(field::kBatchId, narrowBatchNumber(batch.batchId));
	}
	std::vector<uint8_t> bytes(buffer.begin(), buffer.end());
	authcore::secureWipe(buffer);
	return bytes;
}

std::string migrationUri(std::span<const uint8_t> protobuf)
{
	std::string base64 = Botan::base64_encode(protobuf.data(), protobuf.size());
	std::string uri = std::string(kMigrationUriPrefix) + "?data=" + percentEncode(base64);
	authcore::secureWipe(base64);
	return uri;
}

bool MigrationCollector::add(MigrationPayload payload)
{
	if (!_batches.empty()) {
		const MigrationBatchInfo& first = _batches.front().batch;
		if (payload.batch.batchId != first.batchId || payload.batch.batchSize != first.batchSize)
			throw Error(ErrorKind::InvalidArgument, "batch", "this QR code belongs to a different export");
	}
	auto at = std::lower_bound(_batches.begin(), _batches.end(), payload.batch.batchIndex,
							   [](const MigrationPayload& p, int index) { return p.batch.batchIndex < index; });
	if (at != _batches.end() && at->batch.batchIndex == payload.batch.batchIndex)
		return false;
	_batches.insert(at, std::move(payload));
	return true;
}

bool MigrationCollector::complete() const noexcept
{
	return !_batches.empty() && _batches.size() == static_cast<size_t>(_batches.front().batch.batchSize);
}

std::vector<int> MigrationCollector::missingBatches() const
{
	std::vector<int> missing;
	if (_batches.empty())
		return missing;
	size_t next = 0;
	for (int i = 0; i < _batches.front().batch.batchSize; ++i) {
		if (next < _batches.size() && _batches[next].batch.batchIndex == i)
			++next;
		else
			missing.push_back(i);
	}
	return missing;
}

MigrationPayload MigrationCollector::merged() const
{
	MigrationPayload all;
	if (_batches.empty())
		return all;
	all.batch = _batches.front().batch;
	int64_t offset = 0;
	for (const MigrationPayload& batch : _batches) {
		for (const Account& account : batch.accounts)
			all.accounts.push_back(account);
		int64_t entries = static_cast<int64_t>(batch.accounts.size() + batch.problems.size());
		for (const ImportProblem& problem : batch.problems)
			all.problems.push_back({offset + problem.index, problem.message});
		offset += entries;
	}
	return all;
}

} // namespace authcore
