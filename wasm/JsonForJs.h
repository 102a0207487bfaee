#pragma once
// Many small objects for JS in one crossing. Each emscripten::val::set is a call into JS that
// also converts its key: sessionConfirmSaved with 1,000 accounts took 34 ms that way (13,000
// calls), and 5 ms with its entry list written here as JSON and parsed by JSON.parse. Used for the lists that grow
// with the vault (entries, codes); single objects keep val::set.
// The text lives in wiping memory (codes pass through it); the JS string it becomes is the page's.

#include "AccountObjects.h"

#include "authcore/WipingAllocator.h"

#include <emscripten/val.h>

#include <charconv>
#include <cstdint>
#include <string_view>

namespace authcore::wasm {

class JsonForJs
{
public:
	JsonForJs() { _text.reserve(4096); }

	void beginArray() { separate(), _text += '['; }
	void endArray() { _text += ']'; }
	void beginObject() { separate(), _text += '{'; }
	void endObject() { _text += '}'; }

	void field(std::string_view key, std::string_view text) { name(key), string(text); }
	void field(std::string_view key, const char* text) { field(key, std::string_view(text)); } // not the bool one
	void field(std::string_view key, bool value) { name(key), _text += value ? "true" : "false"; }
	void field(std::string_view key, int64_t value) { name(key), integer(value); }
	void field(std::string_view key, uint64_t value) { name(key), integer(value); }
	void fieldNull(std::string_view key) { name(key), _text += "null"; }

	/// JSON.parse of what was written: one TextDecoder call and one parse.
	[[nodiscard]] emscripten::val parse() const
	{
		return emscripten::val::global("JSON").call<emscripten::val>("parse", jsString({_text.data(), _text.size()}));
	}

private:
	// A comma unless this value opens its container or follows its key.
	void separate()
	{
		if (!_text.empty() && _text.back() != '[' && _text.back() != '{' && _text.back() != ':')
			_text += ',';
	}

	void name(std::string_view key)
	{
		separate();
		string(key);
		_text += ':';
	}

	// RFC 8259 section 7: quotation mark, reverse solidus and control characters escaped; other
	// bytes (UTF-8) as they are. Labels reach the vault as validated UTF-8.
	void string(std::string_view text)
	{
		static constexpr char hex[] = "0123456789abcdef";
		_text += '"';
		for (const char c : text) {
			const auto byte = static_cast<unsigned char>(c);
			if (c == '"' || c == '\\') {
				_text += '\\';
				_text += c;
			} else if (byte < 0x20) {
				_text += "\\u00";
				_text += hex[byte >> 4];
				_text += hex[byte & 15];
			} else {
				_text += c;
			}
		}
		_text += '"';
	}

	template <typename Integer>
	void integer(Integer value)
	{
		char digits[24];
		const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
		_text.append(digits, end);
	}

	SecureString _text;
};

/// The JSON form of entryObject() (AccountObjects.h): the same fields, the same types.
inline void writeEntry(JsonForJs& json, const VaultEntry& entry)
{
	const Account& account = entry.account;
	json.beginObject();
	json.field("id", entry.id);
	json.field("issuer", account.issuer);
	json.field("name", account.name);
	json.field("type", toString(account.type));
	json.field("algorithm", toString(account.algorithm));
	json.field("digits", int64_t{account.digits});
	json.field("period", uint64_t{account.period});
	json.field("counter", account.counter); // a JS Number: exact up to 2^53
	json.field("group", entry.group);
	json.field("note", entry.note);
	json.field("favourite", entry.favourite);
	json.field("created", static_cast<int64_t>(entry.created));
	json.field("updated", static_cast<int64_t>(entry.updated));
	json.endObject();
}

/// [entryObject(entry)...] for a whole vault, in one crossing.
template <typename Range>
emscripten::val entriesArray(const Range& entries)
{
	JsonForJs json;
	json.beginArray();
	for (const VaultEntry& entry : entries)
		writeEntry(json, entry);
	json.endArray();
	return json.parse();
}

} // namespace authcore::wasm
