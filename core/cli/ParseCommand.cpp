#include "Command.h"

#include "authcore/account/OtpauthUri.h"
#include "authcore/encoding/Base32.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace authcore::cli {

namespace {

int runParse(const Arguments& args)
{
	if (args.size() != 1)
		return usageError("usage: authcore parse URI");
	const Account account = parseOtpauthUri(args[0]);

	nlohmann::ordered_json json;
	json["type"] = toString(account.type);
	json["issuer"] = account.issuer;
	json["account"] = account.name;
	json["secret"] = encodeBase32(account.secret);
	json["algorithm"] = toString(account.algorithm);
	json["digits"] = account.digits;
	if (account.type == OtpType::Hotp)
		json["counter"] = account.counter;
	else
		json["period"] = account.period;
	std::cout << json.dump() << "\n";
	return kExitOk;
}

const CommandRegistration registration("parse", runParse, "parse URI   print the account as one line of JSON");

} // namespace

} // namespace authcore::cli
