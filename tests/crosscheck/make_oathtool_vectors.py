"""Writes random OTP cases with oathtool's answers, for OathtoolCrossCheckTest.

Each case: a random secret (1-64 bytes), TOTP (SHA1/SHA256/SHA512, 6-8 digits, period 1-300 s,
time up to year 2500) or HOTP (SHA1, 6-8 digits, 64-bit counter); oathtool computes the code.

    python3 make_oathtool_vectors.py --count 1000 --out FILE [--seed N]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=None, help="default: random, printed for reruns")
    args = parser.parse_args()
    if not shutil.which("oathtool"):
        print("oathtool is not installed (apt-get install oathtool, or tools/setup-debian.sh --test)", file=sys.stderr)
        return 1
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    print(f"oathtool vectors: seed {seed}, {args.count} cases")

    lines = [f"# oathtool vectors, seed {seed}\n"]
    for _ in range(args.count):
        secret = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        digits = rng.randint(6, 8)
        if rng.random() < 0.7:
            algorithm = rng.choice(["SHA1", "SHA256", "SHA512"])
            period = rng.choice([30, 60, rng.randint(1, 300)])
            unix_time = rng.choice([rng.randrange(0, 2**31), rng.randrange(2**31, 16725225600)])
            command = ["oathtool", f"--totp={algorithm.lower()}", f"--digits={digits}",
                       f"--time-step-size={period}s", f"--now=@{unix_time}", secret.hex()]
            record = f"Type = totp\nAlgorithm = {algorithm}\nPeriod = {period}\nTime = {unix_time}\n"
        else:
            counter = rng.choice([rng.randrange(0, 1000), rng.randrange(0, 2**64)])
            command = ["oathtool", "--hotp", f"--digits={digits}", f"--counter={counter}", secret.hex()]
            record = f"Type = hotp\nAlgorithm = SHA1\nCounter = {counter}\n"
        code = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()
        lines.append(f"Secret = {secret.hex()}\n{record}Digits = {digits}\nCode = {code}\n\n")
    tmp = args.out + ".tmp"
    with open(tmp, "w") as out:
        out.writelines(lines)
    os.replace(tmp, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
