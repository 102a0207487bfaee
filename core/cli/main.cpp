// authcore: the core's command-line face, identical natively and under Node (build/wasm/authcore.js).

#include "Command.h"

#include "authcore/Error.h"

#include <iostream>

namespace authcore::cli {

std::map<std::string, CommandInfo>& commandTable()
{
	static std::map<std::string, CommandInfo> table;
	return table;
}

int usageError(const std::string& message)
{
	std::cerr << "authcore: " << message << "\n";
	return kExitInvalidInput;
}

namespace {

void printUsage(std::ostream& out)
{
	out << "usage: authcore COMMAND ...\n";
	for (const auto& [name, info] : commandTable())
		out << "  " << info.usage << "\n";
	out << "exit codes: 0 ok, 1 nothing found, 2 invalid input, 3 wrong or missing password, or integrity failure\n";
}

int exitCodeFor(ErrorKind kind)
{
	switch (kind) {
	case ErrorKind::NoCodeFound: return kExitNothingFound;
	case ErrorKind::WrongPassword:
	case ErrorKind::PasswordRequired:
	case ErrorKind::IntegrityFailure: return kExitWrongPassword;
	default: return kExitInvalidInput;
	}
}

} // namespace

} // namespace authcore::cli

int main(int argc, char** argv)
{
	using namespace authcore::cli;
	if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
		printUsage(argc < 2 ? std::cerr : std::cout);
		return argc < 2 ? kExitInvalidInput : kExitOk;
	}
	auto command = commandTable().find(argv[1]);
	if (command == commandTable().end())
		return usageError(std::string("unknown command '") + argv[1] + "' (see authcore --help)");

	Arguments args(argv + 2, argv + argc);
	try {
		return command->second.run(args);
	} catch (const authcore::Error& e) {
		std::string where = e.field().empty() ? "" : " (" + e.field() + ")";
		std::cerr << "authcore: " << authcore::toString(e.kind()) << where << ": " << e.what() << "\n";
		return exitCodeFor(e.kind());
	} catch (const std::exception& e) {
		std::cerr << "authcore: " << e.what() << "\n";
		return kExitInvalidInput;
	}
}
