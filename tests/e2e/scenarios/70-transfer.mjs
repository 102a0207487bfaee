// Moving a vault to another device by QR, in every engine. The other device is the core itself, in
// Node: a vault with three accounts makes its transfer copy and one-time code (vaultTransferCopy),
// cut into the page's QR parts (transfer/vault-frames.js) and drawn by Debian's qrencode (another
// writer than the app's). A canvas stream cycling through those codes, five a second, stands in for
// the camera (as in 60-camera.mjs: no engine's fake camera can show a chosen picture, except
// Chromium's .y4m file, which tests/e2e/transfer.test.mjs uses with a real sender). The page reads
// every part, takes the code as typed, previews and merges; the codes then equal oathtool's. And
// the sending screen shows its code and a loop that moves on. And Settings -> Sync offers a folder
// only where the engine has the File System Access API (Chromium), and says what works elsewhere.
import assert from 'node:assert/strict';
import { qrMatrix } from '../support/qr-images.mjs';
import { FIXED_TIME, oathtool, heading, button, navButton, newVaultOnAddPage, rowCode } from '../support/flows.mjs';
import { loadAuthcore } from '../../wasm/loadModule.mjs';
import { asThePage } from '../../wasm/asThePage.mjs';
import { framesOf } from '../../../web/js/transfer/vault-frames.js';

const ACCOUNTS = [
  { issuer: 'authentik', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', digits: 6 },
  { issuer: 'Nextcloud', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', digits: 8 },
  { issuer: 'Grāmatvedība', secret: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA', digits: 6 },
];
const uriOf = ({ issuer, secret, digits }) => `otpauth://totp/${encodeURIComponent(`${issuer}:anna`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&digits=${digits}`;

/// The other device's loop: {matrices (one QR per part), code}.
async function otherDevicesLoop() {
  const m = asThePage(await loadAuthcore());
  m.vaultCreate('otras ierīces parole', { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 });
  for (const account of ACCOUNTS) assert.equal(m.vaultAddUri(uriOf(account), {}).error, undefined);
  const { file, code } = m.vaultTransferCopy();
  m.vaultLock();
  return { matrices: framesOf(file).map(qrMatrix), code };
}

/// In the page: getUserMedia answers a canvas stream that shows each of `matrices` for `periodMs`,
/// round and round. (A reference to navigator.mediaDevices is kept: see 60-camera.mjs on WebKitGTK.)
function cyclingCanvasStream({ matrices, periodMs }) {
  const module = 4;
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d');
  const draw = () => {
    const matrix = matrices[Math.floor(performance.now() / periodMs) % matrices.length];
    const size = (matrix.length + 8) * module;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#000';
    const left = (canvas.width - size) / 2 + 4 * module;
    const top = (canvas.height - size) / 2 + 4 * module;
    matrix.forEach((row, y) => row.forEach((dark, x) => { if (dark) context.fillRect(left + x * module, top + y * module, module, module); }));
  };
  draw();
  window.__e2eCanvasTimer = setInterval(draw, 40);
  window.__e2eMediaDevices = navigator.mediaDevices;
  window.__e2eStreams = [];
  navigator.mediaDevices.getUserMedia = async () => {
    const stream = canvas.captureStream(25);
    window.__e2eStreams.push(stream);
    return stream;
  };
}

export const scenario = {
  name: 'move to another device',
  clock: FIXED_TIME,
  async setup({ page }) {
    await newVaultOnAddPage(page);
  },
  steps: [
    {
      name: 'another device\'s QR loop is read part by part; the typed one-time code merges its accounts',
      async run({ page }) {
        const { matrices, code } = await otherDevicesLoop();
        assert.ok(matrices.length >= 2, `several parts (${matrices.length})`);
        await page.click(navButton('Settings'));
        await page.click(button('Receive from another device'));
        await page.waitFor(heading('Receive from another device'));
        await page.evaluate(cyclingCanvasStream, { matrices, periodMs: 200 });
        const started = Date.now();
        await page.click(button('Camera'));
        await page.waitUntil(() => document.getElementById('receive-progress-text')?.textContent === 'Every part read.', null,
          { timeout: 60_000, message: 'for every part to be read' });
        console.log(`# receive by QR (canvas stream, ${matrices.length} parts, 200 ms each): ${Date.now() - started} ms from Camera to every part`);
        await page.waitUntil(() => window.__e2eStreams.every((s) => s.getTracks().every((t) => t.readyState === 'ended')), null,
          { message: 'for the camera to be released once every part is read' });
        await page.evaluate(() => clearInterval(window.__e2eCanvasTimer));
        await page.fill('One-time code from the other device', `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`);
        await page.click(button('Show what will change'));
        await page.waitFor({ text: `Adds ${ACCOUNTS.length}, updates 0, removes 0, leaves 0 unchanged.` }, { timeout: 60_000 });
        await page.click(button('Merge'));
        await page.waitFor(heading('Accounts'));
        for (const { issuer, secret, digits } of ACCOUNTS) {
          assert.equal(await rowCode(page, issuer), oathtool('--totp', '-d', String(digits), '-b', secret, '--now', `@${FIXED_TIME}`), issuer);
        }
      },
    },
    {
      name: 'the sending screen shows a one-time code and a loop of QR codes that moves on',
      async run({ page }) {
        await page.click(navButton('Settings'));
        await page.click(button('Send to another device'));
        await page.click(button('Show the codes'));
        await page.waitFor({ css: 'canvas.transfer-qr[data-part]' }, { timeout: 60_000 });
        assert.match(await page.text({ css: '.transfer-code' }), /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
        const first = await page.attribute({ css: 'canvas.transfer-qr' }, 'data-part');
        await page.waitUntil((part) => document.querySelector('canvas.transfer-qr')?.dataset.part !== part, first,
          { timeout: 10_000, message: 'for the loop to show the next part' });
        await page.click(button('Done'));
        await page.waitFor(heading('Settings'));
      },
    },
    {
      name: 'the sync card offers a folder only where the engine can pick one, and says what works elsewhere',
      async run({ page, engineName }) {
        // This build names no WebDAV server (tests/e2e/sync.test.mjs builds one that does).
        const picker = await page.evaluate(() => typeof window.showDirectoryPicker === 'function');
        assert.equal(picker, engineName === 'chromium', `showDirectoryPicker in ${engineName}`);
        await page.click(navButton('Settings'));
        await page.waitFor(heading('Sync with other devices'));
        if (picker) {
          await page.waitFor(button('Choose a folder'));
          await page.waitFor({ text: 'A WebDAV server was not set up for this copy of the app. Ask whoever runs it.' });
        } else {
          await page.waitFor({ text: /This browser cannot use a folder for sync/ });
          assert.equal(await page.exists(button('Choose a folder')), false);
        }
      },
    },
  ],
};
