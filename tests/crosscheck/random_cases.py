"""What the random cross-check generators share: the command line, a seeded generator whose seed is
printed (so a failure can be rerun), the random shapes of secrets, times, periods and counters, and
writing the records in the .vec format of tests/support/TestData.h.
"""
import argparse
import os
import random

# The year 2500: far past 2038 and 2106, so 64-bit time handling is exercised.
YEAR_2500 = 16725225600


def parse_args(description: str, default_count: int, workers: int | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    if workers is not None:
        parser.add_argument("--workers", type=int, default=workers, help=f"concurrent processes (default {workers})")
    parser.add_argument("--count", type=int, default=default_count)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=None, help="default: random, printed for reruns")
    return parser.parse_args()


def seeded_rng(args: argparse.Namespace, what: str) -> tuple[int, random.Random]:
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    print(f"{what}: seed {seed}, {args.count} cases (rerun with --seed {seed})", flush=True)
    return seed, random.Random(seed)


def random_secret(rng: random.Random, min_length: int, max_length: int) -> bytes:
    return rng.randbytes(rng.randint(min_length, max_length))


def random_unix_time(rng: random.Random) -> int:
    return rng.choice([rng.randrange(0, 2**31), rng.randrange(2**31, YEAR_2500)])


def random_period(rng: random.Random) -> int:
    """Mostly the common periods, but also every odd value, days, and up to the largest uint32."""
    return rng.choice([30, 60, rng.randint(1, 300), rng.randint(301, 86400), rng.randint(86401, 2**32 - 1)])


def random_counter(rng: random.Random) -> int:
    return rng.choice([rng.randrange(0, 1000), rng.randrange(0, 2**64)])


def record(fields: dict) -> str:
    return "".join(f"{key} = {value}\n" for key, value in fields.items()) + "\n"


def write_records(path: str, header: str, records: list[str]) -> None:
    """Written whole, then renamed, so a reader never sees half a file."""
    tmp = path + ".tmp"
    with open(tmp, "w") as out:
        out.write(f"# {header}\n\n")
        out.writelines(records)
    os.replace(tmp, path)
