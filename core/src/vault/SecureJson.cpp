#include "SecureJson.h"

namespace authcore {

SecureJson parseSecureJson(std::string_view text)
{
	// nlohmann's parser and DOM builder, driven directly: basic_json::parse() would also
	// instantiate the builder with callbacks, and sax_parse() the readers of CBOR, BSON and the
	// rest. Without exceptions the builder answers false on any error.
	using Input = nlohmann::detail::iterator_input_adapter<const char*>;
	nlohmann::detail::parser<SecureJson, Input> parser(nlohmann::detail::input_adapter(text.data(), text.data() + text.size()),
													   nullptr, /*allow_exceptions_=*/false);
	SecureJson document;
	nlohmann::detail::json_sax_dom_parser<SecureJson> builder(document, /*allow_exceptions_=*/false);
	if (!parser.sax_parse(&builder, /*strict=*/true))
		return SecureJson(SecureJson::value_t::discarded);
	return document;
}

} // namespace authcore
