#pragma once
// The vault file, format version 1 (docs/vault-format.md says the same in prose).
// All integers are unsigned big-endian.
//
//   offset  size  field
//   ------  ----  -------------------------------------------------------------------------------
//        0     8  magic          89 41 55 54 48 56 4C 54  ("\x89AUTHVLT"; the high byte catches
//                                7-bit and text-mode transfers, as PNG's does)
//        8     2  version        1
//       10     4  headerLength   H: bytes 0 .. H-1 are the header
//       14     2  flags          0; a flag this build does not know means "written by a newer
//                                version" (UnsupportedVersion)
//       16     8  revision       1 for a new vault, +1 on every save
//       24     4  payloadLength  n: length of the encrypted account list, without its tag
//       28     1  slotCount      1 .. 16
//       29        slots          slotCount times, together exactly filling bytes 29 .. H-1:
//                                  +0  1  type        1 = password (Argon2id), 2 = passkey (WebAuthn
//                                                     PRF); other types are kept byte for byte
//                                  +1  2  bodyLength  L
//                                  +3  L  body
//        H    32  headerDigest   SHA-256 of bytes 0 .. H-1. Not a MAC: it only tells a damaged
//                                file (IntegrityFailure) from a wrong password, since a damaged
//                                slot would otherwise look like one. Attackers are stopped by
//                                the two GCM tags below.
//     H+32    12  payloadNonce   random, fresh on every save
//     H+44     n  ciphertext     AES-256-GCM(masterKey, payloadNonce, ad = bytes 0 .. H-1,
//                                the account list as UTF-8 JSON)
//   H+44+n    16  payloadTag
//                 (end of file: nothing may follow)
//
//   Password slot body (type 1, L = 88):
//       +0     4  memoryKiB      Argon2id m
//       +4     4  iterations     Argon2id t
//       +8     4  parallelism    Argon2id p
//      +12    16  salt           random, fresh whenever the password is set
//      +28    12  nonce          random, fresh whenever the key is wrapped
//      +40    32  wrappedKey     AES-256-GCM(KEK, nonce, ad = magic, version, the slot's type,
//      +72    16  tag                        bodyLength and body bytes +0 .. +27, masterKey)
//                                where KEK = Argon2id(password, salt, m, t, p), 32 bytes
//
//   Passkey slot body (type 2, L = 95 + C + N; up to 15 per vault, beside the password slot):
//       +0    32  prfSalt        random; the WebAuthn PRF input ("prf.eval.first") for this passkey
//      +32     2  credentialIdLength  C, 1 .. 1023 (WebAuthn's limit)
//      +34     C  credentialId   the passkey's raw credential id, so the page can ask for this one
//    +34+C     1  nameLength     N, 1 .. 64
//    +35+C     N  name           UTF-8, chosen by the user ("Work laptop")
//    +35+C+N  12  nonce          random, fresh whenever the key is wrapped
//    +47+C+N  48  wrappedKey + tag  AES-256-GCM(KEK, nonce, ad = magic, version, the slot's type,
//                                bodyLength and every body byte before the nonce, masterKey)
//                                where KEK = HKDF-SHA256(ikm = PRF(prfSalt), 32 bytes from the
//                                authenticator; salt = prfSalt; info = kPasskeySlotKdfInfo), 32 bytes
//
// A reader checks, in this order: magic, version, headerLength within the file (MalformedFile),
// headerDigest (IntegrityFailure), flags, slots and total length (MalformedFile), the password
// slots (WrongPassword if none opens), the payload tag (IntegrityFailure), the JSON (MalformedFile).
// Unlocking with a passkey reads the passkey slots instead of the password slots (WrongPassword,
// field "passkey", if the one for this credential does not open); the password slot always stays.

#include <array>
#include <cstddef>
#include <cstdint>

namespace authcore::vaultformat {

inline constexpr std::array<uint8_t, 8> kMagic = {0x89, 'A', 'U', 'T', 'H', 'V', 'L', 'T'};
inline constexpr uint16_t kVersion = 1;

inline constexpr size_t kMagicOffset = 0;
inline constexpr size_t kVersionOffset = 8;
inline constexpr size_t kHeaderLengthOffset = 10;
inline constexpr size_t kFlagsOffset = 14;
inline constexpr size_t kRevisionOffset = 16;
inline constexpr size_t kPayloadLengthOffset = 24;
inline constexpr size_t kSlotCountOffset = 28;
inline constexpr size_t kSlotsOffset = 29;

inline constexpr size_t kSlotPrefixSize = 3; // type + bodyLength
inline constexpr size_t kMinSlots = 1;
inline constexpr size_t kMaxSlots = 16;
inline constexpr size_t kMinHeaderLength = kSlotsOffset + kSlotPrefixSize;

inline constexpr size_t kDigestSize = 32; // SHA-256
inline constexpr size_t kNonceSize = 12;  // GCM's natural nonce size
inline constexpr size_t kTagSize = 16;    // full-length GCM tag
inline constexpr size_t kKeySize = 32;    // AES-256
inline constexpr size_t kSaltSize = 16;

/// Smallest possible file after the header: digest, nonce and tag of an empty payload.
inline constexpr size_t kTrailerOverhead = kDigestSize + kNonceSize + kTagSize;

inline constexpr uint8_t kPasswordSlotType = 1;
inline constexpr size_t kPasswordSlotMemoryOffset = 0;
inline constexpr size_t kPasswordSlotIterationsOffset = 4;
inline constexpr size_t kPasswordSlotParallelismOffset = 8;
inline constexpr size_t kPasswordSlotSaltOffset = 12;
inline constexpr size_t kPasswordSlotNonceOffset = kPasswordSlotSaltOffset + kSaltSize;          // 28
inline constexpr size_t kPasswordSlotWrappedKeyOffset = kPasswordSlotNonceOffset + kNonceSize;    // 40
inline constexpr size_t kPasswordSlotBodySize = kPasswordSlotWrappedKeyOffset + kKeySize + kTagSize; // 88

inline constexpr uint8_t kPasskeySlotType = 2;
inline constexpr size_t kPrfSaltSize = 32;   // PRF input
inline constexpr size_t kPrfOutputSize = 32; // what the WebAuthn prf extension returns
inline constexpr size_t kPasskeySlotSaltOffset = 0;
inline constexpr size_t kPasskeySlotCredentialIdOffset = kPrfSaltSize; // the 2-byte length, then the id
inline constexpr size_t kMaxCredentialIdSize = 1023;
inline constexpr size_t kMaxPasskeyNameSize = 64;
/// Nonce and wrapped key close the body; everything before them is the slot's associated data.
inline constexpr size_t kPasskeySlotSealedSize = kNonceSize + kKeySize + kTagSize; // 60
inline constexpr size_t kPasskeySlotMinBodySize = kPrfSaltSize + 2 + 1 + 1 + 1 + kPasskeySlotSealedSize; // 97
inline constexpr char kPasskeySlotKdfInfo[] = "authcore vault v1 passkey slot key";

} // namespace authcore::vaultformat
