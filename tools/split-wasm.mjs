// Cuts a linked wasm module (the glue NAME.mjs and NAME.wasm in one folder) into NAME.first.wasm,
// every function the way to the first code runs, and NAME.rest.wasm, the others; the page loads the
// first before it unlocks and the rest afterwards (web/js/worker/split-wasm.js). Run by the wasm
// build (wasm/CMakeLists.txt) after each link:
//
//   node tools/split-wasm.mjs MODULE_DIR/NAME.mjs [--simd] [--wasm-split PATH] [--wasm-opt PATH] [--symbolmap]
//
// --symbolmap writes each part's function names beside it (of a module linked with
// --profiling-funcs: what makes the first part large).
//
// How: binaryen's wasm-split instruments a copy of the module; this script drives that copy through
// the first-code actions (web/js/worker/first-code-actions.js) as the page calls them, wrong
// passwords and damaged files included, and writes the profile of the functions they ran; wasm-split
// then keeps exactly those in the first part. A function the profile missed still works (its
// placeholder links the rest on the spot), and tests/wasm/split.test.mjs checks with other data
// that the first-code actions never need it.
//
// wasm-split comes from Debian's binaryen package (108 on bookworm); the npm binaryen 120 that
// Emscripten links with has no wasm-split. The module's features are named because Emscripten
// strips the target_features section.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FIRST_CODE_ACTIONS } from '../web/js/worker/first-code-actions.js';
import { BUILD_SECTION, PLACEHOLDERS, PRIMARY } from '../web/js/worker/split-wasm.js';
import { padCatch } from './pad-catch.mjs';
import { openWithCodes } from '../web/js/worker/open-with-codes.js';

// Emscripten 3.1.69's own list (its wasm-opt command line) with -fwasm-exceptions, SIMD added by --simd.
const FEATURES = ['--enable-bulk-memory', '--enable-multivalue', '--enable-mutable-globals', '--enable-reference-types', '--enable-sign-ext', '--enable-exception-handling'];
const PASSWORD = 'profile: Pārole 1';
const WEAK_VAULT = 'tests/data/vault/fixture-v1.vault';
const WEAK_PASSWORD = 'Fixture pārole 1';
const CREDENTIAL = new Uint8Array([7, 7, 7, 1]);
const PRF_OUTPUT = new Uint8Array(32).fill(0x5c);
// Every kind of account the codes screen shows, so each one's code path is in the first part.
const URIS = [
  'otpauth://totp/authentik%3Aanna?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30&issuer=authentik',
  'otpauth://totp/ACME:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA256&digits=8&period=60&issuer=ACME',
  'otpauth://totp/Big:carol?secret=KRSXG5CTMVRXEZLUKN2XAZLSNFXGOZLS&algorithm=SHA512&digits=7&issuer=Big',
  'otpauth://hotp/Counter:dan?secret=MZXW6YQ&counter=5&issuer=Counter',
  'otpauth://totp/Steam:eve?secret=JBSWY3DPEHPK3PXP&issuer=Steam&encoder=steam',
];

function usage() {
  console.error('usage: node tools/split-wasm.mjs MODULE_DIR/NAME.mjs [--simd] [--wasm-split PATH] [--wasm-opt PATH] [--symbolmap]');
  process.exit(2);
}

/// An Emscripten instance of `glue` running `wasmBytes` (the instrumented copy), and its exports.
async function instanceOf(createModule, wasmBytes) {
  let exports = null;
  let failed;
  // A module that does not instantiate fails the build instead of leaving it waiting.
  const instantiationFailed = new Promise((resolve, reject) => { failed = reject; });
  const module = await Promise.race([
    createModule({
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(wasmBytes, imports).then(({ instance, module: compiled }) => {
          exports = instance.exports;
          receiveInstance(instance, compiled);
        }).catch(failed);
        return {};
      },
    }),
    instantiationFailed,
  ]);
  return { m: module, exports };
}

function check(result, what) {
  if (result?.error) throw new Error(`${what}: ${JSON.stringify(result.error)}`);
  return result;
}

function expectError(result, what) {
  if (!result?.error) throw new Error(`${what} should have failed`);
}

/// Vault files: one made by the whole module at the default KDF with a passkey slot, and the test
/// fixture whose password slot is below the KDF floor (its unlock upgrades the slot).
function makeVaults(m) {
  const saveChange = (computed) => check(m.sessionConfirmSaved(check(computed, 'change').revision), 'confirm') && computed;
  check(m.vaultCreate(PASSWORD), 'create');
  for (const uri of URIS) {
    const staged = check(m.sessionStageText(uri), `stage ${uri}`);
    const ids = staged.candidate ? [staged.candidate.id] : staged.candidates.map((candidate) => candidate.id);
    saveChange(m.sessionCommit({ ids, allowDuplicates: false }));
  }
  const salt = check(m.vaultPasskeySalt(), 'passkey salt').prfSalt;
  const withPasskey = saveChange(m.vaultAddPasskey('profile', CREDENTIAL, salt, PRF_OUTPUT)).file;
  m.vaultLock();
  return { withPasskey, weak: new Uint8Array(readFileSync(new URL(`../${WEAK_VAULT}`, import.meta.url))) };
}

/// The first-code actions as the unlock, restore and create screens call them.
function exerciseFirstCode(m, { withPasskey, weak }) {
  const used = new Set();
  const call = (action, ...args) => {
    used.add(action);
    return m[action](...args);
  };
  const open = (action, args) => {
    used.add('openWithCodes').add(action);
    return openWithCodes(m, action, args, 1_800_000_000, 60);
  };
  const damaged = withPasskey.slice();
  damaged[damaged.length - 5] ^= 1;
  call('vaultIsUnlocked');
  call('vaultKdfDefaults');
  call('vaultWarmUp');
  call('vaultRehearse', undefined);
  call('vaultRehearse', withPasskey);
  check(call('vaultPasskeysOf', withPasskey), 'passkeys of');
  expectError(call('vaultPasskeysOf', new Uint8Array([1, 2, 3])), 'passkeys of garbage');
  expectError(call('vaultUnlock', withPasskey, 'wrong password'), 'wrong password');
  expectError(call('vaultUnlock', damaged, PASSWORD), 'damaged file');
  expectError(call('vaultUnlock', new Uint8Array(40), PASSWORD), 'garbage file');
  const opened = check(open('vaultUnlock', [withPasskey, PASSWORD]), 'unlock');
  check(call('vaultEntries'), 'entries');
  check(call('vaultCodes', 1_800_000_017), 'codes');
  check(call('vaultCodes', 1_800_000_047, opened.entries.slice(0, 2).map((entry) => entry.id)), 'codes of two');
  call('vaultLock');
  expectError(call('vaultUnlockWithPasskey', withPasskey, new Uint8Array([1]), PRF_OUTPUT), 'unknown passkey');
  expectError(call('vaultUnlockWithPasskey', withPasskey, CREDENTIAL, new Uint8Array(32)), 'wrong PRF output');
  check(open('vaultUnlockWithPasskey', [withPasskey, CREDENTIAL, PRF_OUTPUT]), 'passkey unlock');
  call('vaultLock');
  // A weak slot is upgraded on unlock: the page stores the new file, or abandons it.
  const upgraded = check(call('vaultUnlock', weak, WEAK_PASSWORD), 'weak unlock');
  if (!upgraded.upgraded) throw new Error(`${WEAK_VAULT} should have been upgraded`);
  check(open('sessionConfirmSaved', [upgraded.revision]), 'confirm upgrade');
  call('vaultLock');
  check(call('vaultUnlock', weak, WEAK_PASSWORD), 'weak unlock again');
  call('sessionAbandon');
  call('vaultLock');
  // Restore: a wrong password, then the file stored and confirmed.
  expectError(call('vaultRestore', withPasskey, 'wrong password'), 'restore, wrong password');
  const restored = check(call('vaultRestore', withPasskey, PASSWORD), 'restore');
  check(open('sessionConfirmSaved', [restored.revision]), 'restore confirm');
  call('vaultLock');
  check(call('vaultCreate', PASSWORD), 'create');
  call('vaultLock');
  const missed = [...FIRST_CODE_ACTIONS].filter((action) => !used.has(action));
  if (missed.length) throw new Error(`the profile does not call ${missed.join(', ')}`);
}

/// A wasm custom section (id 0) named `name` holding the text `payload`.
function customSection(name, payload) {
  const leb = (value) => {
    const bytes = [];
    do {
      let byte = value & 0x7f;
      value >>>= 7;
      if (value) byte |= 0x80;
      bytes.push(byte);
    } while (value);
    return bytes;
  };
  const body = [...leb(Buffer.byteLength(name)), ...Buffer.from(name), ...Buffer.from(payload)];
  return Buffer.from([0, ...leb(body.length), ...body]);
}

function kib(file) {
  return `${(statSync(file).size / 1024).toFixed(1)} KiB, ${(gzipSync(readFileSync(file), { level: 9 }).length / 1024).toFixed(1)} KiB gzip`;
}

async function main() {
  const args = process.argv.slice(2);
  const gluePath = args.find((arg) => arg.endsWith('.mjs'));
  if (!gluePath) usage();
  const features = args.includes('--simd') ? [...FEATURES, '--enable-simd'] : FEATURES;
  const tool = args.includes('--wasm-split') ? args[args.indexOf('--wasm-split') + 1] : 'wasm-split';
  const optimizer = args.includes('--wasm-opt') ? args[args.indexOf('--wasm-opt') + 1] : null;
  const base = gluePath.slice(0, -'.mjs'.length);
  const whole = `${base}.wasm`;
  const work = mkdtempSync(path.join(tmpdir(), 'split-wasm-'));
  try {
    const instrumented = path.join(work, 'instrumented.wasm');
    const profile = path.join(work, 'profile');
    execFileSync(tool, ['--instrument', whole, '-o', instrumented, ...features], { stdio: 'inherit' });

    const { default: createModule } = await import(pathToFileURL(path.resolve(gluePath)).href);
    const maker = await instanceOf(createModule, readFileSync(whole));
    const vaults = makeVaults(maker.m);
    const { m, exports } = await instanceOf(createModule, readFileSync(instrumented));
    exerciseFirstCode(m, vaults);

    // __write_profile(address, size) writes the profile into memory; a fresh page past the
    // allocator's end is free for it (this instance ends here).
    const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
    const size = 4 * 65536;
    const address = memory.grow(size / 65536) * 65536;
    const written = exports.__write_profile(address, size);
    if (!(written > 0 && written <= size)) throw new Error(`__write_profile wrote ${written} bytes`);
    writeFileSync(profile, new Uint8Array(memory.buffer, address, written));

    execFileSync(tool, ['--split', whole, `--profile=${profile}`, '-o1', `${base}.first.wasm`, '-o2', `${base}.rest.wasm`,
      '--export-prefix=%', `--placeholder-namespace=${PLACEHOLDERS}`, `--import-namespace=${PRIMARY}`, ...features, ...(args.includes('--symbolmap') ? ['--symbolmap'] : [])], { stdio: 'inherit' });
    // Optimised again, each part alone: 4-6 % smaller gzip. Plain -O3,
    // not Emscripten's link passes: those assume the table's initial contents never change, and the
    // rest's functions replace the first part's placeholders in it.
    if (optimizer) {
      for (const part of ['first', 'rest']) execFileSync(optimizer, [...features, '-O3', `${base}.${part}.wasm`, '-o', `${base}.${part}.wasm`], { stdio: 'inherit' });
    }
    // After binaryen's last pass, which would remove them: nops before the exception handlers, for
    // WebKit's wasm interpreter (tools/pad-catch.mjs says why). The whole module gets them too, so
    // that Node's tests run the same code as the page.
    for (const file of [`${base}.first.wasm`, `${base}.rest.wasm`, whole]) writeFileSync(file, padCatch(readFileSync(file)).bytes);
    // Both parts carry the whole module's hash: the loader links a rest only into the first part
    // of the same build (a page open across an update could otherwise fetch the new rest).
    const build = createHash('sha256').update(readFileSync(whole)).digest('hex').slice(0, 32);
    for (const part of ['first', 'rest']) appendFileSync(`${base}.${part}.wasm`, customSection(BUILD_SECTION, build));
    console.log(`split-wasm: ${path.basename(whole)} ${kib(whole)} -> first ${kib(`${base}.first.wasm`)}, rest ${kib(`${base}.rest.wasm`)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`split-wasm: ${error.stack ?? error}`);
  process.exit(1);
});
