// Chromium (Debian's `chromium`) through playwright-core: one persistent context per profile.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser.mjs';

export const name = 'chromium';

class ChromiumPage {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      this.errors.push(`dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
  }

  goto(url) { return this.page.goto(url); }
  reload() { return this.page.reload(); }
  evaluate(source, arg) { return this.page.evaluate(`(${source})(${JSON.stringify(arg ?? null)})`); }
  async element(source, arg) {
    const handle = await this.page.evaluateHandle(`(${source})(${JSON.stringify(arg ?? null)})`);
    const element = handle.asElement();
    if (!element) await handle.dispose();
    return element;
  }
  evaluateOn(element, source, arg) { return element.evaluate(new Function('el', 'arg', `return (${source})(el, arg)`), arg ?? null); }
  click(element) { return element.click(); }
  fill(element, text) { return element.fill(text); }
  press(key) { return this.page.keyboard.press(key); }
  type(text) { return this.page.keyboard.type(text); }
  upload(element, files) { return element.setInputFiles(files); }
  async download(action) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }
  bringToFront() { return this.page.bringToFront(); }
  close() { return this.page.close(); }
}

export async function launch({ proxy }) {
  const version = execFileSync(CHROMIUM, ['--version']).toString().trim();
  return {
    name,
    version,
    async newProfile({ args = [] } = {}) {
      const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'authcore-chromium-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        // <-loopback> removes Chromium's built-in bypass, so our own origin goes through the proxy too.
        // The fake camera (a generated pattern) answers getUserMedia without a prompt.
        args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--proxy-server=http://${proxy}`, '--proxy-bypass-list=<-loopback>', ...args],
        viewport: { width: 1280, height: 900 },
        locale: 'en-US',
        acceptDownloads: true,
      });
      return {
        async newPage() {
          // A persistent context opens with one blank tab: use it first.
          const blank = context.pages().find((page) => page.url() === 'about:blank' && !page.__taken);
          const page = blank ?? await context.newPage();
          page.__taken = true;
          return new ChromiumPage(page);
        },
        grantClipboard: (origin) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }),
        async close() {
          await context.close();
          rmSync(userDataDir, { recursive: true, force: true });
        },
      };
    },
    async close() {},
  };
}
