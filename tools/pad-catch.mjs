// Puts a `nop` before every `catch`, `catch_all` and `delegate` of a wasm module, in place:
//
//   node tools/pad-catch.mjs MODULE.wasm...
//
// Why: JavaScriptCore's in-place wasm interpreter (IPInt, the first tier of Safari 26.0 and of
// WebKitGTK 2.50) ends a try block's handler range exactly at its `catch` byte and then treats the
// range as half-open (WebKit bug 299629, fixed in WebKit by commit 301170@main, October 2025). A
// call that is the try block's last instruction returns to the `catch` byte itself, so an exception
// it throws skips the handler: a wrong password came back as a corrupt file, or the cleanup of an
// object not yet constructed ran and trapped. With a `nop` in between, such a call returns inside
// the range. The `nop` costs one byte per handler and nothing at run time in the optimising tiers.
//
// Run by the wasm build after binaryen's last pass (tools/split-wasm.mjs), so no optimiser removes
// the padding; tests/wasm/pad-catch.test.mjs checks the result.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertBeforeInstructions } from './lib/wasm-code.mjs';

export const OP_NOP = 0x01;
const OP_CATCH = 0x07;
const OP_DELEGATE = 0x18;
const OP_CATCH_ALL = 0x19;
export const HANDLER_STARTS = new Set([OP_CATCH, OP_CATCH_ALL, OP_DELEGATE]);

/** `bytes` with a nop before each handler that has none yet; returns {bytes, inserted}. */
export function padCatch(bytes) {
  return insertBeforeInstructions(bytes, (opcode, previous) => (HANDLER_STARTS.has(opcode) && previous !== OP_NOP ? [OP_NOP] : []));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node tools/pad-catch.mjs MODULE.wasm...');
    process.exit(2);
  }
  for (const file of files) {
    const { bytes, inserted } = padCatch(readFileSync(file));
    if (!WebAssembly.validate(bytes)) throw new Error(`${file}: the padded module does not validate`);
    writeFileSync(file, bytes);
    console.log(`${file}: ${inserted} handlers padded`);
  }
}
