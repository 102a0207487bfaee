// authcore: the core's command-line face, identical natively and under Node (build/wasm/authcore.js).

#include "Command.h"

#include "authcore/Error.h"

#include <cstdio>
#include <iostream>
#include <map>

namespace authcore::cli {

int usageError(const std::string& message)
{
	std::cerr << "authcore: " << message << "\n";
	return kExitInvalidInput;
}

namespace {

constexpr const char* kUsage = R"(usage: authcore COMMAND ...
  code URI [--time UNIX_SECONDS] [--counter N]   print the current (or given) code
  parse URI                                      print the account as one line of JSON
exit codes: 0 ok, 1 nothing found, 2 invalid input, 3 wrong password or integrity failure
)";

int exitCodeFor(ErrorKind kind)
{
	switch (kind) {
	case ErrorKind::NoCodeFound: return kExitNothingFound;
	case ErrorKind::WrongPassword:
	case ErrorKind::IntegrityFailure: return kExitWrongPassword;
	default: return kExitInvalidInput;
	}
}

} // namespace

} // namespace authcore::cli

int main(int argc, char** argv)
{
	using namespace authcore::cli;
	using Runner = int (*)(const Arguments&);
	static const std::map<std::string, Runner> commands = {
		{"code", runCode},
		{"parse", runParse},
	};

	if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
		std::cout << kUsage;
		return argc < 2 ? kExitInvalidInput : kExitOk;
	}
	auto command = commands.find(argv[1]);
	if (command == commands.end())
		return usageError(std::string("unknown command '") + argv[1] + "' (see authcore --help)");

	Arguments args(argv + 2, argv + argc);
	try {
		return command->second(args);
	} catch (const authcore::Error& e) {
		std::string where = e.field().empty() ? "" : " (" + e.field() + ")";
		std::cerr << "authcore: " << authcore::toString(e.kind()) << where << ": " << e.what() << "\n";
		return exitCodeFor(e.kind());
	} catch (const std::exception& e) {
		std::cerr << "authcore: " << e.what() << "\n";
		return kExitInvalidInput;
	}
}
