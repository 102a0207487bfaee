"""Writes the seed images of qr_decode_fuzzer (tests/fuzz/seeds/qr_decode/) in its input layout.

qrencode (Debian package `qrencode`) draws the codes as ASCII art ('#' = dark module, two characters
per module); this script turns the modules into grey or RGBA pixels at a chosen scale, so the seeds
are real, readable codes the fuzzer can mutate. Rerun after changing the layout:

    python3 tests/fuzz/make_qr_seeds.py
"""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "seeds", "qr_decode")

# name, text, error-correction level, scale (pixels per module), RGBA?, inverted?, layout byte,
# search byte, blur (passes of a 3 x 3 box mean: the recovery seeds are blurred past ZXing's own
# reach, and each is read by the recovery passes, so that the fuzzer starts inside them)
SEEDS = [
    ("authentik-grey", "otpauth://totp/authentik:kristine?secret=JBSWY3DPEHPK3PXP&issuer=authentik", "L", 1, False, False, 0, 0, 0),
    ("short-grey-x2", "otpauth://totp/a?secret=JBSWY3DP", "M", 2, False, False, 0b00010, 0b00001, 0),
    ("short-rgba", "otpauth://totp/a?secret=JBSWY3DP", "H", 1, True, False, 0b00001, 0b10000, 0),
    ("inverted-grey", "otpauth://hotp/b?secret=GEZDGNBV&counter=1", "Q", 2, False, True, 0b11000, 0b00010, 0),
    ("latvian-grey", "Kristīne Bērziņa", "L", 2, False, False, 0, 0b01000, 0),
    # Recovery: a stream's 2 attempts per call, and the still mode's 16 in one call.
    ("blurred-stream-grey", "otpauth://totp/a?secret=JBSWY3DP", "M", 3, False, False, 0b01100000, 0b00011, 4),
    ("blurred-still-rgba", "otpauth://totp/a?secret=JBSWY3DP", "M", 2, True, False, 0b10100001, 0b00011, 1),
]


def blurred(rows: list[list[int]], passes: int) -> list[list[int]]:
    """`passes` times the mean of each pixel's 3 x 3 neighbourhood (edges repeated)."""
    height, width = len(rows), len(rows[0])
    for _ in range(passes):
        rows = [[sum(rows[min(max(y + dy, 0), height - 1)][min(max(x + dx, 0), width - 1)]
                     for dy in (-1, 0, 1) for dx in (-1, 0, 1)) // 9
                 for x in range(width)] for y in range(height)]
    return rows


def modules(text: str, level: str) -> list[list[bool]]:
    art = subprocess.run(["qrencode", "-t", "ASCII", "-m", "2", "-l", level, text],
                         check=True, capture_output=True, text=True).stdout
    return [[row[i] == "#" for i in range(0, len(row), 2)] for row in art.splitlines() if row]


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    for name, text, level, scale, rgba, inverted, layout, search, blur in SEEDS:
        grid = modules(text, level)
        width = len(grid[0]) * scale
        assert width <= 128, f"{name}: {width} px is wider than the fuzzer's 128"
        grey = []
        for row in grid:
            line = []
            for dark in row:
                line += [0 if dark != inverted else 255] * scale
            grey += [line] * scale
        pixels = bytearray()
        for line in blurred(grey, blur):
            for value in line:
                pixels += bytes([value, value, value, 255] if rgba else [value])
        with open(os.path.join(OUT, name), "wb") as out:
            out.write(bytes([width - 1, layout, search]) + bytes(pixels))
        print(f"{name}: {width}x{len(grid) * scale}, {len(pixels) + 3} bytes")


if __name__ == "__main__":
    main()
