// Writes tests/data/vault/passkey-slot.vec: passkey slot bodies (docs/vault-format.md, type 2) built
// with WebCrypto's HKDF and AES-GCM, independently of Botan, for the native and wasm tests to
// reproduce byte for byte (given the same nonce) and to open.
//   node tests/vault/make_passkey_vectors.mjs > tests/data/vault/passkey-slot.vec
const { subtle } = globalThis.crypto;
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const fromHex = (text) => new Uint8Array(Buffer.from(text, 'hex'));
const MAGIC = [0x89, 0x41, 0x55, 0x54, 0x48, 0x56, 0x4c, 0x54];
const INFO = 'authcore vault v1 passkey slot key';

const cases = [
  // [prfOutput, prfSalt, credentialId, name, nonce, masterKey] (hex but the name)
  ['11'.repeat(32), '22'.repeat(32), 'c0ffee', 'Work laptop', '33'.repeat(12), '44'.repeat(32)],
  ['000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'a5'.repeat(32), 'ab'.repeat(64),
    'Rīgas birojs ķēķis', '0102030405060708090a0b0c', 'ff'.repeat(32)],
  ['5a'.repeat(32), '00'.repeat(32), '01', 'x'.repeat(64), '00'.repeat(12), '0f'.repeat(32)],
];

console.log('# Passkey slot bodies (type 2) from WebCrypto HKDF-SHA256 + AES-256-GCM (tests/vault/make_passkey_vectors.mjs).');
console.log('# Name is UTF-8 text; everything else is hex. Body is the slot body the core must write.');
console.log('');
for (const [prfOutput, prfSalt, credentialId, name, nonce, masterKey] of cases) {
  const id = fromHex(credentialId);
  const nameBytes = new TextEncoder().encode(name);
  const metadata = new Uint8Array([...fromHex(prfSalt), id.length >> 8, id.length & 0xff, ...id, nameBytes.length, ...nameBytes]);
  const bodyLength = metadata.length + 60;
  const ad = new Uint8Array([...MAGIC, 0, 1, 2, bodyLength >> 8, bodyLength & 0xff, ...metadata]);
  const ikm = await subtle.importKey('raw', fromHex(prfOutput), 'HKDF', false, ['deriveBits']);
  const kek = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: fromHex(prfSalt), info: new TextEncoder().encode(INFO) }, ikm, 256);
  const key = await subtle.importKey('raw', kek, 'AES-GCM', false, ['encrypt']);
  const sealed = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: fromHex(nonce), additionalData: ad, tagLength: 128 }, key, fromHex(masterKey)));
  console.log(`PrfOutput = ${prfOutput}`);
  console.log(`PrfSalt = ${prfSalt}`);
  console.log(`CredentialId = ${credentialId}`);
  console.log(`Name = ${name}`);
  console.log(`Nonce = ${nonce}`);
  console.log(`MasterKey = ${masterKey}`);
  console.log(`Body = ${hex([...metadata, ...fromHex(nonce), ...sealed])}`);
  console.log('');
}
