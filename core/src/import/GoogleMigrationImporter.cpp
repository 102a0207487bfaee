// Google Authenticator's export: one or more otpauth-migration:// URIs (from QR codes or a text file
// of them). Batches of one export are merged; missing batches are reported as problems with index -1.

#include "ImportSupport.h"
#include "Importers.h"

#include "authcore/import/MigrationPayload.h"

namespace authcore::importing {

namespace {

class GoogleMigrationImporter final : public Importer
{
public:
	std::string_view format() const noexcept override { return "google_migration"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		return firstLineStartsWith(asText(input.bytes), kMigrationUriPrefix);
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view>) const override
	{
		ImportResult result;
		MigrationCollector collector;
		std::string_view text = asText(input.bytes);
		int64_t line = 0;
		int batches = 0;
		while (!text.empty()) {
			size_t end = text.find('\n');
			std::string_view uri = text.substr(0, end);
			text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
			if (uri.find_first_not_of(" \t\r") == std::string_view::npos)
				continue;
			try {
				MigrationPayload payload = parseMigrationUri(uri);
				++batches;
				if (!collector.add(std::move(payload)))
					result.problems.push_back({line, "the same QR code was read twice; its accounts are taken once"});
			} catch (const Error& e) {
				result.problems.push_back({line, "QR code " + std::to_string(line + 1) + ": " + problemMessage(e)});
			}
			++line;
		}
		if (collector.empty())
			throw Error(ErrorKind::MalformedFile, "data", "no readable Google Authenticator migration data");

		MigrationPayload merged = collector.merged();
		result.accounts = std::move(merged.accounts);
		for (ImportProblem& problem : merged.problems)
			result.problems.push_back({problem.index, "account " + std::to_string(problem.index + 1) + ": " + problem.message});
		for (int missing : collector.missingBatches())
			result.problems.push_back({-1, "QR code " + std::to_string(missing + 1) + " of " +
											   std::to_string(merged.batch.batchSize) + " of this export is missing: scan it too"});
		if (batches == 1)
			result.migration = merged.batch;
		return result;
	}
};

} // namespace

const Importer& googleMigrationImporter()
{
	static const GoogleMigrationImporter importer;
	return importer;
}

} // namespace authcore::importing
