// Botan formats its error messages with Botan::Text_Builder instead of std::ostringstream in this
// build (cmake/botan/text_builder.h, swapped in by cmake/ThirdParty.cmake): the messages must read
// exactly as Botan writes them, text and numbers alike.

#include <botan/block_cipher.h>
#include <botan/cipher_mode.h>
#include <botan/exceptn.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

template <typename Action>
std::string messageOf(Action action)
{
	try {
		action();
	} catch (const Botan::Exception& e) {
		return e.what();
	}
	return "(nothing thrown)";
}

TEST(BotanTextBuilder, FormatsTextAndNumbersAsBotanDoes)
{
	EXPECT_EQ(messageOf([] {
				  auto aes = Botan::BlockCipher::create_or_throw("AES-256");
				  aes->set_key(std::vector<uint8_t>(5));
			  }),
			  "AES-256 cannot accept a key of length 5");
	EXPECT_EQ(messageOf([] { Botan::BlockCipher::create_or_throw("Serpent"); }), "Unavailable Block cipher Serpent");
}

TEST(BotanTextBuilder, BuildsCipherModeNames)
{
	// Cipher_Mode::create() assembles "GCM(AES-256,16)" from the parts of "AES-256/GCM(16)".
	const auto gcm = Botan::Cipher_Mode::create_or_throw("AES-256/GCM(16)", Botan::Cipher_Dir::Encryption);
	EXPECT_EQ(gcm->name(), "AES-256/GCM(16)");
	const auto cbc = Botan::Cipher_Mode::create_or_throw("AES-128/CBC/PKCS7", Botan::Cipher_Dir::Decryption);
	EXPECT_EQ(cbc->name(), "AES-128/CBC/PKCS7");
	EXPECT_EQ(messageOf([] { Botan::Cipher_Mode::create_or_throw("AES-128/XTS", Botan::Cipher_Dir::Encryption); }),
			  "Unavailable Cipher mode AES-128/XTS");
}

} // namespace
