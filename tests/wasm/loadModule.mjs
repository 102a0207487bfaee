// Loads the built ES module (build/wasm/module/authcore_wasm.mjs) once for every binding test.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const modulePath = path.join(root, 'build', 'wasm', 'module', 'authcore_wasm.mjs');

let instance;
export async function loadAuthcore() {
  if (!existsSync(modulePath)) throw new Error(`${modulePath} is missing: build the wasm preset first`);
  if (!instance) {
    const { default: createAuthcore } = await import(modulePath);
    instance = await createAuthcore();
  }
  return instance;
}

/// A fresh instance whose linear memory the test can read (for the leftover-secret tests):
/// WebAssembly.instantiate is wrapped just long enough to catch it. -O3 minifies export names, so the
/// exported Memory is found by type.
export async function loadAuthcoreWithMemory() {
  if (!existsSync(modulePath)) throw new Error(`${modulePath} is missing: build the wasm preset first`);
  const original = WebAssembly.instantiate;
  let memory;
  WebAssembly.instantiate = async (...args) => {
    const result = await original(...args);
    memory = Object.values((result.instance ?? result).exports).find((e) => e instanceof WebAssembly.Memory);
    return result;
  };
  try {
    const { default: createAuthcore } = await import(`${modulePath}?instance=${Math.random()}`);
    const m = await createAuthcore();
    if (!(memory instanceof WebAssembly.Memory)) throw new Error('the module exported no memory');
    return { m, memory };
  } finally {
    WebAssembly.instantiate = original;
  }
}

/// Throws if any 8-byte window (starting at a multiple of 4) of any of `secrets` ({name: text}) is
/// anywhere in `memory`: a leftover piece of 11 bytes or more is found.
export function assertNoLeftovers(memory, secrets, step) {
  const heap = Buffer.from(memory.buffer);
  for (const [name, text] of Object.entries(secrets)) {
    const bytes = Buffer.from(text);
    for (let i = 0; i + 8 <= bytes.length; i += 4) {
      if (heap.indexOf(bytes.subarray(i, i + 8)) !== -1) throw new Error(`${step}: a piece of the ${name} is still in memory`);
    }
  }
}
