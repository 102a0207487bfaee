#pragma once
// The subcommands of the `authcore` tool. Each returns the process exit code:
//   0 success, 1 nothing found, 2 invalid input, 3 wrong password or failed integrity check.

#include <string>
#include <vector>

namespace authcore::cli {

using Arguments = std::vector<std::string>;

inline constexpr int kExitOk = 0;
inline constexpr int kExitNothingFound = 1;
inline constexpr int kExitInvalidInput = 2;
inline constexpr int kExitWrongPassword = 3;

int runCode(const Arguments& args);
int runParse(const Arguments& args);

/// Prints "authcore: <message>" on stderr and returns kExitInvalidInput.
int usageError(const std::string& message);

} // namespace authcore::cli
