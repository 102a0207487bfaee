// Page flows shared by the end-to-end tests, written the way a user works: by visible labels and
// roles (which also checks that every control is labelled).
import { execFileSync } from 'node:child_process';

export const PASSWORD = 'correct horse battery staple';
export const FIXED_TIME = 1_750_000_000; // 2025-06-15T15:06:40Z, a fixed clock for code checks

export function oathtool(...args) {
  return execFileSync('oathtool', args).toString().trim();
}

/// Collects page errors and console errors; tests assert the list stays empty.
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return errors;
}

export async function openApp(page, url, { time } = {}) {
  if (time !== undefined) await page.clock.setFixedTime(time * 1000);
  await page.goto(`${url}/`);
}

export async function createVault(page, password = PASSWORD) {
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByLabel('I understand that a forgotten password cannot be recovered').check();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('heading', { name: 'Your vault is ready' }).waitFor();
}

export async function unlock(page, password = PASSWORD) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
}

export async function goToAdd(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Add' }).click();
  await page.getByRole('heading', { name: 'Add an account' }).waitFor();
}

/// On the Add page: enters the link, checks it and saves, without waiting for what follows (the
/// list, or an error a test provokes).
export async function saveLink(page, uri) {
  await page.getByLabel('otpauth:// link').fill(uri);
  await page.getByRole('button', { name: 'Check link' }).click();
  await page.getByRole('button', { name: 'Save account' }).click();
}

export async function addByUri(page, uri) {
  await goToAdd(page);
  await saveLink(page, uri);
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
}

export function row(page, issuer) {
  return page.locator('.account').filter({ has: page.locator('.account-issuer', { hasText: issuer }) });
}

/// The code a row shows, digits only, once it shows one.
export async function rowCode(page, issuer) {
  const code = row(page, issuer).locator('.account-code');
  await code.filter({ hasText: /\d/ }).waitFor();
  return (await code.textContent()).replace(/\s/g, '');
}
