// tools/pad-catch.mjs: a nop before every exception handler (why: its opening comment). Checked on
// a hand-written module whose bytes are known, and on the shipped parts of both builds: every
// handler is padded, nothing else changes, the result validates and still catches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HANDLER_STARTS, OP_NOP, padCatch } from '../../tools/pad-catch.mjs';
import { insertBeforeInstructions } from '../../tools/lib/wasm-code.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// (func (export "caught") (result i32)
//   try  call $thrower  catch_all  i32.const 1  return  end
//   i32.const 0)
// The call is the try block's last instruction, the shape WebKit's interpreter got wrong.
const TRY_BODY = [0x00, 0x06, 0x40, 0x10, 0x00, 0x19, 0x41, 0x01, 0x0f, 0x0b, 0x41, 0x00, 0x0b];
function moduleWith(body) {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x08, 0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x01, 0x7f, // types: () -> (), () -> i32
    0x02, 0x0f, 0x01, 0x03, ...Buffer.from('env'), 0x07, ...Buffer.from('thrower'), 0x00, 0x00,
    0x03, 0x02, 0x01, 0x01,
    0x07, 0x0a, 0x01, 0x06, ...Buffer.from('caught'), 0x00, 0x01,
    0x0a, body.length + 2, 0x01, body.length, ...body,
  ]);
}

async function caught(bytes) {
  const { instance } = await WebAssembly.instantiate(bytes, { env: { thrower() { throw new Error('thrown by JavaScript'); } } });
  return instance.exports.caught();
}

test('a hand-written handler gets exactly one nop, before catch_all', async () => {
  const original = moduleWith(TRY_BODY);
  assert.equal(await caught(original), 1);
  const { bytes, inserted } = padCatch(original);
  assert.equal(inserted, 1);
  const padded = [...TRY_BODY.slice(0, 5), 0x01, ...TRY_BODY.slice(5)];
  assert.deepEqual([...bytes], [...moduleWith(padded)]);
  assert.equal(await caught(bytes), 1);
  assert.equal(padCatch(bytes).inserted, 0, 'a padded handler is not padded twice');
});

test('immediates that hold handler bytes are not taken for handlers', () => {
  // i32.const 7 (0x07 is catch), i32.const 25 (0x19 is catch_all), drop both: nothing to pad.
  const body = [0x00, 0x41, 0x07, 0x41, 0x19, 0x1a, 0x1a, 0x41, 0x00, 0x0b];
  assert.equal(padCatch(moduleWith(body)).inserted, 0);
});

test('an opcode the reader does not know is an error, not skipped', () => {
  const body = [0x00, 0xfe, 0x00, 0x0b]; // an atomics prefix
  assert.throws(() => padCatch(moduleWith(body)), /unsupported opcode 0xfe/);
});

const PARTS = [
  path.join(root, 'build', 'wasm', 'module', 'authcore_wasm'),
  path.join(root, 'build', 'wasm-baseline', 'module', 'authcore_wasm_baseline'),
].flatMap((base) => ['first', 'rest'].map((part) => `${base}.${part}.wasm`).concat(`${base}.wasm`));

for (const file of PARTS) {
  test(`${path.relative(root, file)}: every handler follows a nop; reading it changes nothing`, () => {
    assert.ok(existsSync(file), `${file} is missing: build the wasm and wasm-baseline presets first`);
    const bytes = new Uint8Array(readFileSync(file));
    assert.ok(WebAssembly.validate(bytes));
    let handlers = 0;
    const rewritten = insertBeforeInstructions(bytes, (opcode, previous) => {
      if (HANDLER_STARTS.has(opcode)) {
        handlers++;
        assert.equal(previous, OP_NOP, `a handler (0x${opcode.toString(16)}) without its nop`);
      }
      return [];
    });
    assert.deepEqual(rewritten.bytes, bytes, 'a rewrite without insertions gives the same bytes');
    assert.equal(padCatch(bytes).inserted, 0);
    // Both builds use native wasm exceptions: a module without handlers would mean the build
    // went back to JavaScript-based ones and this padding checks nothing.
    assert.ok(handlers > 100, `only ${handlers} exception handlers`);
  });
}
