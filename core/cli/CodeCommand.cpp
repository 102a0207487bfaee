#include "Command.h"
#include "WholeNumber.h"

#include "authcore/account/OtpauthUri.h"

#include <chrono>
#include <iostream>

namespace authcore::cli {

namespace {

int runCode(const Arguments& args)
{
	std::string uri;
	int64_t time = std::chrono::duration_cast<std::chrono::seconds>(
					   std::chrono::system_clock::now().time_since_epoch())
					   .count();
	bool counterGiven = false;
	uint64_t counter = 0;

	for (size_t i = 0; i < args.size(); ++i) {
		const std::string& arg = args[i];
		if ((arg == "--time" || arg == "--counter") && i + 1 >= args.size())
			return usageError(arg + " needs a value");
		if (arg == "--time") {
			if (!parseWholeNumber(args[++i], time) || time < 0)
				return usageError("--time takes non-negative Unix seconds, got '" + args[i] + "'");
		} else if (arg == "--counter") {
			if (!parseWholeNumber(args[++i], counter))
				return usageError("--counter takes a non-negative whole number, got '" + args[i] + "'");
			counterGiven = true;
		} else if (uri.empty()) {
			uri = arg;
		} else {
			return usageError("unexpected argument '" + arg + "'");
		}
	}
	if (uri.empty())
		return usageError("usage: authcore code URI [--time UNIX_SECONDS] [--counter N]");

	Account account = parseOtpauthUri(uri);
	if (counterGiven)
		account.counter = counter;
	std::cout << generateCode(account, time) << "\n";
	return kExitOk;
}

const CommandRegistration registration(
	"code", runCode,
	"code URI [--time UNIX_SECONDS] [--counter N]   print the code (TOTP now or at --time, HOTP at the counter)");

} // namespace

} // namespace authcore::cli
