#pragma once
// Paths and known-answer files for the tests. Vector files follow Botan's .vec habit:
// "# comment", "[Section]", and "Key = Value" lines; a blank line ends a record.

#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace authcore::test {

inline std::string testDataPath(const std::string& relative) { return std::string(AUTHCORE_TEST_DATA_DIR) + "/" + relative; }
inline std::string sharedDataPath(const std::string& relative) { return std::string(AUTHCORE_SHARED_DATA_DIR) + "/" + relative; }

struct VectorRecord
{
	std::string section;
	std::map<std::string, std::string> values;
	const std::string& at(const std::string& key) const { return values.at(key); }
};

inline std::vector<VectorRecord> readVectorFile(const std::string& path)
{
	std::ifstream in(path);
	if (!in)
		throw std::runtime_error("cannot open " + path);
	std::vector<VectorRecord> records;
	VectorRecord current;
	std::string line;
	auto flush = [&] {
		if (!current.values.empty())
			records.push_back(current);
		current.values.clear();
	};
	while (std::getline(in, line)) {
		if (!line.empty() && line.back() == '\r')
			line.pop_back();
		if (line.empty()) {
			flush();
			continue;
		}
		if (line[0] == '#')
			continue;
		if (line[0] == '[') {
			flush();
			current.section = line.substr(1, line.find(']') - 1);
			continue;
		}
		auto eq = line.find(" = ");
		if (eq == std::string::npos)
			throw std::runtime_error("bad line in " + path + ": " + line);
		current.values[line.substr(0, eq)] = line.substr(eq + 3);
	}
	flush();
	return records;
}

} // namespace authcore::test
