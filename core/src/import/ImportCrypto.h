#pragma once
// The ciphers and key derivations other apps encrypt their exports with, in one file (as Aegis keeps
// CryptoUtils): AES-GCM and PBKDF2, with their failures typed (wrong password vs. corrupt file) and
// key derivation charged to the file's KdfBudget.

#include "authcore/Error.h"
#include "authcore/kdf/KdfBudget.h"

#include <botan/secmem.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace authcore::importing {

/// Throws Error{PasswordRequired} when an encrypted file comes without a password.
std::string_view requirePassword(std::optional<std::string_view> password, std::string_view format);

/// AES-256-GCM (or AES-128 by key length) with a 16-byte tag appended to the ciphertext.
/// An authentication failure throws Error{failure, field}: WrongPassword where the key came straight
/// from the password, IntegrityFailure where a verified key opened a corrupt payload.
Botan::secure_vector<uint8_t> gcmDecrypt(std::span<const uint8_t> key, std::span<const uint8_t> nonce,
										 std::span<const uint8_t> ciphertextAndTag, ErrorKind failure,
										 const std::string& field);

/// PBKDF2-HMAC(hash) where hash is "SHA-1" or "SHA-256", after charging its cost to `budget` (one
/// budget per file: Error{KdfTooCostly} before any work when the file asks for too much).
Botan::secure_vector<uint8_t> pbkdf2(KdfBudget& budget, std::string_view hash, std::string_view password,
									 std::span<const uint8_t> salt, size_t iterations, size_t keyLength);

} // namespace authcore::importing
