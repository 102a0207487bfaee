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

# name, text, error-correction level, scale (pixels per module), RGBA?, inverted?, layout byte, search byte
SEEDS = [
    ("authentik-grey", "otpauth://totp/authentik:kristine?secret=JBSWY3DPEHPK3PXP&issuer=authentik", "L", 1, False, False, 0, 0),
    ("short-grey-x2", "otpauth://totp/a?secret=JBSWY3DP", "M", 2, False, False, 0b00010, 0b00001),
    ("short-rgba", "otpauth://totp/a?secret=JBSWY3DP", "H", 1, True, False, 0b00001, 0b10000),
    ("inverted-grey", "otpauth://hotp/b?secret=GEZDGNBV&counter=1", "Q", 2, False, True, 0b11000, 0b00010),
    ("latvian-grey", "Kristīne Bērziņa", "L", 2, False, False, 0, 0b01000),
]


def modules(text: str, level: str) -> list[list[bool]]:
    art = subprocess.run(["qrencode", "-t", "ASCII", "-m", "2", "-l", level, text],
                         check=True, capture_output=True, text=True).stdout
    return [[row[i] == "#" for i in range(0, len(row), 2)] for row in art.splitlines() if row]


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    for name, text, level, scale, rgba, inverted, layout, search in SEEDS:
        grid = modules(text, level)
        width = len(grid[0]) * scale
        assert width <= 128, f"{name}: {width} px is wider than the fuzzer's 128"
        pixels = bytearray()
        for row in grid:
            line = bytearray()
            for dark in row:
                value = 0 if dark != inverted else 255
                line += bytes([value, value, value, 255] if rgba else [value]) * scale
            pixels += bytes(line) * scale
        with open(os.path.join(OUT, name), "wb") as out:
            out.write(bytes([width - 1, layout, search]) + bytes(pixels))
        print(f"{name}: {width}x{len(grid) * scale}, {len(pixels) + 3} bytes")


if __name__ == "__main__":
    main()
