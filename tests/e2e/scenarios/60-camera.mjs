// The camera in every engine. Each engine's own fake device (Chromium's --use-fake-device, Firefox's
// media.navigator.streams.fake, WebKitGTK's mock capture devices) shows a generated pattern, so:
//   1. the real fake device opens, shows video, and is released (every track ended) on Stop and when
//      the Add page is left;
//   2. a canvas.captureStream() showing a known QR stands in for getUserMedia (the page's own video,
//      frame and scan path), and the confirmation card shows oathtool's code;
//   3. the same through the Screen route, a canvas stream standing in for getDisplayMedia.
// Chromium's .y4m camera (a file as the device) stays in tests/e2e/scan.test.mjs.
import assert from 'node:assert/strict';
import { qrMatrix } from '../support/qr-images.mjs';
import { FIXED_TIME, oathtool, heading, button, navButton, newVaultOnAddPage } from '../support/flows.mjs';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const AUTHENTIK = `otpauth://totp/authentik%3Akristine.majore?secret=${SECRET}&algorithm=SHA1&digits=6&period=30&issuer=authentik`;

// Both replacements below keep a reference to navigator.mediaDevices (window.__e2eMediaDevices)
// while its getUserMedia is replaced: WebKitGTK 2.50 does not keep the JS object of MediaDevices
// alive for its own properties, so under load a garbage collection dropped it, navigator.mediaDevices
// came back as a fresh object with the native getUserMedia, and the app opened the engine's mock
// camera instead of the canvas stream (the "no card within 30 s" of the WebKit runs; seen with
// videoState below). (Functions run in the page by evaluate cannot call helpers of this file.)

/// Test instrumentation (in the page, not in the app): remembers every stream getUserMedia gives,
/// so the test can see whether each was released.
function recordStreams() {
  if (window.__e2eStreams) return;
  window.__e2eStreams = [];
  window.__e2eMediaDevices = navigator.mediaDevices;
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    window.__e2eStreams.push(stream);
    return stream;
  };
}

/// Replaces navigator.mediaDevices[which] ('getUserMedia' or 'getDisplayMedia') with a canvas stream
/// showing `matrix` (a QR code, quiet zone added).
function canvasStream({ matrix, which }) {
  const module = 8;
  const size = (matrix.length + 8) * module;
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d');
  const draw = () => {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#000';
    const left = (canvas.width - size) / 2 + 4 * module;
    const top = (canvas.height - size) / 2 + 4 * module;
    matrix.forEach((row, y) => row.forEach((dark, x) => { if (dark) context.fillRect(left + x * module, top + y * module, module, module); }));
  };
  draw();
  // A stream only carries frames that are drawn: redraw while the test runs.
  window.__e2eCanvasTimer = setInterval(draw, 50);
  window.__e2eMediaDevices = navigator.mediaDevices;
  window.__e2eStreams = [];
  navigator.mediaDevices[which] = async () => {
    const stream = canvas.captureStream(20);
    window.__e2eStreams.push(stream);
    return stream;
  };
}

/// What the scan view's video shows, whether a frame of it can be taken and whether getUserMedia is
/// still the replaced one (for a failure message).
async function videoState() {
  const video = document.querySelector('.scan-view video');
  if (!video) return { video: 'none' };
  let bitmap = 'ok';
  try {
    const taken = await createImageBitmap(video);
    bitmap = `${taken.width}x${taken.height}`;
  } catch (error) {
    bitmap = `${error?.name}: ${error?.message}`;
  }
  const streams = (window.__e2eStreams ?? []).map((stream) => stream.getVideoTracks().map((t) => `${t.label} ${t.readyState}`).join());
  return { readyState: video.readyState, width: video.videoWidth, paused: video.paused, time: video.currentTime, bitmap, streams,
    shown: video.srcObject?.getVideoTracks().map((t) => t.label).join(),
    replaced: navigator.mediaDevices === window.__e2eMediaDevices && (Object.hasOwn(navigator.mediaDevices, 'getUserMedia') || Object.hasOwn(navigator.mediaDevices, 'getDisplayMedia')),
  };
}

/// The code on the confirmation card once a scan has read one; on a timeout the error says what
/// the video showed.
function confirmationCode(page) {
  return page.waitUntil(() => document.querySelector('.confirm-card .code-digits')?.textContent.replace(/\s/g, '').match(/^\d+$/)?.[0], null, { timeout: 30_000, message: 'for the confirmation card' })
    .catch(async (error) => { throw new Error(`${error.message}; the video then: ${JSON.stringify(await page.evaluate(videoState))}`); });
}

const allReleased = () => window.__e2eStreams.length > 0 && window.__e2eStreams.every((stream) => stream.getTracks().every((track) => track.readyState === 'ended'));

export const scenario = {
  name: 'camera',
  clock: FIXED_TIME,
  async setup({ page }) {
    await newVaultOnAddPage(page);
  },
  steps: [
    {
      name: 'the engine\'s own fake camera opens, shows video, and is released on Stop and on leaving the page',
      // WebKitGTK 2.50 once opened nothing on a second click after Stop; it passes since the decode
      // binding stopped throwing for frames without a code (measured; the earlier cause was not
      // isolated).
      async run({ page }) {
        await page.evaluate(recordStreams);
        await page.click(button('Camera'));
        await page.waitUntil(() => {
          const video = document.querySelector('.scan-view video');
          return video && video.readyState >= 2 && video.videoWidth > 0;
        }, null, { timeout: 20_000, message: 'for camera video' });
        assert.equal(await page.evaluate(() => window.__e2eStreams.length), 1);
        await page.click(button('Stop'));
        await page.waitUntil(allReleased, null, { message: 'for the camera to be released after Stop' });
        await page.click(button('Camera'));
        await page.waitUntil(() => window.__e2eStreams.length === 2 && window.__e2eStreams[1].getTracks().some((track) => track.readyState === 'live'));
        await page.click(navButton('Accounts'));
        await page.waitUntil(allReleased, null, { message: 'for the camera to be released after leaving Add' });
      },
    },
    {
      name: 'a canvas stream showing an authentik QR stands in for the camera: the card shows oathtool\'s code',
      independent: true,
      async run({ page }) {
        await page.click(navButton('Add'));
        await page.waitFor(heading('Add an account'));
        await page.evaluate(canvasStream, { matrix: qrMatrix(AUTHENTIK), which: 'getUserMedia' });
        const started = Date.now();
        await page.click(button('Camera'));
        const code = await confirmationCode(page);
        console.log(`# camera (canvas stream) click to confirmation card: ${Date.now() - started} ms`);
        assert.equal(code, oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`));
        assert.equal(await page.text({ css: '.confirm-card .preview-issuer' }), 'authentik');
        await page.waitUntil(allReleased, null, { message: 'for the stream to be released once the code is read' });
        await page.evaluate(() => clearInterval(window.__e2eCanvasTimer));
      },
    },
    {
      name: 'a canvas stream stands in for the shared screen (getDisplayMedia): the card shows oathtool\'s code',
      // The Screen route is the same page path with getDisplayMedia; no engine shares a screen under
      // automation without a prompt, so a canvas stream stands in for the screen, as for the camera.
      independent: true,
      async run({ page }) {
        await page.click(navButton('Accounts'));
        await page.click(navButton('Add'));
        await page.waitFor(heading('Add an account'));
        assert.ok(await page.evaluate(() => Boolean(navigator.mediaDevices?.getDisplayMedia)), 'getDisplayMedia is missing, so the Screen button would be hidden');
        await page.evaluate(canvasStream, { matrix: qrMatrix(AUTHENTIK), which: 'getDisplayMedia' });
        await page.click(button('Screen'));
        const code = await confirmationCode(page);
        assert.equal(code, oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`));
        await page.waitUntil(allReleased, null, { message: 'for the shared screen to be released once the code is read' });
        await page.evaluate(() => clearInterval(window.__e2eCanvasTimer));
      },
    },
  ],
};
