// Page flows the sync tests share (WebDAV in sync.test.mjs, a folder in folder-sync.test.mjs): a
// fresh "laptop" with a vault and one account, the sync card and its status line, edits, and the
// list of issuers. Written by visible labels and roles, like the other flows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openFreshApp } from './fresh-app.mjs';
import { createVault, saveLink, row } from './app.mjs';

export const uri = (issuer, secret) => `otpauth://totp/${encodeURIComponent(`${issuer}:user`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/// axe-core's serious and critical violations on the page as it is (the sync card's states).
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE); // through DevTools, which the page's CSP does not govern
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

/// A new profile with a vault under `password` and `firstUri` saved: {profile, page, errors}.
export async function freshLaptop(url, password, firstUri, options = {}) {
  // The real clock: edits are stamped with it, and "the later rename wins" needs time to pass.
  const laptop = await openFreshApp(url, { time: null, ...options });
  laptop.page.setDefaultTimeout(90_000); // Argon2id vaults (64 MiB) on a shared 2-core machine
  await createVault(laptop.page, password);
  await laptop.page.getByRole('button', { name: 'Add your first account' }).click();
  await saveLink(laptop.page, firstUri);
  await laptop.page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  return laptop;
}

export async function issuers(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  return (await page.locator('.account-issuer').allTextContents()).map((text) => text.trim()).sort();
}

export function syncCard(page) {
  return page.getByRole('region', { name: 'Sync with other devices' });
}

export async function openSync(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await syncCard(page).waitFor();
  return syncCard(page);
}

/// Waits until the sync card's status line matches `pattern` and returns its text; `errors` (the
/// page's console) goes into the failure message.
export async function syncStatus(page, pattern, { timeout = 60_000, errors = [] } = {}) {
  const status = syncCard(page).getByRole('status');
  try {
    await status.filter({ hasText: pattern }).waitFor({ timeout });
  } catch (error) {
    const shown = await status.allTextContents().catch(() => []);
    throw new Error(`the sync status did not match ${pattern} within ${timeout} ms; it says: ${JSON.stringify(shown)}; console: ${JSON.stringify(errors)}`, { cause: error });
  }
  return status.textContent();
}

export async function syncNow(page, pattern, options = {}) {
  const card = await openSync(page);
  await card.getByRole('button', { name: 'Sync now' }).click();
  return syncStatus(page, pattern, options);
}

export async function rename(page, issuer, newIssuer) {
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: `Edit ${issuer} user` }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit account' });
  await dialog.getByLabel('Issuer').fill(newIssuer);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await row(page, newIssuer).waitFor();
}

export async function remove(page, issuer) {
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: `Edit ${issuer} user` }).click();
  await page.getByRole('dialog', { name: 'Edit account' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete this account?' }).getByRole('button', { name: 'Delete' }).click();
  await page.locator('.toast').filter({ hasText: 'deleted' }).waitFor();
}

/// Milliseconds from a click on "Sync now" to the status saying "Synced at" again. The status line
/// is rebuilt on every state change; the page notes when "Synced" comes back.
export async function syncRoundTrip(page) {
  const card = await openSync(page);
  await page.evaluate(() => {
    const region = document.querySelector('[aria-labelledby="settings-sync"]');
    window.__syncTimes = [];
    new MutationObserver(() => {
      const text = region.querySelector('[role="status"]')?.textContent ?? '';
      window.__syncTimes.push([performance.now(), text.startsWith('Synced at') ? 'done' : text]);
    }).observe(region, { childList: true, subtree: true, characterData: true });
    window.__syncStart = null;
    for (const button of region.querySelectorAll('button')) {
      if (button.textContent === 'Sync now') button.addEventListener('click', () => { window.__syncStart = performance.now(); }, { capture: true, once: true });
    }
  });
  await card.getByRole('button', { name: 'Sync now' }).click();
  const roundTrip = await page.waitForFunction(() => {
    const done = window.__syncTimes.find(([, state]) => state === 'done');
    return done && window.__syncStart !== null ? done[0] - window.__syncStart : null;
  });
  return roundTrip.jsonValue();
}
