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
