#pragma once
// The subcommands of the `authcore` tool. Each lives in its own file and registers itself with a
// static CommandRegistration, so adding a command touches no shared file. A command returns the
// process exit code:
//   0 success, 1 nothing found, 2 invalid input, 3 wrong password or failed integrity check.
// Errors thrown as authcore::Error are turned into these codes and a one-line message by main().

#include <map>
#include <string>
#include <vector>

namespace authcore::cli {

using Arguments = std::vector<std::string>;
using Runner = int (*)(const Arguments&);

inline constexpr int kExitOk = 0;
inline constexpr int kExitNothingFound = 1;
inline constexpr int kExitInvalidInput = 2;
inline constexpr int kExitWrongPassword = 3;

struct CommandInfo
{
	Runner run;
	std::string usage; // one line: "code URI [--time UNIX_SECONDS] [--counter N]   print ..."
};

/// All registered commands by name.
std::map<std::string, CommandInfo>& commandTable();

struct CommandRegistration
{
	CommandRegistration(const std::string& name, Runner run, std::string usage)
	{
		commandTable()[name] = CommandInfo{run, std::move(usage)};
	}
};

/// Prints "authcore: <message>" on stderr and returns kExitInvalidInput.
int usageError(const std::string& message);

} // namespace authcore::cli
