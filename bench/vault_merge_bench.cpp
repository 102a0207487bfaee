// Merging two devices' copies of a 1,000-account vault (bench/merge.mjs runs the native and the wasm
// build of this program). Device B starts as a copy of A, then renames 100 accounts, deletes 50 and
// adds 50. Prints one JSON object with median milliseconds of:
//   merge_ms       mergeVaultContents(A, B): the pure merge;
//   merge_save_ms  Vault::mergeFrom(B) on the unlocked A: merge, JSON, AES-GCM, the new file (what the
//                  page waits for after the Argon2 unlock of the incoming file).

#include "authcore/vault/Vault.h"
#include "authcore/vault/VaultMerge.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

constexpr size_t kAccounts = 1000;
constexpr const char* kPassword = "merge bench";

// A distinct 160-bit secret per account (splitmix64 of its number), as Base32.
std::string base32Of(size_t n)
{
	static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	uint64_t state = n;
	std::string text;
	for (int word = 0; word < 4; ++word) {
		uint64_t z = (state += 0x9E3779B97F4A7C15ull);
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
		z ^= z >> 31;
		for (int i = 0; i < 8; ++i, z >>= 5)
			text += alphabet[z & 31];
	}
	return text;
}

std::string uriOf(size_t n)
{
	return "otpauth://totp/Issuer%20" + std::to_string(n) + ":user" + std::to_string(n) + "@example.lv?secret=" + base32Of(n) +
		   "&issuer=Issuer%20" + std::to_string(n);
}

double medianMs(std::vector<double> times)
{
	std::sort(times.begin(), times.end());
	return times[times.size() / 2];
}

} // namespace

int main()
{
	using Clock = std::chrono::steady_clock;
	std::vector<std::string> uris;
	for (size_t i = 0; i < kAccounts; ++i)
		uris.push_back(uriOf(i));
	authcore::Vault a = authcore::Vault::create(kPassword, {64, 1, 1}, authcore::Vault::KdfFloor::NotEnforced);
	a.importUris(uris);
	const std::vector<uint8_t> fileA = a.file();
	const authcore::VaultContents contentsA = a.contents();

	authcore::VaultContents b = contentsA;
	int64_t stamp = 0;
	for (const auto& entry : b.entries)
		stamp = std::max(stamp, entry.stamps.latest());
	for (size_t i = 0; i < 100; ++i) {
		auto& entry = b.entries[i * 7];
		entry.account.name += " (renamed)";
		entry.stamps.name = ++stamp;
	}
	for (size_t i = 0; i < 50; ++i) {
		const size_t index = b.entries.size() - 1 - i * 3;
		b.tombstones.push_back({b.entries[index], ++stamp});
		b.entries.erase(b.entries.begin() + static_cast<std::ptrdiff_t>(index));
	}
	{
		authcore::Vault other = authcore::Vault::create(kPassword, {64, 1, 1}, authcore::Vault::KdfFloor::NotEnforced);
		std::vector<std::string> more;
		for (size_t i = kAccounts; i < kAccounts + 50; ++i)
			more.push_back(uriOf(i));
		other.importUris(more);
		for (const auto& entry : other.contents().entries)
			b.entries.push_back(entry);
	}

	std::vector<double> pure, withSave;
	size_t listed = 0;
	for (int run = 0; run < 15; ++run) {
		const auto t0 = Clock::now();
		const auto merged = authcore::mergeVaultContents(contentsA, b);
		const auto t1 = Clock::now();
		listed = merged.entries.size();
		pure.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());

		authcore::Vault vault = authcore::Vault::unlock(fileA, kPassword);
		const auto t2 = Clock::now();
		const auto changes = vault.mergeFrom(b);
		const auto t3 = Clock::now();
		withSave.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
		if (changes.added.size() != 50 || changes.deleted.size() != 50 || changes.updated.size() != 100) {
			std::fprintf(stderr, "unexpected merge: added %zu, updated %zu, deleted %zu\n", changes.added.size(),
						 changes.updated.size(), changes.deleted.size());
			return 1;
		}
	}
	std::printf("{\"accounts\": %zu, \"listed_after\": %zu, \"merge_ms\": %.3f, \"merge_save_ms\": %.3f}\n", kAccounts, listed,
				medianMs(pure), medianMs(withSave));
	return 0;
}
