#!/usr/bin/env python3
"""Writes the crafted files of tests/data/hostile/ (committed; rerun only to change them).

Each asks a reader to pay more than it may: memory or key-derivation time, or a count that would
size a loop or a list. The readers must refuse each with a typed error before paying anything.
Deterministic: the "random" fields are fixed bytes, so a rerun writes the same files.
"""
import base64
import hashlib
import json
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent


def fixed(n, seed):
    return bytes((seed * 31 + i * 7) & 0xFF for i in range(n))


def aegis_slot(n, r, p, seed):
    return {"type": 1, "uuid": "00000000-0000-4000-8000-%012d" % seed, "key": fixed(32, seed).hex(),
            "key_params": {"nonce": fixed(12, seed + 1).hex(), "tag": fixed(16, seed + 2).hex()},
            "n": n, "r": r, "p": p, "salt": fixed(32, seed + 3).hex(), "repaired": True, "is_backup": False}


def aegis_file(slots):
    return json.dumps({"version": 1,
                       "header": {"slots": slots,
                                  "params": {"nonce": fixed(12, 90).hex(), "tag": fixed(16, 91).hex()}},
                       "db": base64.b64encode(fixed(64, 92)).decode()}, indent=2) + "\n"


def varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field(number, wire, payload):
    key = varint((number << 3) | wire)
    if wire == 0:
        return key + varint(payload)
    return key + varint(len(payload)) + payload


def migration_uri(batch_size):
    entry = field(1, 2, b"\x48\x65\x6c\x6c\x6f\x21\xde\xad\xbe\xef") + field(2, 2, b"hostile") + field(6, 0, 2)
    payload = field(1, 2, entry) + field(2, 0, 1) + field(3, 0, batch_size) + field(4, 0, 0) + field(5, 0, 7)
    return "otpauth-migration://offline?data=" + base64.b64encode(payload).decode() + "\n"


def vault_file(slot_count, memory_kib, iterations, parallelism):
    """Our own format (core/src/vault/VaultFormat.h): the header digest is recomputed, so only the
    slots' cost stands between the file and 16 Argon2 runs of a gibibyte each."""
    slots = b""
    for i in range(slot_count):
        body = struct.pack(">III", memory_kib, iterations, parallelism) + fixed(16, i) + fixed(12, i + 40) + fixed(48, i + 80)
        slots += bytes([1]) + struct.pack(">H", len(body)) + body
    payload = fixed(32, 7)
    header_length = 29 + len(slots)
    header = (bytes([0x89]) + b"AUTHVLT" + struct.pack(">H", 1) + struct.pack(">I", header_length)
              + struct.pack(">H", 0) + struct.pack(">Q", 1) + struct.pack(">I", len(payload)) + bytes([slot_count]) + slots)
    return header + hashlib.sha256(header).digest() + fixed(12, 3) + payload + fixed(16, 4)


def andotp_file(iterations):
    return struct.pack(">I", iterations) + fixed(12, 5) + fixed(12, 6) + fixed(48, 8)


FILES = {
    # scrypt asking for 4 GiB; in 32-bit wasm Botan's size arithmetic wrapped to 4 KiB before the fix.
    "aegis-scrypt-4gib.json": aegis_file([aegis_slot(1 << 20, 32, 1, 1)]),
    # 1 GiB per pass, 16 passes: minutes and a gibibyte.
    "aegis-scrypt-p16.json": aegis_file([aegis_slot(1 << 20, 8, 16, 2)]),
    # Five cheap slots: more than the four a file may make us try.
    "aegis-five-slots.json": aegis_file([aegis_slot(1 << 15, 8, 1, 10 + i) for i in range(5)]),
    # PBKDF2 with ten million iterations (andOTP's header field): about 20 s.
    "andotp-ten-million-iterations.bin": andotp_file(10_000_000),
    # One small QR code claiming to be part 1 of 2^31-1.
    "google-migration-batch-size-max.txt": migration_uri(0x7FFFFFFF),
    # Our vault with 16 password slots of Argon2 m=1 GiB, t=100, p=16.
    "vault-16-slots-1gib.authvault": vault_file(16, 1 << 20, 100, 16),
    # Five password slots of a cheap shape: more than the four a file may make us try.
    "vault-five-slots.authvault": vault_file(5, 64, 1, 1),
}

if __name__ == "__main__":
    for name, content in FILES.items():
        data = content.encode() if isinstance(content, str) else content
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
