// A thousand accounts (issue 15): a vault made by the wasm CLI inside the test is restored in the
// page, which keeps only the rows on screen in the document; the end of the list is reached by
// scrolling and by keyboard, an account is found by search, copied (oathtool's code) and edited,
// and the edit survives a reload. Rows still announce "n of 1000"; the ring runs a compositor
// animation (stepped under reduced motion); a hidden tab changes nothing.
// Self-contained apart from the shared support helpers, so it ports to another driver easily.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveWeb } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { PASSWORD, FIXED_TIME, oathtool, unlock } from './support/app.mjs';
import { createLargeVault, sampleAccount } from '../../tools/lib/large-vault.mjs';


const COUNT = 1000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'authcore-large-e2e-'));
const vaultFile = path.join(tmp, 'thousand.authvault');
let web;
let profile;
let page;
let errors;

// The code oathtool gives for sample account `number` at the fixed clock.
function expectedCode(number, time = FIXED_TIME) {
  const { secret, period, digits } = sampleAccount(number);
  return oathtool('--totp', '-b', secret, '--digits', String(digits), '--time-step-size', `${period}s`, '--now', `@${time}`);
}

// The row of account `number` (the issuer matched whole: "Service 10" is not "Service 100").
function accountRow(number, issuer = `Service ${number}`) {
  return page.locator('.account').filter({ has: page.locator('.account-issuer', { hasText: new RegExp(`^${issuer}$`) }) });
}

async function codeOf(locator) {
  const code = locator.locator('.account-code');
  await code.filter({ hasText: /\d/ }).waitFor();
  return (await code.textContent()).replace(/\s/g, '');
}

const renderedRows = () => page.locator('.account').count();

before(async () => {
  createLargeVault(vaultFile, COUNT, PASSWORD);
  web = await serveWeb();
  ({ profile, page, errors } = await openFreshApp(web.url));
});

after(async () => {
  await profile?.close();
  await web?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('a 1,000-account backup made by the CLI restores, with oathtool\'s codes and only the visible rows built', async () => {
  await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  await page.getByRole('button', { name: 'Restore from a backup file' }).click();
  await page.getByLabel('Backup file').setInputFiles(vaultFile);
  await page.getByLabel('Password of the backup').fill(PASSWORD);
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  assert.equal(await codeOf(accountRow(1)), expectedCode(1));
  assert.equal(await codeOf(accountRow(4)), expectedCode(4), '8 digits');
  const rendered = await renderedRows();
  assert.ok(rendered >= 5 && rendered < 60, `rows in the document: ${rendered}`);
  const first = accountRow(1);
  assert.equal(await first.getAttribute('aria-setsize'), String(COUNT));
  assert.equal(await first.getAttribute('aria-posinset'), '1');
  const name = await first.locator('.account-main').evaluate((content) => content.textContent);
  assert.match(name, new RegExp(`Service 1.*user1@example\\.com.*${expectedCode(1).split('').join(' ')}`), 'the row reads as before: issuer, name, code digit by digit');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height > COUNT * 60, `the page is as tall as 1,000 rows: ${height} px`);
});

test('scrolling to the end shows the last accounts with their codes', async () => {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = accountRow(COUNT);
  await last.waitFor();
  assert.equal(await codeOf(last), expectedCode(COUNT), '60 s period, 8 digits');
  assert.equal(await last.getAttribute('aria-posinset'), String(COUNT));
  assert.ok(await last.isVisible());
  assert.ok(await renderedRows() < 60, 'the rows scrolled past left the document');
  assert.equal(await accountRow(1).count(), 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await accountRow(1).waitFor();
});

test('the keyboard walks past the rows first built: Tab reaches account 25 and Shift+Tab comes back', async () => {
  await page.getByRole('searchbox', { name: 'Search accounts' }).focus();
  await page.keyboard.press('Tab'); // Reorder
  // About 13 rows are built at first (900 px viewport); copy and edit of 24 rows, then copy of the 25th.
  for (let i = 0; i < 24 * 2 + 1; i++) await page.keyboard.press('Tab');
  const focusedIssuer = () => page.evaluate(() => document.activeElement.closest('.account')?.querySelector('.account-issuer')?.textContent);
  assert.equal(await focusedIssuer(), 'Service 25');
  assert.ok(await accountRow(25).isVisible(), 'the focused row is on screen');
  await page.evaluate(() => window.scrollTo(0, 0)); // scrolled away, the focused row stays: Shift+Tab goes on from it
  await page.waitForTimeout(100);
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedIssuer(), 'Service 24');
});

test('search finds an account far down the list; Enter copies oathtool\'s code', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await search.fill('Service 999');
  await page.waitForFunction(() => document.querySelectorAll('.account').length === 1);
  await page.getByRole('status').filter({ hasText: '1 of 1,000 accounts shown' }).waitFor();
  const found = accountRow(999);
  const expected = expectedCode(999);
  assert.equal(await codeOf(found), expected);
  await found.locator('.account-copy').focus();
  await page.keyboard.press('Enter');
  await page.locator('#announcer').filter({ hasText: 'Code for Service 999 copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  await search.fill('user77');
  await page.waitForFunction(() => document.querySelectorAll('.account').length === 11); // user77, user770..779
});

test('edit renames an account of the thousand; the new name is found, keeps its code and survives a reload', async () => {
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await search.fill('Service 999');
  await page.getByRole('button', { name: 'Edit Service 999 user999@example.com' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit account' });
  await dialog.getByLabel('Issuer').fill('Renamed 999');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('No account matches your search.').waitFor();
  await search.fill('renamed');
  const renamed = accountRow(999, 'Renamed 999');
  assert.equal(await codeOf(renamed), expectedCode(999));
  await page.reload();
  await unlock(page);
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('Renamed 999');
  assert.equal(await codeOf(accountRow(999, 'Renamed 999')), expectedCode(999));
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('');
  await page.waitForFunction(() => document.querySelectorAll('.account').length > 1);
  assert.equal(await accountRow(999, 'Service 999').count(), 0, 'the old name is gone');
});

test('the ring is a transform animation on the wall clock, stepped per second under reduced motion', async () => {
  const ring = page.locator('.account .countdown-ring').first();
  await ring.waitFor();
  const animations = await ring.evaluate((element) => element.getAnimations({ subtree: true }).map((animation) => ({
    name: animation.animationName,
    properties: animation.effect.getKeyframes().flatMap((frame) => Object.keys(frame).filter((key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key))),
    duration: animation.effect.getTiming().duration,
    iterations: animation.effect.getTiming().iterations,
  })));
  assert.deepEqual(animations.map((animation) => animation.name).sort(), ['ring-left', 'ring-right']);
  for (const animation of animations) {
    assert.deepEqual([...new Set(animation.properties)], ['transform'], 'only transform animates: the compositor can run it');
    assert.equal(animation.duration, 30_000);
    assert.equal(animation.iterations, Infinity);
  }
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const easing = await ring.locator('.ring-cover').first().evaluate((element) => getComputedStyle(element).animationTimingFunction);
  assert.equal(easing, 'steps(15)');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
});

test('a hidden tab changes nothing on the codes screen; showing it again updates at once', async () => {
  await page.clock.setSystemTime(Date.now()); // the clock moves again, so each second changes the rows
  await page.evaluate(() => {
    window.__mutations = 0;
    window.__observer = new MutationObserver((records) => {
      window.__mutations += records.length;
    });
    window.__observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.waitForFunction(() => window.__mutations > 0, null, { timeout: 3000 });
  // Headless Chromium keeps every tab visible (bringToFront does not hide the others), so the page
  // is told it is hidden the way the browser tells it: document.hidden and a visibilitychange event.
  const setHidden = (hidden) => page.evaluate((value) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  // A code answer already on its way when the tab hid may still land; from then on nothing runs.
  await page.waitForTimeout(1200);
  await page.evaluate(() => {
    window.__mutations = 0;
  });
  await page.waitForTimeout(2500);
  assert.equal(await page.evaluate(() => window.__mutations), 0, 'no DOM change while hidden');
  await setHidden(false);
  await page.waitForFunction(() => window.__mutations > 0, null, { timeout: 500 });
  await page.evaluate(() => {
    window.__observer.disconnect();
    delete document.hidden;
    delete document.visibilityState;
  });
  await page.clock.setFixedTime(FIXED_TIME * 1000);
});

test('no errors, no request outside the origin', () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(profile.foreign, []);
});
