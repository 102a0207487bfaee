// The daily flow in every engine: first run and create (at the browser's default permissions: in
// Firefox the storage-persistence prompt stays unanswered and must not hold anything up), add by link
// and by manual entry, codes equal to oathtool's at a fixed clock, copy, search, edit, delete and undo,
// lock and unlock, labels that are text and never markup.
import assert from 'node:assert/strict';
import { readClipboard } from '../support/clipboard.mjs';
import { PASSWORD, FIXED_TIME, oathtool, heading, button, navButton, createVault, unlock, goToAdd, addByUri, rowSelector, rowCode, rowCount, hasRow, rowReading } from '../support/flows.mjs';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const AUTHENTIK = `otpauth://totp/authentik%3Akristine.majore?secret=${SECRET}&algorithm=SHA1&digits=6&period=30&issuer=authentik`;

export const scenario = {
  name: 'daily',
  clock: FIXED_TIME,
  steps: [
    {
      name: 'first run: password feedback, the no-recovery warning, and creation finishes at default permissions',
      async run({ page }) {
        await page.goto('/');
        await page.waitFor(heading('Create your vault'), { timeout: 30_000 });
        assert.match(await page.text({ css: '.notice.warning' }), /nobody can open your vault/);
        await page.fill('New password', 'short');
        assert.match(await page.text({ css: '#strength-text' }), /Too short/);
        await page.fill('New password', PASSWORD);
        await page.fill('Repeat the password', `${PASSWORD}!`);
        await page.click(button('Create vault'));
        await page.waitFor({ text: 'The two passwords are different.' });
        await createVault(page);
        assert.ok(await page.exists(button('Download encrypted backup')), 'a backup is offered right away');
        // Persistence is asked in the background: whatever the browser answers (or not: Firefox's
        // prompt stays open, nobody answers it here), the vault was created and the app goes on.
        await page.click(button('Add your first account'));
        await page.waitFor(heading('Add an account'));
      },
    },
    {
      name: 'an authentik link: the confirmation card and then the list show oathtool\'s code',
      async run({ page }) {
        const expected = oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`);
        await page.fill('otpauth:// link', AUTHENTIK);
        await page.click(button('Check link'));
        const code = await page.waitUntil(() => document.querySelector('.confirm-card .code-digits')?.textContent.replace(/\s/g, '').match(/^\d+$/)?.[0]);
        assert.equal(code, expected);
        assert.equal(await page.text({ css: '.confirm-card .preview-issuer' }), 'authentik');
        assert.equal(await page.text({ css: '.confirm-card .preview-name' }), 'kristine.majore');
        await page.click(button('Save account'));
        await page.waitFor(heading('Accounts'));
        assert.equal(await rowCode(page, 'authentik'), expected);
      },
    },
    {
      name: 'manual entry: Base32 checked as typed, advanced settings honoured (SHA256, 8 digits, 60 s)',
      async run({ page }) {
        await goToAdd(page);
        await page.fill('Setup key', 'JBSW Y3DP 1');
        await page.waitFor({ text: /This is not a valid key/ });
        assert.equal(await page.attribute({ label: 'Setup key' }, 'aria-invalid'), 'true');
        await page.fill('Setup key', 'JBSW Y3DP EHPK 3PXP');
        await page.waitFor({ text: 'Valid key (80 bits).' });
        await page.fill('Issuer', 'Bank');
        await page.fill('Account name', 'anna@example.lv');
        await page.click({ text: 'Advanced settings', exact: true });
        await page.select('Algorithm', 'SHA256');
        await page.select('Digits', '8');
        await page.fill('Period (seconds)', '60');
        await page.click(button('Add account'));
        await page.waitFor(heading('Accounts'));
        assert.equal(await rowCode(page, 'Bank'), oathtool('--totp=sha256', '-d', '8', '-s', '60', '-b', 'JBSWY3DPEHPK3PXP', '--now', `@${FIXED_TIME}`));
      },
    },
    {
      name: 'copy: a click copies the code, announced for screen readers',
      async run({ page, engineName }) {
        const expected = await rowCode(page, 'authentik');
        const row = await rowSelector(page, 'authentik');
        // The row reads issuer, account, code (digit by digit), time left; the button is named for what it does.
        assert.match(await rowReading(page, 'authentik'), new RegExp(`^authentik, kristine\\.majore, code ${expected.split('').join(' ')}, \\d+ seconds? left$`));
        await page.click(button('Copy code for authentik'));
        await page.waitUntil(() => document.querySelector('#announcer')?.textContent.includes('Code for authentik copied.'));
        assert.equal(await readClipboard(page, engineName), expected);
      },
    },
    {
      name: 'search filters by issuer and name, ignoring case and diacritics',
      async run({ page }) {
        await page.fillIn({ role: 'textbox', name: 'Search accounts' }, 'ANNA');
        await page.waitUntil(() => document.querySelectorAll('.account').length === 1);
        assert.equal(await page.text({ css: '.account-issuer > span' }), 'Bank');
        await page.fillIn({ role: 'textbox', name: 'Search accounts' }, 'kristīne');
        await page.waitUntil(() => document.querySelectorAll('.account').length === 1);
        assert.equal(await page.text({ css: '.account-issuer > span' }), 'authentik');
        await page.fillIn({ role: 'textbox', name: 'Search accounts' }, 'nothing-like-this');
        await page.waitFor({ text: 'No account matches your search.' });
        await page.fillIn({ role: 'textbox', name: 'Search accounts' }, '');
        await page.waitUntil(() => document.querySelectorAll('.account').length === 2);
      },
    },
    {
      name: 'edit renames and marks a favourite, which moves to the top',
      async run({ page }) {
        await page.click(button('Edit Bank anna@example.lv'));
        await page.waitFor({ role: 'dialog', name: 'Edit account' });
        await page.fill('Issuer', 'Savings Bank', { within: 'dialog[open]' });
        await page.check('Favourite (shown at the top)', { within: 'dialog[open]' });
        await page.click(button('Save', { within: 'dialog[open]' }));
        await page.waitUntil(() => !document.querySelector('dialog[open]'));
        assert.equal(await page.text({ css: '.group-title' }), 'Favourites');
        assert.equal(await page.text({ css: '.account-issuer > span' }), 'Savings Bank');
      },
    },
    {
      name: 'delete asks first, and Undo brings the account back with the same code',
      async run({ page }) {
        const before = await rowCode(page, 'Savings Bank');
        await page.click(button('Edit Savings Bank anna@example.lv'));
        await page.click(button('Delete', { within: 'dialog[open]' }));
        await page.waitFor({ role: 'dialog', name: 'Delete this account?' });
        // Two dialogs are open now (edit, and the question over it): answer the question.
        await page.click(button('Delete', { within: 'dialog[open][aria-labelledby^="confirm-title"]' }));
        await page.waitFor({ css: '.toast', text: undefined });
        await page.waitUntil(() => document.querySelector('.toast')?.textContent.includes('Savings Bank – anna@example.lv deleted.'));
        assert.equal(await hasRow(page, 'Savings Bank'), false);
        await page.click(button('Undo', { within: '.toasts' }));
        assert.equal(await rowCode(page, 'Savings Bank'), before);
      },
    },
    {
      name: 'lock wipes the list; a wrong password says so; unlock brings the same codes back',
      async run({ page }) {
        const before = await rowCode(page, 'authentik');
        await page.click(navButton('Lock'));
        await page.waitFor(heading('Unlock your vault'));
        assert.equal(await rowCount(page), 0);
        assert.equal(await page.evaluate(() => document.body.textContent.includes('kristine')), false, 'no decrypted label left in the page');
        await page.fill('Password', 'wrong password here');
        await page.click(button('Unlock'));
        await page.waitFor({ text: /^Wrong password\./ });
        await unlock(page);
        assert.equal(await rowCode(page, 'authentik'), before);
      },
    },
    {
      name: 'labels from links are text, never markup: nothing injected runs',
      async run({ page }) {
        const issuer = '<img src=x onerror=alert(1)>';
        const name = '"><script>alert(1)</script>';
        await addByUri(page, `otpauth://totp/${encodeURIComponent(`${issuer}:${name}`)}?secret=JBSWY3DPEHPK3PXP&issuer=${encodeURIComponent(issuer)}`);
        const row = await rowSelector(page, issuer);
        assert.equal(await page.text({ css: `${row} .account-name` }), name);
        assert.equal(await page.evaluate(() => document.querySelectorAll('main img, main script').length), 0);
        await page.click(button(`Edit ${issuer} ${name}`));
        assert.equal(await page.value({ label: 'Issuer', within: 'dialog[open]' }), issuer);
        await page.press('Escape');
        await page.waitUntil(() => !document.querySelector('dialog[open]'));
      },
    },
    {
      name: 'Settings shows the storage-persistence answer (or that it is still being asked)',
      async run({ page }) {
        await page.click(navButton('Settings'));
        await page.waitFor(heading('Settings'));
        const state = await page.text({ css: '.storage-state' });
        assert.match(state, /keeps the vault|may delete the vault|Asking the browser|cannot promise/);
        await page.click(navButton('Accounts'));
        await page.waitFor(heading('Accounts'));
      },
    },
    {
      name: 'Safari/WebKit without installation: the eviction warning names both remedies; other engines do not show it',
      async run({ page, engineName }) {
        const warning = await page.evaluate(() => document.querySelector('#banners .storage-eviction')?.textContent ?? null);
        if (engineName === 'webkit') {
          assert.match(warning, /deletes the saved vault of a website not opened for 7 days/);
          assert.match(warning, /Install the app/);
          assert.match(warning, /Keep a backup file/);
        } else {
          assert.equal(warning, null);
        }
      },
    },
    {
      name: 'no page errors, no dialogs, no request outside the origin',
      async run({ page, foreign }) {
        assert.deepEqual(await page.collectErrors(), []);
        assert.deepEqual(foreign(), []);
      },
    },
  ],
};
