#include "authcore/Error.h"
#include "authcore/account/Account.h"

#include <gtest/gtest.h>

using namespace authcore;

namespace {

Account rfcAccount(OtpType type)
{
	Account account;
	const std::string seed = "12345678901234567890";
	account.secret.assign(seed.begin(), seed.end());
	account.type = type;
	return account;
}

std::string fieldOfValidationError(const Account& account)
{
	try {
		account.validate();
	} catch (const Error& e) {
		EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
		return e.field();
	}
	return "";
}

} // namespace

TEST(Account, GeneratesByType)
{
	Account totp = rfcAccount(OtpType::Totp);
	totp.digits = 8;
	EXPECT_EQ(generateCode(totp, 59), "94287082");

	Account hotp = rfcAccount(OtpType::Hotp);
	hotp.counter = 9;
	EXPECT_EQ(generateCode(hotp, 123456), "520489"); // time is ignored for HOTP

	Account steam = rfcAccount(OtpType::Steam);
	steam.digits = 5;
	EXPECT_EQ(generateCode(steam, 59).size(), 5u);
}

TEST(Account, ValidationNamesTheField)
{
	Account account = rfcAccount(OtpType::Totp);
	EXPECT_EQ(fieldOfValidationError(account), "");

	Account empty = account;
	empty.secret.clear();
	EXPECT_EQ(fieldOfValidationError(empty), "secret");

	Account digits = account;
	digits.digits = 11;
	EXPECT_EQ(fieldOfValidationError(digits), "digits");

	Account period = account;
	period.period = 0;
	EXPECT_EQ(fieldOfValidationError(period), "period");

	Account steam = rfcAccount(OtpType::Steam);
	EXPECT_EQ(fieldOfValidationError(steam), "type"); // 6 digits are not Steam
	EXPECT_THROW(generateCode(steam, 0), Error);
}

TEST(OtpType, Names)
{
	EXPECT_EQ(parseOtpType("TOTP"), OtpType::Totp);
	EXPECT_EQ(parseOtpType("hotp"), OtpType::Hotp);
	EXPECT_EQ(parseOtpType("Steam"), OtpType::Steam);
	EXPECT_FALSE(parseOtpType("motp"));
	EXPECT_EQ(toString(OtpType::Steam), "steam");
}
