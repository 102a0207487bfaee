// A vault of many accounts made the way an administrator would: otpauth:// links piped into the
// wasm CLI (`node build/wasm/authcore.js vault create FILE --password-file PW`), so the page restores
// a file written by the core, not one faked by a test. Used by bench/large_vault.mjs and
// tests/e2e/large-vault.test.mjs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const wasmCli = path.join(projectRoot, 'build', 'wasm', 'authcore.js');
// AUTHCORE_CLI=path/to/native/authcore runs the native build instead (same vault format, tested by
// tests/vault/vault_crossbuild_test.sh); by default the wasm CLI under this Node.
const nativeCli = process.env.AUTHCORE_CLI;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/// The 160-bit secret of sample account `number`, in base32 (deterministic, distinct per number).
export function sampleSecret(number) {
  return base32(createHash('sha1').update(`large vault account ${number}`).digest());
}

/// Account `number` (1-based): issuer "Service N", name "userN@example.com"; every 10th has a 60 s
/// period and every 4th 8 digits, so the list mixes periods and widths as real vaults do.
export function sampleAccount(number) {
  return {
    issuer: `Service ${number}`,
    name: `user${number}@example.com`,
    secret: sampleSecret(number),
    period: number % 10 === 0 ? 60 : 30,
    digits: number % 4 === 0 ? 8 : 6,
  };
}

export function sampleUri({ issuer, name, secret, period, digits }) {
  const label = encodeURIComponent(`${issuer}:${name}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${digits}&period=${period}`;
}

/// Writes a vault of `count` sample accounts to `file` with the wasm CLI; the core's default key
/// derivation unless `kdf` ({memoryKiB, iterations, parallelism}) is given.
export function createLargeVault(file, count, password, { kdf } = {}) {
  const [command, ...cli] = nativeCli ? [nativeCli] : [process.execPath, wasmCli];
  if (!existsSync(cli[0] ?? command)) throw new Error(`${cli[0] ?? command} is missing: build the wasm preset (cmake --build --preset wasm)`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'authcore-large-vault-'));
  try {
    const passwordFile = path.join(work, 'password');
    writeFileSync(passwordFile, `${password}\n`);
    const uris = Array.from({ length: count }, (_, i) => sampleUri(sampleAccount(i + 1))).join('\n');
    const kdfArgs = kdf ? ['--kdf-memory', String(kdf.memoryKiB), '--kdf-iterations', String(kdf.iterations), '--kdf-parallelism', String(kdf.parallelism)] : [];
    execFileSync(command, [...cli, 'vault', 'create', file, '--password-file', passwordFile, ...kdfArgs],
      { input: `${uris}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
