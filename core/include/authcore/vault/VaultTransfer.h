#pragma once
// Moving a vault to another device by QR (docs/sync.md, "Move to another device"): the sending
// device shows a copy of its accounts under a fresh key whose only password is a short one-time
// code; the receiving device reads the copy's bytes from the QR sequence, the user types the code,
// and the copy is merged like a backup (Vault::mergeFrom). The copy never carries this vault's key
// or its password slots, so what the QR codes show opens with the code alone and with nothing
// the sender keeps.

#include "authcore/vault/KdfParams.h"
#include "authcore/vault/Vault.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace authcore {

/// Characters of a transfer code: Crockford's Base32 (no I, L, O, U, so nothing reads as another
/// character), 5 bits each; 10 of them are 50 bits, which Argon2id at the default cost puts out of
/// reach of guessing in the minutes a transfer takes, and far beyond.
inline constexpr std::string_view kTransferCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr size_t kTransferCodeLength = 10;

/// A new random transfer code: kTransferCodeLength characters of kTransferCodeAlphabet (from the
/// system's CSPRNG).
std::string newTransferCode();

/// The code as typed, in canonical form: case, spaces and dashes ignored, O read as 0 and I or L as
/// 1 (Crockford). Throws Error{InvalidArgument, "code"} when what is left is not
/// kTransferCodeLength characters of the alphabet.
std::string normalizeTransferCode(std::string_view typed);

/// A vault file holding `vault`'s accounts and recent deletes (ids and edit stamps kept, so the
/// receiver merges rather than duplicates) under a new random master key with one password slot for
/// `code` (canonical form). `kdf` is the slot's Argon2id cost (`floor` as for Vault::create(): only
/// tests go below it). Throws Error{Locked} for a locked vault and Error{InvalidArgument, "code"} for
/// a code not in canonical form.
std::vector<uint8_t> transferCopy(const Vault& vault, std::string_view code, const KdfParams& kdf = kDefaultKdf,
								  Vault::KdfFloor floor = Vault::KdfFloor::Enforced);

} // namespace authcore
