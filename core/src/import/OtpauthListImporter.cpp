// Plain text of otpauth:// URIs, one per line: our own export, Aegis' and 2FAS' URI exports, and
// Ente Auth's plain-text export, which is the same list with an extra codeDisplay parameter (JSON
// display state: pinned, tags...) on each URI that the parser ignores. The two are told apart only
// to name the source to the user.

#include "ImportSupport.h"
#include "Importers.h"

namespace authcore::importing {

namespace {

class OtpauthListImporter final : public Importer
{
public:
	explicit OtpauthListImporter(bool ente) : _ente(ente) {}

	std::string_view format() const noexcept override { return _ente ? "ente_auth" : "otpauth"; }

	bool detect(const ImportInput& input) const noexcept override
	{
		std::string_view text = asText(input.bytes);
		if (!firstLineStartsWith(text, "otpauth://"))
			return false;
		return (text.find("codeDisplay=") != std::string_view::npos) == _ente;
	}

	ImportResult read(const ImportInput& input, std::optional<std::string_view>) const override
	{
		ImportResult result;
		readOtpauthLines(asText(input.bytes), result);
		return result;
	}

private:
	bool _ente;
};

} // namespace

const Importer& enteAuthImporter()
{
	static const OtpauthListImporter importer(true);
	return importer;
}

const Importer& otpauthListImporter()
{
	static const OtpauthListImporter importer(false);
	return importer;
}

} // namespace authcore::importing
