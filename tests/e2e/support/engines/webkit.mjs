// WebKitGTK's MiniBrowser (Safari's engine) through WebKitWebDriver (Debian `webkit2gtk-driver`) and
// selenium-webdriver, on an Xvfb display of its own when none is set. One WebDriver session (a fresh
// MiniBrowser, own storage) per profile; a page is one of its windows.
import { Builder, Key } from 'selenium-webdriver';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadInto } from '../downloads.mjs';
import net from 'node:net';

export const name = 'webkit';
const CANDIDATES = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser'];
export const MINIBROWSER = process.env.MINIBROWSER ?? CANDIDATES.find((file) => existsSync(file)) ?? CANDIDATES[0];

const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: ' ', Backspace: Key.BACK_SPACE, Shift: Key.SHIFT, Control: Key.CONTROL,
  ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, Home: Key.HOME, End: Key.END };

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/// Starts Xvfb on a free display number (it prints the number it chose). An Xvfb that exits or says
/// nothing within 20 s fails the launch with what it wrote, instead of leaving the run waiting.
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    xvfb.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-2000); });
    const fail = (why) => {
      clearTimeout(timer);
      xvfb.kill('SIGKILL');
      reject(new Error(`Xvfb ${why}: ${stderr.trim()}`));
    };
    const timer = setTimeout(() => fail('named no display within 20 s'), 20_000);
    xvfb.once('error', (error) => fail(error.message));
    xvfb.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before naming a display`));
    xvfb.stdout.once('data', (data) => {
      clearTimeout(timer);
      xvfb.removeAllListeners('exit');
      resolve({ display: `:${data.toString().trim()}`, stop: () => xvfb.kill() });
    });
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); }).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

class WebKitPage {
  constructor(session, handle) {
    this.session = session;
    this.driver = session.driver;
    this.handle = handle;
    this.errors = []; // filled from in-page listeners (WebKitWebDriver has no log events), see collectErrors
  }

  async #use() {
    if (this.session.current !== this.handle) {
      await this.driver.switchTo().window(this.handle);
      this.session.current = this.handle;
    }
  }

  async goto(url) {
    await this.#use();
    await this.driver.get(url);
    await this.#watchErrors();
  }
  async reload() {
    await this.#use();
    await this.driver.navigate().refresh();
    await this.#watchErrors();
  }
  // Errors after load (uncaught exceptions, rejections) are recorded in the page and read back.
  async #watchErrors() {
    await this.driver.executeScript(`if (!window.__e2eErrors) { window.__e2eErrors = [];
      addEventListener('error', (e) => window.__e2eErrors.push('pageerror: ' + e.message));
      addEventListener('unhandledrejection', (e) => window.__e2eErrors.push('pageerror: ' + (e.reason && e.reason.message || e.reason))); }`);
  }
  async collectErrors() {
    await this.#use();
    const errors = await this.driver.executeScript('return window.__e2eErrors || []');
    this.errors.push(...errors);
    await this.driver.executeScript('if (window.__e2eErrors) window.__e2eErrors.length = 0');
    return this.errors;
  }
  async evaluate(source, arg) {
    await this.#use();
    return this.driver.executeScript(`return (${source})(arguments[0])`, arg ?? null);
  }
  async element(source, arg) {
    await this.#use();
    return this.driver.executeScript(`return (${source})(arguments[0])`, arg ?? null);
  }
  async evaluateOn(element, source, arg) {
    await this.#use();
    return this.driver.executeScript(`return (${source})(arguments[0], arguments[1])`, element, arg ?? null);
  }
  async click(element) {
    await this.#use();
    try {
      await element.click();
    } catch (error) {
      // WebKitWebDriver scrolls an element only just into view, where the sticky app bar may cover
      // it; a user would scroll it clear first: centre it and click again.
      if (error.name !== 'ElementClickInterceptedError') throw error;
      await this.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
      await element.click();
    }
  }
  async fill(element, text) {
    await this.#use();
    // clear() empties the field without an input event; typing then fires one per key, as a user's
    // typing does. Emptying alone announces itself with one input event.
    await element.clear();
    if (text) await element.sendKeys(text);
    else await this.driver.executeScript("arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", element);
  }
  async press(key) {
    await this.#use();
    const parts = key.split('+').map((part) => KEYS[part] ?? part.toLowerCase());
    const main = parts.pop();
    let actions = this.driver.actions();
    for (const modifier of parts) actions = actions.keyDown(modifier);
    actions = actions.keyDown(main).keyUp(main);
    for (const modifier of parts.reverse()) actions = actions.keyUp(modifier);
    await actions.perform();
  }
  async type(text) {
    await this.#use();
    await this.driver.actions().sendKeys(text).perform();
  }
  /// MiniBrowser saves a download into its home folder (a temp folder of this run, see launch).
  download(action) {
    return downloadInto(this.session.home, action);
  }
  async upload(element, files) {
    await this.#use();
    await element.sendKeys(files.join('\n'));
  }
  async bringToFront() {
    await this.#use();
  }
  async close() {
    await this.#use();
    await this.driver.close();
    this.session.current = null;
    const [other] = await this.driver.getAllWindowHandles();
    if (other) {
      await this.driver.switchTo().window(other);
      this.session.current = other;
    }
  }
}

// A session normally starts in 1-3 s here. One that has not started in SESSION_START_MS is given up:
// its driver and browser are ended and a fresh pair is tried once more, so one MiniBrowser that never
// answers costs a minute, not the whole step.
const SESSION_START_MS = 45_000;
const SESSION_ATTEMPTS = 2;
const QUIT_MS = 15_000;
// WebDriver's default page-load limit is 300 s, longer than a scenario step's: a page that never
// loads fails its step with this instead.
const PAGE_LOAD_MS = 60_000;

function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms); });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/// WebKitWebDriver starts MiniBrowser as its child; both run in a process group of their own, so
/// ending the group leaves no browser behind, even one that no longer answers the driver. Groups
/// still running when this process ends (its step's time limit, Ctrl-C) are ended with it, as the
/// group of the step would have taken them.
const runningGroups = new Set();
function stopProcessGroup(child) {
  runningGroups.delete(child);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
process.once('exit', () => { for (const child of [...runningGroups]) stopProcessGroup(child); });
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    for (const child of [...runningGroups]) stopProcessGroup(child);
    process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
  });
}

async function startSession({ env, proxy }) {
  let lastError;
  for (let attempt = 1; attempt <= SESSION_ATTEMPTS; attempt++) {
    const port = await freePort();
    const webdriver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env, detached: true });
    runningGroups.add(webdriver);
    webdriver.unref(); // a driver left running must not keep this process alive: the exit handler ends it
    try {
      await waitForPort(port);
      const driver = await withDeadline(new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'] },
        proxy: { proxyType: 'manual', httpProxy: proxy, sslProxy: proxy, noProxy: [] },
      }).build(), SESSION_START_MS, 'starting a MiniBrowser session');
      await withDeadline(driver.manage().setTimeouts({ pageLoad: PAGE_LOAD_MS }), SESSION_START_MS, 'setting the page-load limit');
      return { driver, webdriver };
    } catch (error) {
      stopProcessGroup(webdriver);
      lastError = error;
      console.log(`# webkit: session attempt ${attempt} of ${SESSION_ATTEMPTS} failed: ${error.message}`);
    }
  }
  throw lastError;
}

export async function launch({ proxy }) {
  const xvfb = process.env.DISPLAY ? null : await startXvfb();
  // A home of its own: MiniBrowser keeps its data and saves downloads there.
  const home = mkdtempSync(path.join(os.tmpdir(), 'authcore-webkit-home-'));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CACHE_HOME: path.join(home, '.cache'), ...(xvfb ? { DISPLAY: xvfb.display } : {}) };
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'webkit2gtk-driver']).toString().trim();
  const profiles = new Set();
  return {
    name,
    version: `WebKitGTK ${version} MiniBrowser`,
    /// WebKitWebDriver holds one session at a time: each profile has its own driver process.
    async newProfile() {
      const { driver, webdriver } = await startSession({ env, proxy });
      const session = { driver, current: await driver.getWindowHandle(), fresh: true, home };
      const profile = {
        async newPage() {
          if (session.fresh) {
            session.fresh = false;
            return new WebKitPage(session, session.current);
          }
          await driver.switchTo().newWindow('tab');
          session.current = await driver.getWindowHandle();
          return new WebKitPage(session, session.current);
        },
        grantClipboard: async () => {},
        async close() {
          profiles.delete(profile);
          await withDeadline(driver.quit(), QUIT_MS, 'quitting MiniBrowser').catch(() => {});
          stopProcessGroup(webdriver);
        },
      };
      profiles.add(profile);
      return profile;
    },
    async close() {
      for (const profile of [...profiles]) await profile.close();
      xvfb?.stop();
      // MiniBrowser's helper processes may still be writing their caches while they quit.
      try {
        rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
      } catch {
        // a leftover temp folder is harmless
      }
    },
  };
}
