"""Writes random OTP cases with the answers of otp_reference.py (Python's hmac and hashlib, no code of
ours), for OtpCrossCheckTest. It covers what oathtool cannot: digits 1-10 for every algorithm, HOTP
with SHA256/SHA512, empty and over-long secrets, and Steam Guard codes.

Before writing anything it checks the reference against the RFC 4226 and RFC 6238 tables, copied
here from the RFC text (not from tests/data, which the engine's own tests read), so a broken
reference cannot silently agree with a broken engine.

    python3 make_reference_vectors.py --count 10000 --out FILE [--seed N]
"""
import sys
import time

import otp_reference
import random_cases

RFC_SEEDS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}

# RFC 4226 Appendix D: counter -> (the 31-bit "Truncated Decimal", the 6-digit HOTP).
RFC4226 = [(1284755224, "755224"), (1094287082, "287082"), (137359152, "359152"), (1726969429, "969429"),
           (1640338314, "338314"), (868254676, "254676"), (1918287922, "287922"), (82162583, "162583"),
           (673399871, "399871"), (645520489, "520489")]

# RFC 6238 Appendix B: time -> 8-digit codes for SHA1, SHA256, SHA512 (30 s steps).
RFC6238 = {
    59: ("94287082", "46119246", "90693936"),
    1111111109: ("07081804", "68084774", "25091201"),
    1111111111: ("14050471", "67062674", "99943326"),
    1234567890: ("89005924", "91819424", "93441116"),
    2000000000: ("69279037", "90698825", "38618901"),
    20000000000: ("65353130", "77737706", "47863826"),
}


def check_against_rfc() -> list[str]:
    errors = []
    for counter, (truncated, code) in enumerate(RFC4226):
        if otp_reference.truncated(RFC_SEEDS["SHA1"], counter, "SHA1") != truncated:
            errors.append(f"RFC 4226 truncated value at counter {counter}")
        if otp_reference.hotp(RFC_SEEDS["SHA1"], counter, "SHA1", 6) != code:
            errors.append(f"RFC 4226 HOTP at counter {counter}")
        # RFC 4226 section 5.3 defines the code as Snum mod 10^Digit. For 10 digits that is the whole
        # 31-bit value (below 2^31 < 10^10), left-padded with zeros: counter 2 gives "0137359152".
        if otp_reference.hotp(RFC_SEEDS["SHA1"], counter, "SHA1", 10) != f"{truncated:010d}":
            errors.append(f"10-digit HOTP at counter {counter}")
    for unix_time, codes in RFC6238.items():
        for algorithm, code in zip(("SHA1", "SHA256", "SHA512"), codes):
            if otp_reference.totp(RFC_SEEDS[algorithm], unix_time, 30, algorithm, 8) != code:
                errors.append(f"RFC 6238 {algorithm} at time {unix_time}")
    return errors


def random_case(rng) -> dict:
    # 0 bytes (HMAC allows an empty key) to beyond SHA-512's 128-byte block, where HMAC hashes the key.
    secret = random_cases.random_secret(rng, 0, 200)
    kind = rng.random()
    if kind < 0.15:
        unix_time = random_cases.random_unix_time(rng)
        return {"Secret": secret.hex(), "Type": "steam", "Time": unix_time,
                "Code": otp_reference.steam(secret, unix_time)}
    algorithm = rng.choice(["SHA1", "SHA256", "SHA512"])
    digits = rng.randint(1, 10)
    if kind < 0.6:
        period = random_cases.random_period(rng)
        unix_time = random_cases.random_unix_time(rng)
        code = otp_reference.totp(secret, unix_time, period, algorithm, digits)
        fields = {"Type": "totp", "Algorithm": algorithm, "Period": period, "Time": unix_time}
    else:
        counter = random_cases.random_counter(rng)
        code = otp_reference.hotp(secret, counter, algorithm, digits)
        fields = {"Type": "hotp", "Algorithm": algorithm, "Counter": counter}
    return {"Secret": secret.hex(), **fields, "Digits": digits, "Code": code}


def main() -> int:
    args = random_cases.parse_args(__doc__, default_count=10000)
    errors = check_against_rfc()
    if errors:
        print("otp_reference.py disagrees with the RFC: " + "; ".join(errors), file=sys.stderr)
        return 1
    seed, rng = random_cases.seeded_rng(args, "reference vectors")
    started = time.monotonic()
    records = [random_cases.record(random_case(rng)) for _ in range(args.count)]
    random_cases.write_records(args.out, f"otp_reference.py vectors, seed {seed}", records)
    print(f"reference vectors: RFC 4226/6238 tables agree; {len(records)} cases in "
          f"{time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
