// authcore import FILE [--password-file PW]: reads another authenticator's export and prints its
// accounts as otpauth:// URIs, one per line. Problems go to stderr. Exit 0 when every entry was
// read, 2 when some were not or the file is unknown or malformed, 3 for a missing or wrong password.

#include "authcore/SecureWipe.h"
#include "Command.h"

#include "authcore/account/OtpauthUri.h"
#include "authcore/import/Importer.h"

#include <botan/mem_ops.h>

#include <fstream>
#include <iostream>
#include <iterator>

namespace authcore::cli {

namespace {

bool readFile(const std::string& path, std::vector<uint8_t>& out)
{
	std::ifstream in(path, std::ios::binary);
	if (!in)
		return false;
	out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
	return !in.bad();
}

std::string baseName(const std::string& path)
{
	size_t slash = path.find_last_of('/');
	return slash == std::string::npos ? path : path.substr(slash + 1);
}

int runImport(const Arguments& args)
{
	std::string file, passwordFile;
	for (size_t i = 0; i < args.size(); ++i) {
		if (args[i] == "--password-file") {
			if (i + 1 >= args.size())
				return usageError("--password-file needs a file name");
			passwordFile = args[++i];
		} else if (file.empty()) {
			file = args[i];
		} else {
			return usageError("unexpected argument '" + args[i] + "'");
		}
	}
	if (file.empty())
		return usageError("usage: authcore import FILE [--password-file PW]");

	std::vector<uint8_t> bytes;
	if (!readFile(file, bytes))
		return usageError("cannot read '" + file + "'");
	std::optional<std::string> password;
	if (!passwordFile.empty()) {
		std::vector<uint8_t> pw;
		if (!readFile(passwordFile, pw))
			return usageError("cannot read the password file '" + passwordFile + "'");
		password.emplace(pw.begin(), pw.end());
		authcore::secureWipe(pw);
		// A password file written by `echo` ends with a newline that is not part of the password.
		while (!password->empty() && (password->back() == '\n' || password->back() == '\r'))
			password->pop_back();
	}

	std::optional<std::string_view> typed;
	if (password)
		typed = *password;
	ImportResult result = importBytes(bytes, baseName(file), typed);
	if (password)
		authcore::secureWipe(*password);
	authcore::secureWipe(bytes);

	for (const Account& account : result.accounts)
		std::cout << toOtpauthUri(account) << "\n";
	std::cerr << "authcore: read " << result.accounts.size() << " account(s) from a " << result.format << " file\n";
	for (const ImportProblem& problem : result.problems) {
		if (problem.index >= 0)
			std::cerr << "authcore: entry " << problem.index + 1 << ": " << problem.message << "\n";
		else
			std::cerr << "authcore: " << problem.message << "\n";
	}
	return result.problems.empty() ? kExitOk : kExitInvalidInput;
}

const CommandRegistration registration(
	"import", runImport,
	"import FILE [--password-file PW]   print the accounts of another app's export as otpauth URIs");

} // namespace

} // namespace authcore::cli
