#pragma once
// The seven accounts every shared importer fixture describes (shared/data/importers/README.md),
// and helpers to compare import results with them.

#include "TestData.h"

#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/import/Importer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace authcore::test {

inline std::string importerFixture(const std::string& name) { return sharedDataPath("importers/" + name); }

inline bool haveSharedImporters() { return std::filesystem::exists(importerFixture("plain.txt")); }

#define AUTHCORE_REQUIRE_SHARED_IMPORTERS()                                                                   \
	if (!authcore::test::haveSharedImporters())                                                              \
	GTEST_FAIL() << "shared/data/importers is absent (" AUTHCORE_SHARED_DATA_DIR "): lay shared/ beside the clone"

inline std::vector<uint8_t> readBytes(const std::string& path)
{
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw std::runtime_error("cannot open " + path);
	return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The README's table, written out here (not read from plain.txt) so that plain.txt is tested too.
inline std::vector<Account> sevenAccounts()
{
	const char* uris[] = {
		"otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&algorithm=SHA1&digits=6&period=30",
		"otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&algorithm=SHA256&digits=7&period=20",
		"otpauth://totp/Airbnb:Elijah?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA&algorithm=SHA512&digits=8&period=50",
		"otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&algorithm=SHA1&digits=6&counter=1",
		"otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&algorithm=SHA256&digits=7&counter=50",
		"otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&algorithm=SHA512&digits=8&counter=10300",
		"otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI",
	};
	std::vector<Account> accounts;
	for (const char* uri : uris)
		accounts.push_back(parseOtpauthUri(uri));
	return accounts;
}

inline std::vector<Account> sevenAccountsExcept(std::initializer_list<std::string_view> issuers)
{
	auto all = sevenAccounts();
	std::erase_if(all, [&](const Account& a) { return std::find(issuers.begin(), issuers.end(), a.issuer) != issuers.end(); });
	return all;
}

inline std::vector<Account> sortedByIssuer(std::vector<Account> accounts)
{
	std::sort(accounts.begin(), accounts.end(), [](const Account& a, const Account& b) {
		return std::tie(a.issuer, a.name) < std::tie(b.issuer, b.name);
	});
	return accounts;
}

/// Readable comparison: on a mismatch, gtest prints both lists as otpauth URIs.
inline std::vector<std::string> asUris(const std::vector<Account>& accounts)
{
	std::vector<std::string> uris;
	for (const Account& a : accounts)
		uris.push_back(toOtpauthUri(a));
	return uris;
}

inline void expectSameAccounts(std::vector<Account> actual, std::vector<Account> expected)
{
	EXPECT_EQ(asUris(sortedByIssuer(actual)), asUris(sortedByIssuer(expected)));
}

inline ErrorKind importErrorKind(const std::vector<uint8_t>& bytes, const std::string& fileName,
								 std::optional<std::string_view> password)
{
	try {
		importBytes(bytes, fileName, password);
	} catch (const Error& e) {
		return e.kind();
	}
	ADD_FAILURE() << fileName << ": expected an error, the import succeeded";
	return ErrorKind::InvalidArgument;
}

} // namespace authcore::test
