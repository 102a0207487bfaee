// Bitwarden's CSV export: a header row naming the columns (folder, favorite, type, name, notes,
// fields, login_uri, login_username, login_password, login_totp, ...), then one row per item, in
// RFC 4180 quoting (fields with commas, quotes or line breaks are quoted, quotes doubled).
// Rows are numbered from 0 after the header.

#include "ImportSupport.h"
#include "Importers.h"

#include <algorithm>
#include <vector>

namespace authcore::importing {

namespace {

using Row = std::vector<std::string>;

// Splits RFC 4180 CSV. An unterminated quote is a truncated file.
std::vector<Row> parseCsv(std::string_view text)
{
	std::vector<Row> rows;
	Row row;
	std::string fieldText;
	bool quoted = false, rowHasContent = false;
	for (size_t i = 0; i < text.size(); ++i) {
		char c = text[i];
		if (quoted) {
			if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
				fieldText.push_back('"');
				++i;
			} else if (c == '"') {
				quoted = false;
			} else {
				fieldText.push_back(c);
			}
			continue;
		}
		if (c == '"') {
			quoted = true;
			rowHasContent = true;
		} else if (c == ',') {
			row.push_back(std::move(fieldText));
			fieldText.clear();
			rowHasContent = true;
		} else if (c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
				++i;
			if (rowHasContent || !fieldText.empty()) {
				row.push_back(std::move(fieldText));
				rows.push_back(std::move(row));
			}
			row.clear();
			fieldText.clear();
			rowHasContent = false;
		} else {
			fieldText.push_back(c);
			rowHasContent = true;
		}
	}
	if (quoted)
		throw Error(ErrorKind::MalformedFile, "file", "the CSV file ends inside a quoted field (truncated?)");
	if (rowHasContent || !fieldText.empty()) {
		row.push_back(std::move(fieldText));
		rows.push_back(std::move(row));
	}
	return rows;
}

std::string_view firstLine(std::string_view text)
{
	return text.substr(0, text.find_first_of("\r\n"));
}

class BitwardenCsvImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "bitwarden_csv"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		std::string_view header = firstLine(asText(input.bytes));
		return header.find("login_totp") != std::string_view::npos && header.find(',') != std::string_view::npos;
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view>) const override
	{
		std::vector<Row> rows = parseCsv(asText(input.bytes));
		if (rows.empty())
			throw Error(ErrorKind::MalformedFile, "file", "the CSV file is empty");
		const Row& header = rows.front();
		auto column = [&](std::string_view name) -> std::optional<size_t> {
			auto it = std::find(header.begin(), header.end(), name);
			return it == header.end() ? std::nullopt : std::optional<size_t>(static_cast<size_t>(it - header.begin()));
		};
		auto totpColumn = column("login_totp");
		if (!totpColumn)
			throw Error(ErrorKind::MalformedFile, "login_totp", "the CSV file has no login_totp column");
		auto nameColumn = column("name"), userColumn = column("login_username");

		ImportResult result;
		for (size_t r = 1; r < rows.size(); ++r) {
			const Row& row = rows[r];
			auto cell = [&](std::optional<size_t> c) { return c && *c < row.size() ? row[*c] : std::string(); };
			int64_t index = static_cast<int64_t>(r - 1);
			std::string totp = cell(totpColumn);
			if (totp.empty())
				continue;
			try {
				Account account = accountFromTotpField(totp);
				if (account.issuer.empty())
					account.issuer = cell(nameColumn);
				if (account.name.empty())
					account.name = cell(userColumn);
				addAccount(result, index, std::move(account));
			} catch (const Error& e) {
				result.problems.push_back({index, problemMessage(e)});
			}
			std::fill(totp.begin(), totp.end(), '\0');
		}
		for (Row& row : rows)
			for (std::string& text : row)
				std::fill(text.begin(), text.end(), '\0'); // the rows held passwords too
		return result;
	}
};

} // namespace

const Importer& bitwardenCsvImporter()
{
	static const BitwardenCsvImporter importer;
	return importer;
}

} // namespace authcore::importing
