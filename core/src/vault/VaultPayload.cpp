#include "vault/VaultPayload.h"
#include "authcore/SecureWipe.h"

#include "authcore/Error.h"
#include "authcore/encoding/Base32.h"
#include "vault/SecureJson.h"
#include "vault/VaultHistory.h"

#include <algorithm>

#include <limits>
#include <string>

// Where the plaintext goes: the entries become a SecureJson tree, dump() writes the text into a
// SecureString and we copy that into a secure_vector; every one of these buffers is zeroed when it
// is freed, and no std::string ever holds the text. The one plain std::string, encodeBase32()'s
// result, is wiped by hand below. Reading parses straight from the decrypted secure_vector into a
// SecureJson tree. What remains outside our control: nlohmann's serializer formats escaped strings
// through a 512-byte buffer on the stack, and its lexer keeps the current token in a std::vector
// for error messages. The wasm module therefore zeroes every heap block it frees
// (wasm/WipingHeap.cpp); the native CLI exits right after use.

namespace authcore {

namespace {

SecureJson entryJson(const VaultEntry& entry)
{
	const Account& account = entry.account;
	SecureJson json = SecureJson::object();
	json["id"] = secureText(entry.id);
	json["issuer"] = secureText(account.issuer);
	json["name"] = secureText(account.name);
	std::string secret = encodeBase32(account.secret);
	json["secret"] = secureText(secret);
	authcore::secureWipe(secret);
	json["type"] = SecureString(toString(account.type));
	json["algorithm"] = SecureString(toString(account.algorithm));
	json["digits"] = account.digits;
	json["period"] = account.period;
	json["counter"] = account.counter;
	json["group"] = secureText(entry.group);
	json["note"] = secureText(entry.note);
	json["favourite"] = entry.favourite;
	json["created"] = entry.created;
	json["updated"] = entry.updated;
	json["rank"] = entry.rank;
	SecureJson stamps = SecureJson::object();
	stamps["account"] = entry.stamps.account;
	stamps["issuer"] = entry.stamps.issuer;
	stamps["name"] = entry.stamps.name;
	stamps["group"] = entry.stamps.group;
	stamps["note"] = entry.stamps.note;
	stamps["favourite"] = entry.stamps.favourite;
	stamps["rank"] = entry.stamps.rank;
	json["stamps"] = std::move(stamps);
	return json;
}

// Reads one field with a type check; the field name in errors is "entries[i].name".
class EntryReader
{
public:
	EntryReader(const SecureJson& json, const char* list, size_t index)
		: _json(json), _prefix(std::string(list) + "[" + std::to_string(index) + "].")
	{}
	/// Reads an object inside an entry: field names in errors become "<prefix><object>.name".
	EntryReader(const SecureJson& json, const char* outerPrefix, size_t, const char* object)
		: _json(json), _prefix(std::string(outerPrefix) + object + ".")
	{}

	const std::string& prefix() const { return _prefix; }
	bool has(const char* name) const { return _json.contains(name); }

	const SecureJson& field(const char* name, SecureJson::value_t type) const
	{
		auto it = _json.find(name);
		if (it == _json.end())
			fail(name, "is missing");
		// Integers that fit both ways are stored as unsigned by nlohmann; accept either for numbers.
		const bool isNumber = type == SecureJson::value_t::number_integer || type == SecureJson::value_t::number_unsigned;
		if (isNumber ? !it->is_number_integer() : it->type() != type)
			fail(name, "has the wrong type");
		return *it;
	}

	SecureString text(const char* name) const { return field(name, SecureJson::value_t::string).get<SecureString>(); }

	template <typename T>
	T integer(const char* name) const
	{
		const auto& value = field(name, SecureJson::value_t::number_integer);
		if (value.is_number_unsigned()) {
			auto number = value.get<uint64_t>();
			if (number > static_cast<uint64_t>(std::numeric_limits<T>::max()))
				fail(name, "is out of range");
			return static_cast<T>(number);
		}
		auto number = value.get<int64_t>();
		if (number < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
			(number > 0 && static_cast<uint64_t>(number) > static_cast<uint64_t>(std::numeric_limits<T>::max())))
			fail(name, "is out of range");
		return static_cast<T>(number);
	}

	[[noreturn]] void fail(const char* name, const char* problem) const
	{
		throw Error(ErrorKind::MalformedFile, _prefix + name, "the account list is invalid: " + _prefix + name + " " + problem);
	}

private:
	const SecureJson& _json;
	std::string _prefix;
};

// Ranks and stamps came with merging; an older payload has neither. Its entries then rank in list
// order, and every field counts as set when the entry was last updated.
void readHistory(const EntryReader& read, VaultEntry& entry, size_t index)
{
	entry.rank = read.has("rank") ? read.integer<int64_t>("rank") : static_cast<int64_t>(index) * kRankGap;
	if (entry.rank > kMaxRankMagnitude || entry.rank < -kMaxRankMagnitude)
		read.fail("rank", "is out of range");
	if (!read.has("stamps")) {
		const int64_t stamp = std::clamp<int64_t>(entry.updated, 0, std::numeric_limits<int64_t>::max() / 1000) * 1000;
		entry.stamps = {stamp, stamp, stamp, stamp, stamp, stamp, stamp};
		return;
	}
	const SecureJson& json = read.field("stamps", SecureJson::value_t::object);
	EntryReader stamps(json, read.prefix().c_str(), index, "stamps");
	entry.stamps.account = stamps.integer<int64_t>("account");
	entry.stamps.issuer = stamps.integer<int64_t>("issuer");
	entry.stamps.name = stamps.integer<int64_t>("name");
	entry.stamps.group = stamps.integer<int64_t>("group");
	entry.stamps.note = stamps.integer<int64_t>("note");
	entry.stamps.favourite = stamps.integer<int64_t>("favourite");
	entry.stamps.rank = stamps.integer<int64_t>("rank");
}

VaultEntry entryFrom(const SecureJson& json, const char* list, size_t index)
{
	EntryReader read(json, list, index);
	if (!json.is_object())
		read.fail("", "is not an object");

	VaultEntry entry;
	entry.id = plainText(read.text("id"));
	entry.account.issuer = plainText(read.text("issuer"));
	entry.account.name = plainText(read.text("name"));
	try {
		entry.account.secret = decodeBase32(read.text("secret"));
	} catch (const Error&) {
		read.fail("secret", "is not Base32"); // the decoder's message may quote the secret
	}
	auto type = parseOtpType(read.text("type"));
	auto algorithm = parseHashAlgorithm(read.text("algorithm"));
	if (!type)
		read.fail("type", "is unknown");
	if (!algorithm)
		read.fail("algorithm", "is unknown");
	entry.account.type = *type;
	entry.account.algorithm = *algorithm;
	entry.account.digits = read.integer<int>("digits");
	entry.account.period = read.integer<uint32_t>("period");
	entry.account.counter = read.integer<uint64_t>("counter");
	entry.group = plainText(read.text("group"));
	entry.note = plainText(read.text("note"));
	entry.favourite = read.field("favourite", SecureJson::value_t::boolean).get<bool>();
	entry.created = read.integer<int64_t>("created");
	entry.updated = read.integer<int64_t>("updated");
	readHistory(read, entry, index);
	if (entry.id.empty())
		read.fail("id", "is empty");
	try {
		entry.account.validate();
	} catch (const Error& e) {
		read.fail(e.field().c_str(), "is invalid");
	}
	return entry;
}

} // namespace

Botan::secure_vector<uint8_t> encodeVaultPayload(const VaultContents& contents)
{
	SecureJson root = SecureJson::object();
	auto& list = root["entries"] = SecureJson::array();
	for (const auto& entry : contents.entries)
		list.push_back(entryJson(entry));
	auto& deleted = root["tombstones"] = SecureJson::array();
	for (const auto& tombstone : contents.tombstones) {
		auto json = entryJson(tombstone.entry);
		json["deleted"] = tombstone.deleted;
		deleted.push_back(std::move(json));
	}
	// Strict UTF-8: the vault validates every text field before it gets here, so a throw means a bug,
	// and nothing is saved.
	const SecureString text = root.dump();
	return Botan::secure_vector<uint8_t>(text.begin(), text.end());
}

VaultContents decodeVaultPayload(std::span<const uint8_t> json)
{
	// No parser message is kept: nlohmann's quotes the last token read, which may be a secret.
	SecureJson root = parseSecureJson({reinterpret_cast<const char*>(json.data()), json.size()});
	if (root.is_discarded())
		throw Error(ErrorKind::MalformedFile, "payload", "the account list is not valid JSON");
	auto list = root.find("entries");
	if (!root.is_object() || list == root.end() || !list->is_array())
		throw Error(ErrorKind::MalformedFile, "payload", "the account list has no entries array");

	VaultContents contents;
	contents.entries.reserve(list->size());
	for (size_t i = 0; i < list->size(); ++i)
		contents.entries.push_back(entryFrom((*list)[i], "entries", i));

	auto tombstones = root.find("tombstones");
	if (tombstones == root.end())
		return contents; // written before merging existed
	if (!tombstones->is_array())
		throw Error(ErrorKind::MalformedFile, "tombstones", "the account list's tombstones are not an array");
	for (size_t i = 0; i < tombstones->size(); ++i) {
		const auto& item = (*tombstones)[i];
		Tombstone tombstone{entryFrom(item, "tombstones", i), 0};
		tombstone.deleted = EntryReader(item, "tombstones", i).integer<int64_t>("deleted");
		contents.tombstones.push_back(std::move(tombstone));
	}
	return contents;
}

} // namespace authcore
