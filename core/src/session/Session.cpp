#include "authcore/session/Session.h"

#include "authcore/Error.h"
#include "authcore/SecureWipe.h"
#include "authcore/account/AccountFields.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Trim.h"
#include "authcore/encoding/Base32.h"
#include "authcore/encoding/Utf8.h"
#include "authcore/import/MigrationPayload.h"
#include "authcore/otp/Otp.h"
#include "session/TextKind.h"

#include <algorithm>

namespace authcore {

void Session::open(Vault vault)
{
	lock();
	_vault = std::move(vault);
}

void Session::lock() noexcept
{
	discardAll();
	discardMerge();
	_vault.lock();
}

void Session::requireUnlocked() const
{
	if (!_vault.isUnlocked())
		throw Error(ErrorKind::Locked, "", "the vault is locked");
}

const Vault& Session::vault() const
{
	return _vault;
}

CandidatePreview Session::stage(Account account, std::string group)
{
	account.validate();
	requireUtf8(account.issuer, "issuer");
	requireUtf8(account.name, "name");
	requireUtf8(group, "group");
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
	const std::string_view clean = trimmed(text);
	StagedText staged;
	staged.kind = classifyText(clean);
	switch (staged.kind) {
	case TextKind::Account: staged.candidates.push_back(stage(parseOtpauthUri(clean))); break;
	case TextKind::Migration: {
		MigrationPayload payload = parseMigrationUri(clean);
		for (auto& account : payload.accounts)
			staged.candidates.push_back(stage(std::move(account)));
		staged.problems = std::move(payload.problems);
		break;
	}
	case TextKind::Link:
	case TextKind::Text: staged.text = std::string(clean); break;
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
		makeSteamAccount(account);
		return stage(std::move(account), fields.group);
	}
	if (fields.algorithm)
		account.algorithm = hashAlgorithmNamed(*fields.algorithm, ErrorKind::InvalidArgument, "algorithm");
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

std::vector<CandidatePreview> Session::stageUris(std::span<const std::string> uris)
{
	requireUnlocked();
	const size_t before = _candidates.size();
	std::vector<CandidatePreview> previews;
	try {
		for (const auto& uri : uris)
			previews.push_back(stage(parseOtpauthUri(uri)));
	} catch (...) {
		for (auto c = _candidates.begin() + static_cast<std::ptrdiff_t>(before); c != _candidates.end(); ++c)
			wipeCandidate(*c);
		_candidates.resize(before);
		throw;
	}
	return previews;
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

void Session::wipeCandidate(Candidate& c) noexcept
{
	// The secret is a secure_vector, zeroed as it is freed; the labels are plain strings.
	for (std::string* text : {&c.account.issuer, &c.account.name, &c.group}) {
		secureWipe(*text);
		text->clear();
	}
}

void Session::discard(std::string_view id)
{
	candidate(id);
	abandon();
	const auto found = std::find_if(_candidates.begin(), _candidates.end(), [&](const Candidate& c) { return c.id == id; });
	wipeCandidate(*found);
	_candidates.erase(found);
}

void Session::discardAll() noexcept
{
	abandon();
	for (auto& c : _candidates)
		wipeCandidate(c);
	_candidates.clear();
}

} // namespace authcore
