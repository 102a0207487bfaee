// Downloads for engines that save straight into a folder (Firefox by prefs, WebKitGTK's MiniBrowser
// into its $HOME): run the action, then wait for a new, complete, non-hidden file there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const files = (dir) => readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name);

export async function downloadInto(dir, action, { timeout = 15_000 } = {}) {
  const before = new Set(files(dir));
  await action();
  for (let waited = 0; waited < timeout; waited += 100) {
    const fresh = files(dir).filter((file) => !before.has(file) && !/\.(part|download)$/.test(file));
    if (fresh.length) {
      await sleep(200); // the rename from the partial name is the last step: let the write settle
      for (const name of fresh) {
        try {
          const file = path.join(dir, name);
          if (statSync(file).size > 0) return { name, bytes: readFileSync(file) };
        } catch (error) {
          // Firefox may first write under a random name of the same extension and rename it away
          // (seen in CI: tGmpaHy4.authvault gone 200 ms later): keep waiting for the final file.
          if (error.code !== 'ENOENT') throw error;
        }
      }
    }
    await sleep(100);
  }
  throw new Error(`no download arrived in ${dir} within ${timeout} ms`);
}
