// The app's flows as a user does them, on the cross-engine driver (driver.mjs): by labels, roles and
// names, which also checks that every control is labelled in every engine.
export { PASSWORD, FIXED_TIME, oathtool } from './app.mjs';
import { PASSWORD } from './app.mjs';

export const heading = (name) => ({ role: 'heading', name, exact: true });
export const button = (name, options = {}) => ({ role: 'button', name, exact: true, ...options });
export const navButton = (name) => button(name, { within: 'nav.app-actions' });

export async function createVault(page, password = PASSWORD) {
  await page.waitFor(heading('Create your vault'), { timeout: 30_000 });
  await page.fill('New password', password);
  await page.fill('Repeat the password', password);
  await page.check('I understand that a forgotten password cannot be recovered');
  await page.click(button('Create vault'));
  await page.waitFor(heading('Your vault is ready'), { timeout: 60_000 });
}

/// The start of most scenario groups: the app opened, a new vault, "Add your first account".
export async function newVaultOnAddPage(page) {
  await page.goto('/');
  await createVault(page);
  await page.click(button('Add your first account'));
  await page.waitFor(heading('Add an account'));
}

export async function unlock(page, password = PASSWORD) {
  await page.waitFor(heading('Unlock your vault'), { timeout: 30_000 });
  await page.fill('Password', password);
  await page.click(button('Unlock'));
  await page.waitFor(heading('Accounts'), { timeout: 60_000 });
}

export async function goToAdd(page) {
  await page.click(navButton('Add'));
  await page.waitFor(heading('Add an account'));
}

export async function saveLink(page, uri) {
  await page.fill('otpauth:// link', uri);
  await page.click(button('Check link'));
  await page.click(button('Save account'));
}

export async function addByUri(page, uri) {
  await goToAdd(page);
  await saveLink(page, uri);
  await page.waitFor(heading('Accounts'));
}

/// The CSS selector of an account row whose issuer is exactly `issuer` (marked in the page).
export async function rowSelector(page, issuer, { timeout } = {}) {
  const id = await page.waitUntil((wanted) => {
    const row = [...document.querySelectorAll('.account')].find((el) => el.querySelector('.account-issuer > span')?.textContent === wanted);
    return row?.dataset.id ?? null;
  }, issuer, { timeout, message: `for the row of ${issuer}` });
  return `.account[data-id="${id}"]`;
}

export async function rowCount(page) {
  return page.evaluate(() => document.querySelectorAll('.account').length);
}

export async function hasRow(page, issuer) {
  return page.evaluate((wanted) => [...document.querySelectorAll('.account-issuer > span')].some((el) => el.textContent === wanted), issuer);
}

/// The code a row shows, digits (or Steam letters) only, once it shows one.
export async function rowCode(page, issuer) {
  const row = await rowSelector(page, issuer);
  return page.waitUntil((selector) => {
    const text = document.querySelector(`${selector} .account-code`)?.textContent.replace(/\s/g, '') ?? '';
    return /^[0-9A-Z]{5,10}$/.test(text) ? text : null;
  }, row, { message: `for the code of ${issuer}` });
}

/// The vault's revision as stored in IndexedDB (what another tab would read).
export function storedRevision(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('authenticator');
    open.onsuccess = () => {
      const get = open.result.transaction('vault').objectStore('vault').get('current');
      get.onsuccess = () => {
        resolve(get.result?.revision ?? null);
        open.result.close();
      };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  }));
}

/// What a screen reader reads for a row: its text in document order, aria-hidden parts left out.
export async function rowReading(page, issuer) {
  const row = await rowSelector(page, issuer);
  return page.evaluate((selector) => {
    const read = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute('aria-hidden') === 'true') return '';
      return [...node.childNodes].map(read).join('');
    };
    return read(document.querySelector(`${selector} .account-main`)).replace(/\s+/g, ' ').trim();
  }, row);
}
