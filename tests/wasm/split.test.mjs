// The module as the page loads it: two parts cut by tools/split-wasm.mjs (NAME.first.wasm and
// NAME.rest.wasm), joined by web/js/worker/split-wasm.js. Checked for both builds (SIMD and
// baseline), with data of its own, not the profile's: every first-code action (unlock and restore,
// wrong passwords, a damaged file, passkeys, codes) runs on the first part alone, with the same
// answers as the whole module; the rest, once linked, answers as the whole module does; a function
// of the rest called before it is linked links it on the spot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSplitModule } from '../../web/js/worker/split-wasm.js';
import { openWithCodes } from '../../web/js/worker/open-with-codes.js';
import { asThePage } from './asThePage.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILDS = [
  { name: 'SIMD', base: path.join(root, 'build', 'wasm', 'module', 'authcore_wasm') },
  { name: 'baseline', base: path.join(root, 'build', 'wasm-baseline', 'module', 'authcore_wasm_baseline') },
];
const PASSWORD = 'split test: Šis ir cits';
const CREDENTIAL = new Uint8Array([42, 1, 2]);
const PRF = new Uint8Array(32).map((_, i) => i * 7);
const UNIX = 1_750_000_123;
const URIS = [
  'otpauth://totp/authentik%3Amaija?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=8&period=30&issuer=authentik',
  'otpauth://hotp/Shop:juris?secret=MZXW6YTBOI======&counter=12&issuer=Shop',
  'otpauth://totp/Steam:liga?secret=KRSXG5CTMVRXEZLU&issuer=Steam&encoder=steam',
  'otpauth://totp/Bank:ilze?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA512&digits=6&period=45&issuer=Bank',
];

function files(base) {
  for (const suffix of ['.mjs', '.wasm', '.first.wasm', '.rest.wasm']) {
    if (!existsSync(base + suffix)) throw new Error(`${base}${suffix} is missing: build the wasm presets first`);
  }
  return { glue: pathToFileURL(`${base}.mjs`).href, whole: `${base}.wasm`, first: `${base}.first.wasm`, rest: `${base}.rest.wasm` };
}

async function whole(glue, instance = 'whole') {
  const { default: createModule } = await import(`${glue}?${instance}`);
  return createModule();
}

async function split(glue, f) {
  const { default: createModule } = await import(glue);
  const read = async (url) => readFileSync(url);
  return createSplitModule(createModule, { firstUrl: f.first, restUrl: f.rest, readBytes: read, readSync: (url) => readFileSync(url) });
}

/// A vault with a passkey slot and four kinds of account, made by the whole module.
function makeVault(m) {
  const page = asThePage(m);
  assert.equal(page.vaultCreate(PASSWORD).error, undefined);
  for (const uri of URIS) assert.equal(page.vaultAddUri(uri, {}).error, undefined, uri);
  const salt = page.vaultPasskeySalt().prfSalt;
  const { file } = page.vaultAddPasskey('Darbs', CREDENTIAL, salt, PRF);
  page.vaultLock();
  return file;
}

const codesOf = (opened) => opened.firstCodes.codes.map(({ id, code, nextCode }) => ({ id, code, nextCode }));

for (const build of BUILDS) {
  test(`${build.name}: the first-code actions run on the first part alone, as on the whole module`, async () => {
    const f = files(build.base);
    const reference = await whole(f.glue);
    const file = makeVault(reference);
    const expected = codesOf(openWithCodes(reference, 'vaultUnlock', [file, PASSWORD], UNIX, 60));
    reference.vaultLock();

    const { module: m, stats } = await split(f.glue, f);
    const damaged = file.slice();
    damaged[40] ^= 0x10;
    assert.deepEqual(m.vaultIsUnlocked(), { unlocked: false });
    m.vaultWarmUp();
    m.vaultRehearse(file);
    assert.deepEqual(m.vaultPasskeysOf(file).passkeys.map((passkey) => passkey.name), ['Darbs']);
    assert.equal(m.vaultUnlock(file, 'not the password').error.kind, 'wrong_password');
    assert.ok(m.vaultUnlock(damaged, PASSWORD).error);
    assert.deepEqual(codesOf(openWithCodes(m, 'vaultUnlock', [file, PASSWORD], UNIX, 60)), expected);
    assert.equal(m.vaultCodes(UNIX).codes.length, URIS.length);
    m.vaultLock();
    assert.ok(m.vaultUnlockWithPasskey(file, CREDENTIAL, new Uint8Array(32)).error);
    assert.deepEqual(codesOf(openWithCodes(m, 'vaultUnlockWithPasskey', [file, CREDENTIAL, PRF], UNIX, 60)), expected);
    m.vaultLock();
    // The fixture's password slot is below the KDF floor: the unlock upgrades it, the page confirms.
    const weak = m.vaultUnlock(readFileSync(path.join(root, 'tests', 'data', 'vault', 'fixture-v1.vault')), 'Fixture pārole 1');
    assert.equal(weak.upgraded, true);
    assert.equal(openWithCodes(m, 'sessionConfirmSaved', [weak.revision], UNIX, 60).firstCodes.codes.length, 5);
    m.vaultLock();
    const restored = m.vaultRestore(file, PASSWORD);
    assert.equal(restored.error, undefined);
    assert.deepEqual(codesOf(openWithCodes(m, 'sessionConfirmSaved', [restored.revision], UNIX, 2)).length, 2);
    m.vaultLock();
    assert.deepEqual(stats, { linked: false, synchronous: 0 }, 'a first-code action needed the rest of the module');
  });

  test(`${build.name}: the rest, linked by loadRest or on the spot, answers as the whole module`, async () => {
    const f = files(build.base);
    const reference = await whole(f.glue, 'rest');
    const expectedQr = reference.encodeQr(URIS[0]);
    const expectedImport = reference.importText(URIS.join('\n'));

    const loaded = await split(f.glue, f);
    await loaded.loadRest();
    assert.deepEqual(loaded.stats, { linked: true, synchronous: 0 });
    const qr = loaded.module.encodeQr(URIS[0]);
    assert.deepEqual([qr.width, qr.height, Buffer.compare(qr.pixels, expectedQr.pixels)], [expectedQr.width, expectedQr.height, 0]);
    assert.equal(loaded.module.decodeQr(qr.pixels, qr.width, qr.height, 'grey', 'still').text, URIS[0]);
    assert.deepEqual(loaded.module.importText(URIS.join('\n')), expectedImport);
    // The whole path of adding an account (staging, commit, confirm) on the joined module.
    const page = asThePage(loaded.module);
    assert.equal(page.vaultCreate(PASSWORD, { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 }).error, undefined);
    assert.equal(page.vaultAddUri(URIS[1], {}).entry.issuer, 'Shop');

    const unlinked = await split(f.glue, f);
    const onTheSpot = unlinked.module.encodeQr(URIS[0]);
    assert.equal(Buffer.compare(onTheSpot.pixels, expectedQr.pixels), 0);
    assert.deepEqual(unlinked.stats, { linked: true, synchronous: 1 });
    await unlinked.loadRest(); // nothing left to link
    assert.deepEqual(unlinked.stats, { linked: true, synchronous: 1 });
  });
}

test('a rest of another build is never linked: a page open across an update gets an error, not mixed code', async () => {
  const simd = files(BUILDS[0].base);
  const baseline = files(BUILDS[1].base);
  const { default: createModule } = await import(`${simd.glue}?mixed`);
  const read = async (url) => readFileSync(url);
  const mixed = await createSplitModule(createModule, { firstUrl: simd.first, restUrl: baseline.rest, readBytes: read, readSync: (url) => readFileSync(url) });
  await assert.rejects(mixed.loadRest(), /different builds/);
  assert.throws(() => mixed.module.encodeQr(URIS[0]), /different builds/);
  assert.equal(mixed.stats.linked, false);
  // The first part still opens vaults and shows codes.
  assert.deepEqual(mixed.module.vaultIsUnlocked(), { unlocked: false });
});

test('a missing first part rejects the load instead of hanging it', async () => {
  const f = files(BUILDS[0].base);
  const { default: createModule } = await import(`${f.glue}?missing`);
  const fail = async (url) => { throw new Error(`no such file: ${url}`); };
  await assert.rejects(createSplitModule(createModule, { firstUrl: 'absent.first.wasm', restUrl: f.rest, readBytes: fail, readSync: () => null }),
    /no such file: absent.first.wasm/);
});
