// Moving a vault to another device by QR (issue 13): laptop A (20 accounts) shows its loop of QR
// codes and the one-time code; every frame it draws is taken from its canvas and made into the
// .y4m video that laptop B's fake camera plays (at 30 frames a second, each part for the 200 ms A
// shows it, starting mid-loop so the parts arrive out of order, and the loop repeats them). B, which
// already has one of the accounts, reads every part, takes the code as a person types it, shows the
// preview and merges: B then lists A's 20 accounts, with the codes oathtool computes, the shared
// account once. Printed: the seconds from B's "Camera" to every part read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveWeb } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { FIXED_TIME, oathtool, saveLink, row, rowCode } from './support/app.mjs';

const ACCOUNTS = 20;
const FPS = 30;
const FRAMES_PER_PART = 6; // 200 ms at 30 fps: what a camera sees of each part A shows
const WIDTH = 640;
const HEIGHT = 480;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-transfer-e2e-'));
let web;
let laptopA;
let laptopB;
let transferSeconds = null;
let partCount = 0;

// Twenty accounts of the kinds authentik and others issue, each with its own secret.
function secretFor(index) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let secret = '';
  for (let i = 0; i < 32; i++) secret += alphabet[(index * 7 + i * 13 + ((index * i) % 5)) % 32];
  return secret;
}
const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({
  issuer: `Serviss ${String(i + 1).padStart(2, '0')}`,
  secret: secretFor(i),
  digits: i % 4 === 0 ? 8 : 6,
}));
const uriOf = ({ issuer, secret, digits }) => `otpauth://totp/${encodeURIComponent(`${issuer}:darbinieks`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${digits}&period=30`;

async function openSettings(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
}

/// Every part A's loop shows, as grey pixels, taken from its canvas as it draws them.
async function framesShownBy(page) {
  return page.evaluate(async () => {
    const canvas = document.querySelector('canvas.transfer-qr');
    const seen = {};
    let total = Infinity;
    const started = performance.now();
    while (Object.keys(seen).length < total && performance.now() - started < 60_000) {
      const part = canvas.dataset.part;
      if (part && !seen[part]) {
        total = Number(document.querySelector('.transfer-position').textContent.match(/of (\d+)/)[1]);
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let grey = '';
        for (let i = 0; i < data.length; i += 4) grey += String.fromCharCode(data[i]);
        seen[part] = { width: canvas.width, height: canvas.height, grey: btoa(grey) };
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return seen;
  });
}

/// The .y4m B's camera plays: the parts from the middle of the loop on, each FRAMES_PER_PART frames,
/// on a light grey background (limited-range luma: white 235, black 16).
function writeLoopVideo(file, frames) {
  const parts = Object.keys(frames).map(Number).sort((a, b) => a - b);
  const order = [...parts.slice(Math.floor(parts.length / 2)), ...parts.slice(0, Math.floor(parts.length / 2))];
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const fd = openSync(file, 'w');
  writeSync(fd, `YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`);
  for (const part of order) {
    const { width, height, grey } = frames[part];
    assert.ok(width <= WIDTH && height <= HEIGHT, `part ${part} (${width}x${height}) fits the video`);
    const pixels = Buffer.from(grey, 'base64');
    const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
    const left = Math.floor((WIDTH - width) / 2);
    const top = Math.floor((HEIGHT - height) / 2);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) luma[(top + y) * WIDTH + left + x] = pixels[y * width + x] < 128 ? 16 : 235;
    }
    for (let i = 0; i < FRAMES_PER_PART; i++) {
      writeSync(fd, 'FRAME\n');
      writeSync(fd, luma);
      writeSync(fd, chroma);
    }
  }
  closeSync(fd);
  return order;
}

before(async () => {
  web = await serveWeb();
});

after(async () => {
  if (transferSeconds !== null) {
    console.log(`# QR transfer of ${ACCOUNTS} accounts: ${transferSeconds.toFixed(1)} s from "Camera" to every part read `
      + `(${partCount} parts, a loop of ${(partCount * FRAMES_PER_PART / FPS).toFixed(1)} s)`);
  }
  await laptopA?.profile.close();
  await laptopB?.profile.close();
  await web?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('20 accounts move from one laptop to another through the camera and a one-time code', async () => {
  laptopA = await openFreshApp(web.url, { withVault: true });
  const a = laptopA.page;
  a.setDefaultTimeout(90_000);
  const list = path.join(tmp, 'accounts.txt');
  writeFileSync(list, `${accounts.map(uriOf).join('\n')}\n`);
  await a.getByRole('navigation').getByRole('button', { name: 'Settings' }).waitFor();
  await openSettings(a);
  await a.getByRole('button', { name: 'Import', exact: true }).click();
  await a.getByLabel('Export file').setInputFiles(list);
  await a.getByRole('button', { name: `Import ${ACCOUNTS} accounts` }).click();
  await a.getByText(`${ACCOUNTS} accounts imported.`).first().waitFor();

  await openSettings(a);
  await a.getByRole('button', { name: 'Send to another device' }).click();
  await a.getByRole('button', { name: 'Show the codes' }).click();
  const code = (await a.locator('.transfer-code').textContent()).trim();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  const frames = await framesShownBy(a);
  const video = path.join(tmp, 'loop.y4m');
  const order = writeLoopVideo(video, frames);
  partCount = order.length;
  assert.ok(order.length >= 2, `a 20-account vault takes several parts (${order.length})`);

  laptopB = await openFreshApp(web.url, {
    withVault: true,
    permissions: ['camera'],
    viewport: { width: 1280, height: 4000 }, // the list draws only the rows in view: all 20 here
    args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--use-fake-ui-for-media-stream'],
  });
  const b = laptopB.page;
  b.setDefaultTimeout(90_000);
  await saveLink(b, uriOf(accounts[3])); // B has one of A's accounts already
  await b.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  await openSettings(b);
  await b.getByRole('button', { name: 'Receive from another device' }).click();
  const started = Date.now();
  await b.getByRole('button', { name: 'Camera' }).click();
  await b.getByText(/^Read \d+ of \d+ parts\.$/).waitFor();
  await b.locator('#receive-progress-text', { hasText: 'Every part read.' }).waitFor();
  transferSeconds = (Date.now() - started) / 1000;
  const tracks = await b.evaluate(() => [...document.querySelectorAll('video')].flatMap((v) => v.srcObject?.getTracks?.() ?? []).map((t) => t.readyState));
  assert.ok(tracks.every((state) => state === 'ended'), 'the camera stops once every part is read');

  // A wrong code first, then the right one the way a person types it.
  const wrong = `${code.slice(0, 10)}${code[10] === 'Z' ? 'Y' : 'Z'}`;
  await b.getByLabel('One-time code from the other device').fill(wrong);
  await b.getByRole('button', { name: 'Show what will change' }).click();
  await b.getByText('That code does not open these accounts. Check it on the other device.').waitFor();
  await b.getByLabel('One-time code from the other device').fill(code.toLowerCase().replace('-', ' '));
  await b.getByRole('button', { name: 'Show what will change' }).click();
  await b.getByText(`Adds ${ACCOUNTS - 1}, updates 0, removes 0, leaves 1 unchanged.`).waitFor();
  await b.getByRole('button', { name: 'Merge', exact: true }).click();
  await b.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();

  assert.equal(await b.locator('.account').count(), ACCOUNTS, 'the shared account is there once');
  for (const account of accounts) {
    const expected = oathtool('--totp', '-d', String(account.digits), '-b', account.secret, '--now', `@${FIXED_TIME}`);
    assert.equal(await rowCode(b, account.issuer), expected, account.issuer);
    assert.equal(await row(b, account.issuer).count(), 1, account.issuer);
  }
  assert.deepEqual(laptopA.errors, []);
  assert.deepEqual(laptopB.errors, []);
});
