// authcore vault create|list|merge: the page's encrypted backup file, on the command line. list and
// merge never drop a passkey slot (or any slot type this build does not know) of the file they read.

#include "authcore/SecureWipe.h"
#include "Command.h"
#include "WholeNumber.h"

#include "authcore/Error.h"
#include "authcore/account/OtpauthUri.h"
#include "authcore/vault/Vault.h"

#include <botan/mem_ops.h>
#include <botan/secmem.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace authcore::cli {

namespace {

constexpr const char* kUsage = "usage: authcore vault create FILE --password-file PW [--kdf-memory KIB] "
							   "[--kdf-iterations N] [--kdf-parallelism N]  |  authcore vault list FILE --password-file PW  |  "
							   "authcore vault merge FILE_A FILE_B --password-file PW [--password-file-b PW_B] --out FILE";

std::vector<uint8_t> readFile(const std::string& path, const char* what)
{
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw Error(ErrorKind::InvalidArgument, what, "cannot read '" + path + "'");
	return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The password file's bytes, less one trailing line break ("\n" or "\r\n"), which editors add.
Botan::secure_vector<char> readPassword(const std::string& path)
{
	auto bytes = readFile(path, "password-file");
	Botan::secure_vector<char> password(bytes.begin(), bytes.end());
	authcore::secureWipe(bytes);
	if (!password.empty() && password.back() == '\n') {
		password.pop_back();
		if (!password.empty() && password.back() == '\r')
			password.pop_back();
	}
	if (password.empty())
		throw Error(ErrorKind::InvalidArgument, "password-file", "the password file is empty");
	return password;
}

// Writes beside the target and renames, so an interrupted write never leaves half a vault.
void writeNewFile(const std::string& path, const std::vector<uint8_t>& bytes)
{
	const std::string temporary = path + ".tmp";
	std::FILE* out = std::fopen(temporary.c_str(), "wb");
	if (!out)
		throw Error(ErrorKind::InvalidArgument, "FILE", "cannot write '" + temporary + "'");
	const bool written = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
	if (std::fclose(out) != 0 || !written || std::rename(temporary.c_str(), path.c_str()) != 0) {
		std::remove(temporary.c_str());
		throw Error(ErrorKind::InvalidArgument, "FILE", "cannot write '" + path + "'");
	}
}

bool exists(const std::string& path)
{
	std::ifstream in(path, std::ios::binary);
	return static_cast<bool>(in);
}

struct Options
{
	std::string action, file, passwordFile;
	std::string fileB, passwordFileB, out; // merge only
	KdfParams kdf = kDefaultKdf;
	bool kdfGiven = false;
};

int runCreate(const Options& options)
{
	if (exists(options.file))
		return usageError("'" + options.file + "' already exists; it is not overwritten");
	const auto password = readPassword(options.passwordFile);

	// Every line must parse before anything is written: a vault missing one account is worse than none.
	std::vector<std::string> uris;
	std::string line;
	for (size_t number = 1; std::getline(std::cin, line); ++number) {
		if (line.find_first_not_of(" \t\r") == std::string::npos)
			continue;
		try {
			(void)parseOtpauthUri(line);
		} catch (const Error& e) {
			throw Error(e.kind(), e.field(), "line " + std::to_string(number) + ": " + e.what());
		}
		uris.push_back(line);
		authcore::secureWipe(line);
	}

	Vault vault = Vault::create({password.data(), password.size()}, options.kdf);
	const auto report = vault.importUris(uris);
	for (auto& uri : uris)
		authcore::secureWipe(uri);
	if (!report.duplicates.empty())
		throw Error(ErrorKind::Duplicate, "account",
					"input account " + std::to_string(report.duplicates.front() + 1) + " repeats an earlier one; nothing written");
	if (!report.problems.empty())
		throw Error(ErrorKind::InvalidUri, "uri", report.problems.front().second);
	writeNewFile(options.file, vault.file());
	std::cerr << "authcore: wrote " << vault.entries().size() << " accounts to " << options.file << "\n";
	return kExitOk;
}

int runList(const Options& options)
{
	const auto file = readFile(options.file, "FILE");
	const auto password = readPassword(options.passwordFile);
	const Vault vault = Vault::unlock(file, {password.data(), password.size()});
	for (const auto& entry : vault.entries()) {
		std::string uri = toOtpauthUri(entry.account);
		std::cout << uri << "\n";
		authcore::secureWipe(uri);
	}
	// Passkey slots are kept as they are (this tool cannot run WebAuthn); say they are there.
	const auto passkeys = vault.passkeys();
	if (!passkeys.empty()) {
		std::cerr << "authcore: " << passkeys.size() << (passkeys.size() == 1 ? " passkey" : " passkeys")
				  << " can also unlock this vault:";
		for (size_t i = 0; i < passkeys.size(); ++i)
			std::cerr << (i ? ", " : " ") << passkeys[i].name;
		std::cerr << "\n";
	}
	return kExitOk;
}

// Says which of the two files failed: "FILE_B: the password is not correct".
Vault openNamed(const std::vector<uint8_t>& file, const Botan::secure_vector<char>& password, const char* name)
{
	try {
		return Vault::unlock(file, {password.data(), password.size()});
	} catch (const Error& e) {
		throw Error(e.kind(), e.field(), std::string(name) + ": " + e.what());
	}
}

// Both vaults are opened (and so checked) before anything is written; the result carries A's key
// slots, so A's password opens it.
int runMerge(const Options& options)
{
	if (options.out != options.file && exists(options.out))
		return usageError("'" + options.out + "' already exists; it is not overwritten (only FILE_A may be the output)");
	const auto fileA = readFile(options.file, "FILE_A");
	const auto fileB = readFile(options.fileB, "FILE_B");
	const auto password = readPassword(options.passwordFile);
	Vault a = openNamed(fileA, password, "FILE_A");
	const auto passwordB = options.passwordFileB.empty() ? password : readPassword(options.passwordFileB);
	const Vault b = openNamed(fileB, passwordB, "FILE_B");
	const MergeChanges changes = a.mergeFrom(b.contents());
	writeNewFile(options.out, a.file());
	std::cout << "added " << changes.added.size() << ", updated " << changes.updated.size() << ", deleted "
			  << changes.deleted.size() << ", unchanged " << changes.unchanged << "\n";
	return kExitOk;
}

int runVault(const Arguments& args)
{
	Options options;
	for (size_t i = 0; i < args.size(); ++i) {
		const std::string& arg = args[i];
		const bool takesValue = arg == "--password-file" || arg == "--password-file-b" || arg == "--out" || arg.starts_with("--kdf-");
		if (takesValue && i + 1 >= args.size())
			return usageError(arg + " needs a value");
		if (arg == "--password-file") {
			options.passwordFile = args[++i];
		} else if (arg == "--password-file-b") {
			options.passwordFileB = args[++i];
		} else if (arg == "--out") {
			options.out = args[++i];
		} else if (arg == "--kdf-memory" || arg == "--kdf-iterations" || arg == "--kdf-parallelism") {
			uint32_t& target = arg == "--kdf-memory"       ? options.kdf.memoryKiB
							   : arg == "--kdf-iterations" ? options.kdf.iterations
														   : options.kdf.parallelism;
			if (!parseWholeNumber(args[++i], target))
				return usageError(arg + " takes a whole number, got '" + args[i] + "'");
			options.kdfGiven = true;
		} else if (arg.starts_with("--")) {
			return usageError("unknown option '" + arg + "'");
		} else if (options.action.empty()) {
			options.action = arg;
		} else if (options.file.empty()) {
			options.file = arg;
		} else if (options.action == "merge" && options.fileB.empty()) {
			options.fileB = arg;
		} else {
			return usageError("unexpected argument '" + arg + "'");
		}
	}
	if (options.file.empty() || options.passwordFile.empty() ||
		(options.action != "create" && options.action != "list" && options.action != "merge"))
		return usageError(kUsage);
	if (options.action != "create" && options.kdfGiven)
		return usageError("--kdf-* options are for create: a vault keeps its own parameters");
	const bool mergeOptions = !options.fileB.empty() || !options.out.empty() || !options.passwordFileB.empty();
	if (options.action == "merge" && (options.fileB.empty() || options.out.empty()))
		return usageError(kUsage);
	if (options.action != "merge" && mergeOptions)
		return usageError("--out and --password-file-b are for merge");
	if (options.action == "merge")
		return runMerge(options);
	return options.action == "create" ? runCreate(options) : runList(options);
}

const CommandRegistration registration(
	"vault", runVault,
	"vault create FILE --password-file PW   read otpauth:// URIs (one a line) from stdin into a new encrypted vault\n"
	"  vault list FILE --password-file PW     print the vault's accounts as otpauth:// URIs\n"
	"  vault merge FILE_A FILE_B --password-file PW [--password-file-b PW_B] --out FILE\n"
	"                                         merge B's accounts into A's (A's password opens the result); prints\n"
	"                                         'added N, updated N, deleted N, unchanged N'");

} // namespace

} // namespace authcore::cli
