#include "vault/VaultFile.h"

#include "authcore/Error.h"
#include "vault/VaultFormat.h"

#include <botan/hash.h>
#include <botan/mem_ops.h>

#include <algorithm>
#include <limits>
#include <string>

namespace authcore {

using namespace vaultformat;

namespace {

[[noreturn]] void malformed(const std::string& field, const std::string& message)
{
	throw Error(ErrorKind::MalformedFile, field, message);
}

uint64_t loadBigEndian(std::span<const uint8_t> bytes, size_t offset, size_t size)
{
	uint64_t value = 0;
	for (size_t i = 0; i < size; ++i)
		value = (value << 8) | bytes[offset + i];
	return value;
}

std::array<uint8_t, kDigestSize> headerDigest(std::span<const uint8_t> header)
{
	auto sha256 = Botan::HashFunction::create_or_throw("SHA-256");
	sha256->update(header);
	std::array<uint8_t, kDigestSize> digest{};
	sha256->final(digest);
	return digest;
}

} // namespace

uint32_t loadBigEndian32(std::span<const uint8_t> bytes, size_t offset)
{
	return static_cast<uint32_t>(loadBigEndian(bytes, offset, 4));
}

void appendBigEndian(std::vector<uint8_t>& out, uint64_t value, size_t bytes)
{
	for (size_t i = bytes; i-- > 0;)
		out.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

VaultFile parseVaultFile(std::span<const uint8_t> file)
{
	// Magic and version come first so that a newer format, whatever its layout, is reported as
	// such and not as damage.
	if (file.size() < kMagic.size() || !std::equal(kMagic.begin(), kMagic.end(), file.begin()))
		malformed("magic", "this is not an authenticator vault file");
	if (file.size() < kVersionOffset + 2)
		malformed("version", "the file is truncated");
	if (auto version = loadBigEndian(file, kVersionOffset, 2); version != kVersion)
		throw Error(ErrorKind::UnsupportedVersion, "version",
					"vault format version " + std::to_string(version) + " is not supported by this version of the app");
	if (file.size() < kHeaderLengthOffset + 4)
		malformed("headerLength", "the file is truncated");

	// Both lengths are 32-bit fields; size_t may be 32 bits too (wasm32), so sums are checked in 64.
	const size_t headerLength = loadBigEndian32(file, kHeaderLengthOffset);
	if (headerLength < kMinHeaderLength || headerLength > file.size() ||
		file.size() - headerLength < kTrailerOverhead)
		malformed("headerLength", "the file is truncated or its header length is impossible");

	const auto header = file.first(headerLength);
	const auto expectedDigest = headerDigest(header);
	if (!Botan::constant_time_compare(expectedDigest, file.subspan(headerLength, kDigestSize)))
		throw Error(ErrorKind::IntegrityFailure, "header", "the file is damaged: its header checksum does not match");

	// From here on the header is what its writer wrote, so anything odd is a format matter.
	if (auto flags = loadBigEndian(header, kFlagsOffset, 2); flags != 0)
		throw Error(ErrorKind::UnsupportedVersion, "flags", "the vault uses features this version of the app does not know");

	VaultFile result;
	result.revision = loadBigEndian(header, kRevisionOffset, 8);
	const uint64_t payloadLength = loadBigEndian32(header, kPayloadLengthOffset);
	const size_t slotCount = header[kSlotCountOffset];
	if (slotCount < kMinSlots || slotCount > kMaxSlots)
		malformed("slotCount", "a vault has 1 to 16 key slots");

	size_t offset = kSlotsOffset;
	for (size_t i = 0; i < slotCount; ++i) {
		if (header.size() - offset < kSlotPrefixSize)
			malformed("slots", "the key slots do not fit in the header");
		KeySlot slot;
		slot.type = header[offset];
		const size_t bodyLength = static_cast<size_t>(loadBigEndian(header, offset + 1, 2));
		offset += kSlotPrefixSize;
		if (header.size() - offset < bodyLength)
			malformed("slots", "the key slots do not fit in the header");
		slot.body.assign(header.begin() + static_cast<ptrdiff_t>(offset),
						 header.begin() + static_cast<ptrdiff_t>(offset + bodyLength));
		offset += bodyLength;
		result.slots.push_back(std::move(slot));
	}
	if (offset != header.size())
		malformed("slots", "the key slots do not fill the header");

	const size_t payloadStart = headerLength + kDigestSize + kNonceSize;
	const uint64_t available = file.size() - payloadStart;
	if (available != payloadLength + kTagSize)
		malformed("payloadLength", available < payloadLength + kTagSize
									   ? "the file is truncated"
									   : "the file has extra bytes after its end");

	result.header.assign(header.begin(), header.end());
	std::copy_n(file.begin() + static_cast<ptrdiff_t>(headerLength + kDigestSize), kNonceSize, result.payloadNonce.begin());
	result.sealedPayload.assign(file.begin() + static_cast<ptrdiff_t>(payloadStart), file.end());
	return result;
}

std::vector<uint8_t> encodeVaultHeader(uint64_t revision, uint32_t payloadLength, const std::vector<KeySlot>& slots)
{
	if (slots.size() < kMinSlots || slots.size() > kMaxSlots)
		throw Error(ErrorKind::InvalidArgument, "slots", "a vault has 1 to 16 key slots");
	size_t headerLength = kSlotsOffset;
	for (const auto& slot : slots) {
		if (slot.body.size() > std::numeric_limits<uint16_t>::max())
			throw Error(ErrorKind::InvalidArgument, "slots", "a key slot is too large");
		headerLength += kSlotPrefixSize + slot.body.size();
	}

	std::vector<uint8_t> header(kMagic.begin(), kMagic.end());
	header.reserve(headerLength);
	appendBigEndian(header, kVersion, 2);
	appendBigEndian(header, headerLength, 4);
	appendBigEndian(header, 0, 2); // flags
	appendBigEndian(header, revision, 8);
	appendBigEndian(header, payloadLength, 4);
	header.push_back(static_cast<uint8_t>(slots.size()));
	for (const auto& slot : slots) {
		header.push_back(slot.type);
		appendBigEndian(header, slot.body.size(), 2);
		header.insert(header.end(), slot.body.begin(), slot.body.end());
	}
	return header;
}

std::vector<uint8_t> assembleVaultFile(std::span<const uint8_t> header, std::span<const uint8_t> payloadNonce,
									   std::span<const uint8_t> sealedPayload)
{
	const auto digest = headerDigest(header);
	std::vector<uint8_t> file;
	file.reserve(header.size() + digest.size() + payloadNonce.size() + sealedPayload.size());
	file.insert(file.end(), header.begin(), header.end());
	file.insert(file.end(), digest.begin(), digest.end());
	file.insert(file.end(), payloadNonce.begin(), payloadNonce.end());
	file.insert(file.end(), sealedPayload.begin(), sealedPayload.end());
	return file;
}

} // namespace authcore
