// Reads a WebAssembly module's code section instruction by instruction, for the few rewrites the
// build makes after binaryen (tools/pad-catch.mjs). Covers what Emscripten 3.1.69 emits for this
// project: the MVP, sign extension, saturating conversions, bulk memory, reference types,
// multivalue block types, fixed-width SIMD and the legacy exception instructions. Anything else
// (atomics, tail calls, try_table, GC types) is an error, so a new feature cannot be skipped over
// as if it were data.

/** A byte reader over `bytes` with LEB128 helpers; `at` is the position of the next byte. */
class WasmReader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  byte() {
    if (this.at >= this.bytes.length) throw new Error(`wasm: read past the end at ${this.at}`);
    return this.bytes[this.at++];
  }

  /** An unsigned LEB128 of up to 32 bits. */
  u32() {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new Error(`wasm: LEB128 too long at ${this.at}`);
  }

  /** Skips a signed LEB128 of up to `bits` bits (its value is never needed here). */
  skipSigned(bits) {
    for (let read = 0; read < bits + 7; read += 7) {
      if ((this.byte() & 0x80) === 0) return;
    }
    throw new Error(`wasm: LEB128 too long at ${this.at}`);
  }

  skip(count) {
    if (this.at + count > this.bytes.length) throw new Error(`wasm: read past the end at ${this.at}`);
    this.at += count;
  }
}

/** Encodes `value` (a non-negative integer below 2^32) as unsigned LEB128. */
function encodeU32(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

/** The sections of a module: {id, start, end} of each one's contents, in order. */
function sections(bytes) {
  const reader = new WasmReader(bytes, 8);
  const found = [];
  while (reader.at < bytes.length) {
    const headerStart = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    found.push({ id, headerStart, start: reader.at, end: reader.at + size });
    reader.skip(size);
  }
  return found;
}

const SECTION_CODE = 10;

const MEMARG = 'memarg';
// Immediates of the one-byte opcodes that have any; every other opcode from 0x45 to 0xc4 (numeric
// instructions) and the structural ones listed as null have none.
const IMMEDIATES = new Map([
  [0x00, null], [0x01, null], [0x02, 'blocktype'], [0x03, 'blocktype'], [0x04, 'blocktype'], [0x05, null],
  [0x06, 'blocktype'], [0x07, 'u32'], [0x08, 'u32'], [0x09, 'u32'], [0x0b, null], [0x0c, 'u32'], [0x0d, 'u32'],
  [0x0e, 'br_table'], [0x0f, null], [0x10, 'u32'], [0x11, 'u32 u32'], [0x18, 'u32'], [0x19, null],
  [0x1a, null], [0x1b, null], [0x1c, 'valtypes'], [0x20, 'u32'], [0x21, 'u32'], [0x22, 'u32'], [0x23, 'u32'],
  [0x24, 'u32'], [0x25, 'u32'], [0x26, 'u32'], [0x3f, 'u32'], [0x40, 'u32'], [0x41, 's32'], [0x42, 's64'],
  [0x43, 'bytes4'], [0x44, 'bytes8'], [0xd0, 's33'], [0xd1, null], [0xd2, 'u32'],
]);
for (let op = 0x28; op <= 0x3e; op++) IMMEDIATES.set(op, MEMARG);
for (let op = 0x45; op <= 0xc4; op++) IMMEDIATES.set(op, null);

// 0xfc prefix (saturating conversions, bulk memory, tables): immediates by sub-opcode.
const PREFIX_FC = ['', '', '', '', '', '', '', '', 'u32 u32', 'u32', 'u32 u32', 'u32', 'u32 u32', 'u32', 'u32 u32', 'u32', 'u32', 'u32'];

function simdImmediates(sub) {
  if (sub <= 11) return MEMARG; // v128.load*, v128.store
  if (sub === 12 || sub === 13) return 'bytes16'; // v128.const, i8x16.shuffle
  if (sub >= 21 && sub <= 34) return 'bytes1'; // extract_lane, replace_lane
  if (sub >= 84 && sub <= 91) return `${MEMARG} bytes1`; // v128.load*_lane, v128.store*_lane
  if (sub === 92 || sub === 93) return MEMARG; // v128.load32_zero, v128.load64_zero
  return '';
}

function skipImmediates(reader, kinds) {
  if (!kinds) return;
  for (const kind of kinds.split(' ')) {
    switch (kind) {
      case 'u32': reader.u32(); break;
      case 's32': reader.skipSigned(32); break;
      case 's33': case 'blocktype': reader.skipSigned(33); break;
      case 's64': reader.skipSigned(64); break;
      case 'bytes1': reader.skip(1); break;
      case 'bytes4': reader.skip(4); break;
      case 'bytes8': reader.skip(8); break;
      case 'bytes16': reader.skip(16); break;
      case MEMARG: reader.u32(); reader.u32(); break;
      case 'br_table': { const n = reader.u32(); for (let i = 0; i <= n; i++) reader.u32(); break; }
      case 'valtypes': { const n = reader.u32(); reader.skip(n); break; }
      default: throw new Error(`wasm: unknown immediate kind ${kind}`);
    }
  }
}

/**
 * Calls `visit(opcode, position)` for each instruction of the function body in bytes[start, end)
 * (after its locals), where `opcode` is the first byte and `position` its offset in `bytes`.
 */
function forEachInstruction(bytes, start, end, visit) {
  const reader = new WasmReader(bytes, start);
  const localGroups = reader.u32();
  for (let i = 0; i < localGroups; i++) {
    reader.u32();
    const type = reader.byte();
    if (type === 0x63 || type === 0x64) throw new Error('wasm: typed references are not supported');
  }
  while (reader.at < end) {
    const position = reader.at;
    const opcode = reader.byte();
    visit(opcode, position);
    if (opcode === 0xfc) {
      const sub = reader.u32();
      if (sub >= PREFIX_FC.length) throw new Error(`wasm: unsupported 0xfc ${sub} at ${position}`);
      skipImmediates(reader, PREFIX_FC[sub]);
    } else if (opcode === 0xfd) {
      skipImmediates(reader, simdImmediates(reader.u32()));
    } else if (IMMEDIATES.has(opcode)) {
      skipImmediates(reader, IMMEDIATES.get(opcode));
    } else {
      throw new Error(`wasm: unsupported opcode 0x${opcode.toString(16)} at ${position}`);
    }
  }
  if (reader.at !== end) throw new Error(`wasm: a function body overruns its size at ${start}`);
}

/**
 * A copy of the module with `insert(opcode, previousOpcode)` bytes (an array, possibly empty) put
 * before every instruction whose first byte is `opcode` (previousOpcode: that of the instruction
 * before it in the same body, or null); function and section sizes are re-encoded. Returns
 * {bytes, inserted} where `inserted` counts the places changed.
 */
export function insertBeforeInstructions(bytes, insert) {
  const code = sections(bytes).find((s) => s.id === SECTION_CODE);
  if (!code) return { bytes, inserted: 0 };
  const reader = new WasmReader(bytes, code.start);
  const count = reader.u32();
  const bodies = [];
  let inserted = 0;
  for (let i = 0; i < count; i++) {
    const size = reader.u32();
    const start = reader.at;
    const end = start + size;
    const pieces = [];
    let copiedTo = start;
    let previous = null;
    forEachInstruction(bytes, start, end, (opcode, position) => {
      const extra = insert(opcode, previous);
      previous = opcode;
      if (extra.length === 0) return;
      pieces.push(bytes.subarray(copiedTo, position), Uint8Array.from(extra));
      copiedTo = position;
      inserted++;
    });
    pieces.push(bytes.subarray(copiedTo, end));
    const bodySize = pieces.reduce((sum, p) => sum + p.length, 0);
    bodies.push(Uint8Array.from(encodeU32(bodySize)), ...pieces);
    reader.at = end;
  }
  if (reader.at !== code.end) throw new Error('wasm: the code section has trailing bytes');
  const contents = [Uint8Array.from(encodeU32(count)), ...bodies];
  const contentSize = contents.reduce((sum, p) => sum + p.length, 0);
  const out = Buffer.concat([
    bytes.subarray(0, code.headerStart),
    Uint8Array.of(SECTION_CODE), Uint8Array.from(encodeU32(contentSize)), ...contents,
    bytes.subarray(code.end),
  ]);
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.length), inserted };
}
