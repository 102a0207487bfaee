// Writes tests/data/vault/argon2id.vec: Argon2id outputs computed by the npm package hash-wasm, an
// implementation independent of Botan, for the native and wasm tests to recompute with ours.
//   node tests/vault/make_argon2_vectors.mjs > tests/data/vault/argon2id.vec
import { argon2id } from 'hash-wasm';

const cases = [
  // [password, salt (hex, 16 bytes), memoryKiB, iterations, parallelism]
  ['password', '736f6d6573616c74736f6d6573616c74', 8, 1, 1],
  ['password', '736f6d6573616c74736f6d6573616c74', 64, 2, 1],
  ['correct horse battery staple', '000102030405060708090a0b0c0d0e0f', 256, 3, 1],
  ['Rīgā ķēķis šodien', 'ffeeddccbbaa99887766554433221100', 1024, 1, 2],
  ['a', 'a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5', 32, 1, 4],
  ['x'.repeat(200), '0123456789abcdef0123456789abcdef', 19456, 2, 1],
];

console.log('# Argon2id, 32-byte output, computed by hash-wasm (tests/vault/make_argon2_vectors.mjs).');
console.log('# Password is UTF-8 text; Salt and Output are hex.');
console.log('');
for (const [password, salt, memoryKiB, iterations, parallelism] of cases) {
  const output = await argon2id({
    password, salt: Buffer.from(salt, 'hex'), memorySize: memoryKiB, iterations, parallelism,
    hashLength: 32, outputType: 'hex',
  });
  console.log(`Password = ${password}`);
  console.log(`Salt = ${salt}`);
  console.log(`MemoryKiB = ${memoryKiB}`);
  console.log(`Iterations = ${iterations}`);
  console.log(`Parallelism = ${parallelism}`);
  console.log(`Output = ${output}`);
  console.log('');
}
