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
//                                  +0  1  type        1 = password (Argon2id); other types are
//                                                     kept byte for byte but not used
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
// A reader checks, in this order: magic, version, headerLength within the file (MalformedFile),
// headerDigest (IntegrityFailure), flags, slots and total length (MalformedFile), the password
// slots (WrongPassword if none opens), the payload tag (IntegrityFailure), the JSON (MalformedFile).

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

} // namespace authcore::vaultformat
