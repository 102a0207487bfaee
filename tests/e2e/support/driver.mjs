// The thin driver layer every cross-engine scenario is written against. An engine (engines/*.mjs)
// provides a handful of primitives (goto, evaluate, element handles, click, fill, keys, files,
// downloads); this class adds what a user does and sees: fill a field by its label, click a control
// by role and name, read text, wait for something to appear. Finding elements runs in the page
// (locate.mjs), so it means the same thing in every engine.
import { LOCATE_SOURCE, queryArg } from './locate.mjs';

const DEFAULT_TIMEOUT = Number(process.env.E2E_TIMEOUT ?? 20_000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const describe = (query) => JSON.stringify(queryArg(query));

export class E2ePage {
  /// raw: an engine page; web: the e2e server (url, setOffline).
  constructor(raw, { engine, web }) {
    this.raw = raw;
    this.engine = engine;
    this.web = web;
  }

  get errors() {
    return this.raw.errors;
  }

  /// Page errors and console errors so far (WebKit reads them back from the page).
  async collectErrors() {
    return this.raw.collectErrors ? this.raw.collectErrors() : this.raw.errors;
  }

  goto(path = '/') {
    return this.raw.goto(new URL(path, this.web.url).href);
  }

  reload() {
    return this.raw.reload();
  }

  /// Runs `fn` (a function of one JSON argument) in the page; returns its JSON result.
  evaluate(fn, arg) {
    return this.raw.evaluate(fn.toString(), arg);
  }

  /// Same, with the function given as source text (for large injected libraries).
  evaluateSource(source, arg) {
    return this.raw.evaluate(source, arg);
  }

  /// Waits until `fn(arg)` in the page returns a truthy value, and returns it.
  async waitUntil(fn, arg, { timeout = DEFAULT_TIMEOUT, message = `waiting for ${fn}` } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.raw.evaluate(fn.toString(), arg);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms ${message}`);
      await sleep(100);
    }
  }

  /// The element for `query` (see locate.mjs) once it is there and visible.
  async find(query, { timeout = DEFAULT_TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const element = await this.raw.element(LOCATE_SOURCE, queryArg(query));
      if (element) return element;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${describe(query)}`);
      await sleep(100);
    }
  }

  waitFor(query, options) {
    return this.find(query, options).then(() => undefined);
  }

  async waitGone(query, { timeout = DEFAULT_TIMEOUT } = {}) {
    await this.waitUntil(new Function('query', `return !(${LOCATE_SOURCE})(query)`), queryArg(query), { timeout, message: `for ${describe(query)} to go` });
  }

  async exists(query) {
    return (await this.raw.evaluate(LOCATE_SOURCE, queryArg(query))) !== null;
  }

  async count(query) {
    return this.raw.evaluate(`(query) => (${LOCATE_SOURCE})({ ...query, all: true }).length`, queryArg(query));
  }

  async texts(query) {
    return this.raw.evaluate(`(query) => (${LOCATE_SOURCE})({ ...query, all: true }).map((el) => el.textContent.replace(/\\s+/g, ' ').trim())`, queryArg(query));
  }

  async text(query, options) {
    const element = await this.find(query, options);
    return this.raw.evaluateOn(element, '(el) => el.textContent', null);
  }

  async value(query) {
    return this.raw.evaluateOn(await this.find(query), '(el) => el.value', null);
  }

  async attribute(query, name) {
    return this.raw.evaluateOn(await this.find(query), '(el, name) => el.getAttribute(name)', name);
  }

  async click(query) {
    await this.raw.click(await this.find(query));
  }

  /// Click a control by role and accessible name: page.clickRole('button', 'Save'), or with
  /// {exact, within}.
  clickRole(role, name, options = {}) {
    return this.click({ role, name, exact: true, ...options });
  }

  async fill(label, text, options = {}) {
    await this.raw.fill(await this.find({ label, ...options }), text);
  }

  async fillIn(query, text) {
    await this.raw.fill(await this.find(query), text);
  }

  /// A checkbox by label, checked with a click (as a user does) unless it already is.
  async check(label, options = {}) {
    const box = await this.find({ label, ...options });
    if (!(await this.raw.evaluateOn(box, '(el) => el.checked', null))) await this.raw.click(box);
  }

  /// A <select> by label: sets the option and fires the events a user's choice fires.
  async select(label, value, options = {}) {
    const select = await this.find({ label, ...options });
    await this.raw.evaluateOn(select, `(el, value) => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }`, value);
  }

  async focus(query) {
    await this.raw.evaluateOn(await this.find(query), '(el) => el.focus()', null);
  }

  /// Keys to the focused element: 'Tab', 'Enter', 'Escape', 'Space', 'Shift+Tab'.
  press(key) {
    return this.raw.press(key);
  }

  async upload(query, files) {
    await this.raw.upload(await this.find(query), files);
  }

  /// Runs `action` and returns the file the browser downloaded: {name, bytes}.
  download(action) {
    return this.raw.download(action);
  }

  close() {
    return this.raw.close();
  }

  bringToFront() {
    return this.raw.bringToFront();
  }
}
