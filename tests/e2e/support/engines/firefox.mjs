// Firefox ESR (Debian's `firefox-esr`) through WebDriver BiDi with puppeteer-core: one browser, one
// BiDi user context (own cookies, IndexedDB, service workers) per profile. Permissions stay at
// Firefox's defaults: storage persistence is a prompt nobody answers, which the app must not wait on.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { downloadInto } from '../downloads.mjs';
import os from 'node:os';
import path from 'node:path';

export const name = 'firefox';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

class FirefoxPage {
  constructor(page, downloadsDir) {
    this.page = page;
    this.downloadsDir = downloadsDir;
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
  async fill(element, text) {
    await element.evaluate((el) => { el.focus(); el.select?.(); });
    await this.page.keyboard.press('Backspace');
    if (text) await element.type(text);
  }
  /// 'Tab', 'Enter', 'Shift+Tab', 'Control+V'.
  async press(key) {
    const parts = key.split('+');
    const main = parts.pop();
    for (const modifier of parts) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(main);
    for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier);
  }
  type(text) { return this.page.keyboard.type(text); }
  upload(element, files) { return element.uploadFile(...files); }
  /// Firefox saves downloads straight into the run's folder (prefs below); the new file is it.
  download(action) {
    return downloadInto(this.downloadsDir, action);
  }
  bringToFront() { return this.page.bringToFront(); }
  close() { return this.page.close(); }
}

export async function launch({ proxy }) {
  const downloadsDir = mkdtempSync(path.join(os.tmpdir(), 'authcore-firefox-downloads-'));
  const [proxyHost, proxyPort] = proxy.split(':');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Every request through the recording proxy, our own loopback origin included.
      'network.proxy.type': 1,
      'network.proxy.http': proxyHost,
      'network.proxy.http_port': Number(proxyPort),
      'network.proxy.ssl': proxyHost,
      'network.proxy.ssl_port': Number(proxyPort),
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Downloads land in a known folder without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      // Lets the test read the clipboard after "copy" (the page itself only writes).
      'dom.events.testing.asyncClipboard': true,
      // The fake camera (a generated pattern) without the camera prompt. Only media: storage
      // persistence stays at the default (a prompt), as the daily scenario needs.
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
    },
  });
  const version = await browser.version();
  return {
    name,
    version,
    async newProfile() {
      const context = await browser.createBrowserContext();
      return {
        newPage: async () => new FirefoxPage(await context.newPage(), downloadsDir),
        grantClipboard: async () => {},
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
