"""Writes random OTP cases with oathtool's answers, for OtpCrossCheckTest.

Each case: a random secret (1-64 bytes), TOTP (SHA1/SHA256/SHA512, 6-8 digits, period 1 s to 2^32-1 s,
time up to the year 2500) or HOTP (SHA1, 6-8 digits, 64-bit counter); oathtool computes the code.
One oathtool process per case, run concurrently: each spends most of its time starting up, not
computing, so a pool of a few workers per core keeps 10,000 cases within seconds.

    python3 make_oathtool_vectors.py --count 10000 --out FILE [--seed N] [--workers N]
"""
import concurrent.futures
import os
import shutil
import subprocess
import sys
import time

import random_cases


def random_case(rng) -> tuple[list[str], dict]:
    secret = random_cases.random_secret(rng, 1, 64)
    digits = rng.randint(6, 8)
    if rng.random() < 0.7:
        algorithm = rng.choice(["SHA1", "SHA256", "SHA512"])
        period = random_cases.random_period(rng)
        unix_time = random_cases.random_unix_time(rng)
        command = ["oathtool", f"--totp={algorithm.lower()}", f"--digits={digits}",
                   f"--time-step-size={period}s", f"--now=@{unix_time}", secret.hex()]
        fields = {"Type": "totp", "Algorithm": algorithm, "Period": period, "Time": unix_time}
    else:
        counter = random_cases.random_counter(rng)
        command = ["oathtool", "--hotp", f"--digits={digits}", f"--counter={counter}", secret.hex()]
        fields = {"Type": "hotp", "Algorithm": "SHA1", "Counter": counter}
    return command, {"Secret": secret.hex(), **fields, "Digits": digits}


def oathtool_code(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def main() -> int:
    args = random_cases.parse_args(__doc__, default_count=10000,
                                   workers=4 * (os.cpu_count() or 1))
    if not shutil.which("oathtool"):
        print("oathtool is not installed (apt-get install oathtool, or tools/setup-debian.sh --test)", file=sys.stderr)
        return 1
    seed, rng = random_cases.seeded_rng(args, "oathtool vectors")
    # Every case is drawn before any process starts, so the seed alone fixes the cases.
    cases = [random_case(rng) for _ in range(args.count)]

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
        codes = list(pool.map(oathtool_code, (command for command, _ in cases)))
    records = [random_cases.record({**fields, "Code": code}) for (_, fields), code in zip(cases, codes)]
    random_cases.write_records(args.out, f"oathtool vectors, seed {seed}", records)
    print(f"oathtool vectors: {len(records)} cases in {time.monotonic() - started:.1f} s, {args.workers} workers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
