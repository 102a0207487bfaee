// Keyboard only, in every engine: from "Your vault is ready", Tab and Enter add an account by its
// link and copy its code; Escape closes a dialog. Every control on the way is reached by Tab alone.
import assert from 'node:assert/strict';
import { FIXED_TIME, oathtool, heading, createVault } from '../support/flows.mjs';
import { readClipboard } from '../support/clipboard.mjs';

const SECRET = 'JBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/Keyboard%20Co%3Aalice?secret=${SECRET}&issuer=Keyboard%20Co`;

/// Presses Tab until the focused element is the one `describe` names (accessible name or label text,
/// exactly); fails after 60 presses, which means it cannot be reached by keyboard.
async function tabTo(page, name) {
  for (let presses = 0; presses < 60; presses++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      const label = el.getAttribute('aria-label') ?? (el.labels?.[0]?.textContent) ?? el.textContent;
      return label.replace(/\s+/g, ' ').trim();
    });
    if (focused === name) return;
    await page.press('Tab');
  }
  throw new Error(`"${name}" is not reachable with Tab`);
}

export const scenario = {
  name: 'keyboard',
  clock: FIXED_TIME,
  async setup({ page }) {
    await page.goto('/');
    await createVault(page);
  },
  steps: [
    {
      name: 'keyboard only: Tab and Enter add an account by link and copy its code; Escape closes a dialog',
      async run({ page, engineName }) {
        await tabTo(page, 'Add your first account');
        await page.press('Enter');
        await page.waitFor(heading('Add an account'));
        await tabTo(page, 'otpauth:// link');
        await page.raw.type(LINK);
        await tabTo(page, 'Check link');
        await page.press('Enter');
        await page.waitFor({ css: '.confirm-card' });
        await tabTo(page, 'Save account');
        await page.press('Enter');
        await page.waitFor(heading('Accounts'));
        const expected = oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`);
        await page.waitUntil(() => /\d/.test(document.querySelector('.account-code')?.textContent ?? ''));
        // The copy control, reached by Tab and started with Enter.
        await tabTo(page, 'Copy code for Keyboard Co');
        await page.press('Enter');
        await page.waitUntil(() => document.querySelector('#announcer')?.textContent.includes('copied'));
        assert.equal(await readClipboard(page, engineName), expected);
        await tabTo(page, 'Edit Keyboard Co alice');
        await page.press('Enter');
        await page.waitFor({ role: 'dialog', name: 'Edit account' });
        await page.press('Escape');
        await page.waitUntil(() => !document.querySelector('dialog[open]'));
      },
    },
  ],
};
