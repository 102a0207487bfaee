// Aegis vault JSON (docs/vault.md in the Aegis repository):
//
//   { "version": 1,
//     "header": { "slots": null | [ {type, uuid, key (hex), key_params {nonce, tag}, n, r, p, salt}... ],
//                 "params": null | { "nonce": hex 12 bytes, "tag": hex 16 bytes } },
//     "db": { "version": 1..3, "entries": [...] }  or  Base64(AES-256-GCM(master key, content)) }
//
// A password slot (type 1) wraps the 32-byte master key with AES-256-GCM under
// scrypt(password, salt, N, r, p, 32). Entries: {type totp|hotp|steam|yandex|motp, name, issuer,
// info {secret (Base32), algo, digits, period | counter}}.

#include "ImportSupport.h"
#include "Importers.h"

#include "authcore/account/AccountFields.h"

#include "authcore/kdf/KdfBudget.h"

#include <botan/pwdhash.h>

namespace authcore::importing {

namespace {

constexpr int64_t kVaultVersion = 1;
constexpr int64_t kMaxContentVersion = 3;
constexpr int64_t kPasswordSlot = 1;
constexpr OtpParameterKeys kInfoKeys{"algo", "digits", "period", "counter", /*counterRequired=*/true};
// Aegis writes N=2^15, r=8, p=1 (32 MiB, ~0.1 s). What a slot may ask for is KdfBudget's to judge.
struct ScryptSlot
{
	const Json* slot;
	uint64_t n, r, p;
};

ScryptSlot readScryptParameters(const Json& slot)
{
	const int64_t n = requiredInteger(slot, "n"), r = requiredInteger(slot, "r"), p = requiredInteger(slot, "p");
	if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1)
		throw Error(ErrorKind::MalformedFile, "slots", "a password slot's scrypt parameters are impossible (N must be a power of two, r and p positive)");
	return {&slot, static_cast<uint64_t>(n), static_cast<uint64_t>(r), static_cast<uint64_t>(p)};
}

Botan::secure_vector<uint8_t> openSlot(const ScryptSlot& scryptSlot, std::string_view password)
{
	const Json& slot = *scryptSlot.slot;
	auto salt = decodeHex(requiredText(slot, "salt"), "salt");
	auto wrapped = decodeHex(requiredText(slot, "key"), "key");
	const Json& keyParams = requiredMember(slot, "key_params");
	auto nonce = decodeHex(requiredText(keyParams, "nonce"), "nonce");
	auto tag = decodeHex(requiredText(keyParams, "tag"), "tag");

	auto scrypt = Botan::PasswordHashFamily::create_or_throw("Scrypt")->from_params(
		static_cast<size_t>(scryptSlot.n), static_cast<size_t>(scryptSlot.r), static_cast<size_t>(scryptSlot.p));
	Botan::secure_vector<uint8_t> slotKey(32);
	scrypt->derive_key(slotKey.data(), slotKey.size(), password.data(), password.size(), salt.data(), salt.size());
	wrapped.insert(wrapped.end(), tag.begin(), tag.end());
	return gcmDecrypt(slotKey, nonce, wrapped, ErrorKind::WrongPassword, "key");
}

Json decryptContent(const Json& header, const Json& db, std::optional<std::string_view> password)
{
	std::string_view typed = requirePassword(password, "Aegis");
	const Json& slots = arrayMember(header, "slots");
	const Json& params = requiredMember(header, "params");
	// Every password slot is read and paid for before the first derivation: a file over budget
	// costs nothing. (Biometric slots live in the phone's keystore and are skipped.)
	std::vector<ScryptSlot> passwordSlots;
	KdfBudget budget;
	for (const Json& slot : slots) {
		if (integerMember(slot, "type", -1) != kPasswordSlot)
			continue;
		passwordSlots.push_back(readScryptParameters(slot));
		const ScryptSlot& added = passwordSlots.back();
		budget.charge(scryptCost(added.n, added.r, added.p), "slots");
	}
	std::optional<Botan::secure_vector<uint8_t>> masterKey;
	for (const ScryptSlot& slot : passwordSlots) {
		try {
			masterKey = openSlot(slot, typed);
			break;
		} catch (const Error& e) {
			if (e.kind() != ErrorKind::WrongPassword)
				throw;
		}
	}
	if (passwordSlots.empty())
		throw Error(ErrorKind::UnsupportedFormat, "slots", "this Aegis vault has no password slot (biometric only): export it with a password");
	if (!masterKey)
		throw Error(ErrorKind::WrongPassword, "password", "the password is wrong (or the file was altered)");

	if (!db.is_string())
		throw Error(ErrorKind::MalformedFile, "db", "the encrypted vault content must be Base64 text");
	auto ciphertext = decodeBase64(std::string_view(db.get_ref<const SecureString&>()), "db");
	auto nonce = decodeHex(requiredText(params, "nonce"), "nonce");
	auto tag = decodeHex(requiredText(params, "tag"), "tag");
	ciphertext.insert(ciphertext.end(), tag.begin(), tag.end());
	auto plaintext = gcmDecrypt(*masterKey, nonce, ciphertext, ErrorKind::IntegrityFailure, "db");
	return parseJson(std::string_view(reinterpret_cast<const char*>(plaintext.data()), plaintext.size()), "db");
}

std::optional<Account> readEntry(const Json& entry)
{
	std::string type = requiredText(entry, "type");
	Account account;
	account.name = textMember(entry, "name");
	account.issuer = textMember(entry, "issuer");
	const Json& info = requiredMember(entry, "info");
	account.secret = secretFromBase32(requiredText(info, "secret"));
	if (type == "totp" || type == "hotp") {
		account.type = type == "totp" ? OtpType::Totp : OtpType::Hotp;
		readOtpParameters(account, info, kInfoKeys);
	} else if (type == "steam") {
		makeSteamAccount(account);
	} else {
		throw Error(ErrorKind::InvalidArgument, "type", "'" + type.substr(0, 16) + "' accounts are not supported");
	}
	return account;
}

class AegisImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "aegis"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		return isJsonObjectWith(input, {"header", "db"});
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view> password) const override
	{
		const Json& document = requireInputJson(input);
		if (requiredInteger(document, "version") != kVaultVersion)
			throw Error(ErrorKind::UnsupportedVersion, "version", "this Aegis vault version is not supported");
		const Json& header = requiredMember(document, "header");
		const Json& db = requiredMember(document, "db");
		bool encrypted = member(header, "slots") != nullptr;
		Json content = encrypted ? decryptContent(header, db, password) : db;
		int64_t version = requiredInteger(content, "version");
		if (version < 1 || version > kMaxContentVersion)
			throw Error(ErrorKind::UnsupportedVersion, "db", "Aegis content version " + std::to_string(version) + " is not supported");
		ImportResult result;
		readEntries(arrayMember(content, "entries"), result, readEntry);
		return result;
	}
};

} // namespace

const Importer& aegisImporter()
{
	static const AegisImporter importer;
	return importer;
}

} // namespace authcore::importing
