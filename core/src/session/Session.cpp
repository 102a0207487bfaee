#include "authcore/session/Session.h"

#include "authcore/Error.h"
#include "authcore/SecureWipe.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Base32.h"
#include "authcore/encoding/PercentEncoding.h"
#include "authcore/import/MigrationPayload.h"
#include "authcore/otp/Otp.h"
#include "session/TextKind.h"

#include <algorithm>
#include <set>

namespace authcore {

namespace {

void requireText(const std::string& text, const char* field)
{
	if (!isValidUtf8(text))
		throw Error(ErrorKind::InvalidArgument, field, std::string("the ") + field + " is not valid UTF-8 text");
}

void wipe(std::string& text) noexcept
{
	secureWipe(text);
	text.clear();
}

} // namespace

void Session::open(Vault vault)
{
	lock();
	_vault = std::move(vault);
}

void Session::lock() noexcept
{
	discardAll();
	_vault.lock();
}

void Session::requireUnlocked() const
{
	if (!_vault.isUnlocked())
		throw Error(ErrorKind::Locked, "", "the vault is locked");
}

Vault& Session::vault()
{
	return _vault;
}

const Vault& Session::vault() const
{
	return _vault;
}

CandidatePreview Session::stage(Account account, std::string group)
{
	account.validate();
	requireText(account.issuer, "issuer");
	requireText(account.name, "name");
	requireText(group, "group");
	// Appended rather than "c" + to_string(): GCC 12 reports a false -Wrestrict on the latter at -O3.
	std::string id = std::to_string(_nextCandidate++);
	id.insert(id.begin(), 'c');
	Candidate candidate{std::move(id), std::move(account), std::move(group)};
	const Account& a = candidate.account;
	CandidatePreview preview{candidate.id, a.issuer, a.name, a.type, a.algorithm, a.digits, a.period, a.counter, candidate.group};
	_candidates.push_back(std::move(candidate));
	return preview;
}

StagedText Session::stageText(std::string_view text)
{
	requireUnlocked();
	const std::string_view trimmed = trimmedText(text);
	StagedText staged;
	staged.kind = classifyText(trimmed);
	switch (staged.kind) {
	case TextKind::Account: staged.candidates.push_back(stage(parseOtpauthUri(trimmed))); break;
	case TextKind::Migration: {
		MigrationPayload payload = parseMigrationUri(trimmed);
		for (auto& account : payload.accounts)
			staged.candidates.push_back(stage(std::move(account)));
		staged.problems = std::move(payload.problems);
		break;
	}
	case TextKind::Link:
	case TextKind::Text: staged.text = std::string(trimmed); break;
	case TextKind::Empty: break;
	}
	return staged;
}

CandidatePreview Session::stageManual(const ManualFields& fields)
{
	requireUnlocked();
	Account account;
	account.issuer = fields.issuer;
	account.name = fields.name;
	account.secret = decodeBase32(fields.secret);
	if (account.secret.empty())
		throw Error(ErrorKind::InvalidBase32, "secret", "the secret is empty");
	if (fields.type) {
		const auto type = parseOtpType(*fields.type);
		if (!type)
			throw Error(ErrorKind::InvalidArgument, "type", "type must be totp, hotp or steam");
		account.type = *type;
	}
	if (account.type == OtpType::Steam) {
		// Steam Guard fixes these; a form that still shows other values must not make it invalid.
		account.digits = kSteamDigits;
		account.period = kSteamPeriod;
		account.algorithm = HashAlgorithm::Sha1;
		return stage(std::move(account), fields.group);
	}
	if (fields.algorithm) {
		const auto algorithm = parseHashAlgorithm(*fields.algorithm);
		if (!algorithm)
			throw Error(ErrorKind::InvalidArgument, "algorithm", "algorithm must be SHA1, SHA256 or SHA512");
		account.algorithm = *algorithm;
	}
	account.digits = fields.digits.value_or(account.digits);
	account.period = fields.period.value_or(account.period);
	account.counter = fields.counter.value_or(account.counter);
	return stage(std::move(account), fields.group);
}

SecretCheck Session::checkSecret(std::string_view secret)
{
	const auto bytes = decodeBase32(secret);
	if (bytes.empty())
		throw Error(ErrorKind::InvalidBase32, "secret", "the secret is empty");
	return {bytes.size() * 8, bytes.size() < kMinSecretBytes};
}

std::vector<CandidatePreview> Session::candidates() const
{
	requireUnlocked();
	std::vector<CandidatePreview> previews;
	for (const auto& c : _candidates) {
		const Account& a = c.account;
		previews.push_back({c.id, a.issuer, a.name, a.type, a.algorithm, a.digits, a.period, a.counter, c.group});
	}
	return previews;
}

const Session::Candidate& Session::candidate(std::string_view id) const
{
	requireUnlocked();
	const auto found = std::find_if(_candidates.begin(), _candidates.end(), [&](const Candidate& c) { return c.id == id; });
	if (found == _candidates.end())
		throw Error(ErrorKind::InvalidArgument, "id", "no such candidate");
	return *found;
}

CandidateCode Session::candidateCode(std::string_view id, int64_t unixSeconds) const
{
	const Account& account = candidate(id).account;
	if (unixSeconds < 0)
		throw Error(ErrorKind::InvalidArgument, "time", "time must be non-negative Unix seconds");
	CandidateCode code{generateCode(account, unixSeconds), std::nullopt, account.period};
	if (account.type != OtpType::Hotp)
		code.secondsRemaining = secondsRemaining(unixSeconds, account.period);
	return code;
}

void Session::discard(std::string_view id)
{
	candidate(id);
	abandon();
	const auto found = std::find_if(_candidates.begin(), _candidates.end(), [&](const Candidate& c) { return c.id == id; });
	wipe(found->account.issuer);
	wipe(found->account.name);
	_candidates.erase(found); // the secret is a secure_vector: zeroed as it is freed
}

void Session::discardAll() noexcept
{
	abandon();
	for (auto& c : _candidates) {
		wipe(c.account.issuer);
		wipe(c.account.name);
	}
	_candidates.clear();
}

Session::PendingFile Session::commit(const CommitRequest& request)
{
	requireUnlocked();
	abandon();
	if (request.ids.empty())
		throw Error(ErrorKind::InvalidArgument, "ids", "no candidate to save");
	if (std::set<std::string>(request.ids.begin(), request.ids.end()).size() != request.ids.size())
		throw Error(ErrorKind::InvalidArgument, "ids", "a candidate is named twice");
	if (request.group)
		requireText(*request.group, "group");
	std::vector<Vault::NewEntry> accounts;
	for (const auto& id : request.ids) {
		const Candidate& c = candidate(id);
		accounts.push_back({c.account, {request.group.value_or(c.group), "", false}});
	}
	// The live vault is never touched: the new file is computed on a copy, which becomes the vault
	// only in confirmSaved().
	Vault next(_vault);
	auto entryIds = next.addAll(std::move(accounts), request.allowDuplicates);
	PendingFile file{next.file(), next.revision()};
	_pending = Pending{std::move(next), _vault.revision(), request.ids, std::move(entryIds)};
	return file;
}

std::vector<std::string> Session::confirmSaved(uint64_t revision)
{
	requireUnlocked();
	if (!_pending || _pending->next.revision() != revision || _pending->baseRevision != _vault.revision())
		throw Error(ErrorKind::InvalidArgument, "revision", "no pending save has this revision");
	Pending pending = std::move(*_pending);
	_pending.reset();
	_vault = std::move(pending.next);
	std::erase_if(_candidates, [&](Candidate& c) {
		const auto& saved = pending.candidateIds;
		if (std::find(saved.begin(), saved.end(), c.id) == saved.end())
			return false;
		wipe(c.account.issuer);
		wipe(c.account.name);
		return true;
	});
	return std::move(pending.entryIds);
}

void Session::abandon() noexcept
{
	_pending.reset(); // the copy's destructor wipes its key and accounts
}

} // namespace authcore
