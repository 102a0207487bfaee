// The daily flow (issue 5): first run, create the vault, add by link and by hand, codes equal to
// oathtool's at a fixed clock, copy, search, edit, delete and undo, lock and unlock, HOTP, XSS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb } from './support/browser.mjs';
import { openFreshApp } from './support/fresh-app.mjs';
import { PASSWORD, FIXED_TIME, oathtool, createVault, unlock, goToAdd, addByUri, row, rowCode } from './support/app.mjs';


const AUTHENTIK = 'otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30&issuer=authentik';
let web;
let profile;
let page;
let errors;

before(async () => {
  web = await serveWeb();
  ({ profile, page, errors } = await openFreshApp(web.url));
});

after(async () => {
  await profile?.close();
  await web?.close();
});

test('first run asks for a password with feedback, confirmation and the no-recovery warning', async () => {
  await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  assert.match(await page.locator('.notice.warning').textContent(), /nobody can open your vault/);
  await page.getByLabel('New password').fill('short');
  assert.match(await page.locator('#strength-text').textContent(), /Too short/);
  await page.getByLabel('New password').fill('password123456');
  assert.match(await page.locator('#strength-text').textContent(), /common password/);
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(`${PASSWORD}!`);
  await page.getByRole('button', { name: 'Create vault' }).click();
  assert.match(await page.getByText('The two passwords are different.').textContent(), /different/);
  await page.getByLabel('New password').fill('');
  await createVault(page);
  assert.ok(await page.getByRole('button', { name: 'Download encrypted backup' }).isVisible(), 'a backup is offered right away');
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByRole('heading', { name: 'Add an account' }).waitFor();
});

test('an authentik link shows the confirmation card with oathtool\'s code, then the list does', async () => {
  const expected = oathtool('--totp', '-b', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '--now', `@${FIXED_TIME}`);
  await page.getByLabel('otpauth:// link').fill(AUTHENTIK);
  await page.getByRole('button', { name: 'Check link' }).click();
  const card = page.locator('.confirm-card');
  await card.locator('.code-digits').filter({ hasText: /\d/ }).waitFor();
  assert.equal((await card.locator('.code-digits').textContent()).replace(/\s/g, ''), expected);
  assert.equal(await card.locator('.preview-issuer').textContent(), 'authentik');
  assert.equal(await card.locator('.preview-name').textContent(), 'kristine.majore');
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  assert.equal(await rowCode(page, 'authentik'), expected);
  assert.match(await row(page, 'authentik').locator('.account-code').textContent(), /^\d{3} \d{3}$/, 'grouped 123 456');
});

test('manual entry validates Base32 as typed and honours the advanced settings', async () => {
  await goToAdd(page);
  const secret = page.getByLabel('Setup key');
  await secret.fill('JBSW Y3DP 1');
  await page.getByText('This is not a valid key').waitFor();
  assert.equal(await secret.getAttribute('aria-invalid'), 'true');
  await secret.fill('JBSW Y3DP EHPK 3PXP');
  await page.getByText('Valid key (80 bits).').waitFor();
  assert.equal(await page.locator('details.advanced').getAttribute('open'), null, 'advanced is folded away');
  await page.getByLabel('Issuer').fill('Bank');
  await page.getByLabel('Account name').fill('anna@example.lv');
  await page.getByText('Advanced settings').click();
  await page.getByLabel('Algorithm').selectOption('SHA256');
  await page.getByLabel('Digits').selectOption('8');
  await page.getByLabel('Period (seconds)').fill('60');
  await page.getByLabel('Group').last().fill('Work');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  const expected = oathtool('--totp=sha256', '-d', '8', '-s', '60', '-b', 'JBSWY3DPEHPK3PXP', '--now', `@${FIXED_TIME}`);
  assert.equal(await rowCode(page, 'Bank'), expected);
  assert.match(await row(page, 'Bank').locator('.account-code').textContent(), /^\d{4} \d{4}$/, 'grouped 1234 5678');
  assert.equal(await page.locator('.group-title').first().textContent(), 'Work');
});

test('HOTP: the next-code button shows the code for the stored counter and saves the increment', async () => {
  await goToAdd(page);
  await page.getByLabel('Issuer').fill('VPN');
  await page.getByLabel('Account name').fill('token');
  await page.getByLabel('Setup key').fill('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  await page.getByText('Advanced settings').click();
  await page.getByLabel('Type').selectOption('hotp');
  await page.getByLabel('Counter').fill('5');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Next code for VPN token' }).click();
  assert.equal(await rowCode(page, 'VPN'), oathtool('--hotp', '-c', '5', '-b', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'));
  await page.getByRole('button', { name: 'Next code for VPN token' }).click();
  await row(page, 'VPN').locator('.account-code').filter({ hasText: oathtool('--hotp', '-c', '6', '-b', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').replace(/(\d{3})(\d{3})/, '$1 $2') }).waitFor();
});

test('tap or Enter copies the code, with visible and screen-reader feedback', async () => {
  const expected = await rowCode(page, 'authentik');
  await row(page, 'authentik').locator('.account-copy').focus();
  await page.keyboard.press('Enter');
  await page.locator('#announcer').filter({ hasText: 'Code for authentik copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  assert.ok(await page.locator('.toast').filter({ hasText: 'copied' }).isVisible());
  assert.equal(await row(page, 'authentik').locator('.account-copy').getAttribute('aria-label'), 'Copy code for authentik');
  const summary = await row(page, 'authentik').locator('.account-main').evaluate((main) => {
    const read = (node) => (node.nodeType === Node.TEXT_NODE ? node.textContent
      : node.nodeType !== Node.ELEMENT_NODE || node.getAttribute('aria-hidden') === 'true' ? '' : [...node.childNodes].map(read).join(''));
    return read(main).replace(/\s+/g, ' ').trim();
  });
  assert.match(summary, new RegExp(`^authentik, kristine\\.majore, code ${expected.split('').join(' ')}, \\d+ seconds? left`), 'the row reads issuer, account, code digit by digit, time left');
});

test('the next code shows when fewer than 5 seconds remain', async () => {
  const period = 30;
  const late = FIXED_TIME - (FIXED_TIME % period) + period - 3; // 3 s before the period ends
  await page.clock.setFixedTime(late * 1000);
  const next = oathtool('--totp', '-b', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '--now', `@${late + 3}`);
  const nextLine = row(page, 'authentik').locator('.account-next');
  await nextLine.filter({ hasText: /\d/ }).waitFor();
  assert.equal((await nextLine.textContent()).replace(/\D/g, ''), next);
  await page.clock.setFixedTime(FIXED_TIME * 1000);
  await nextLine.waitFor({ state: 'hidden' });
});

test('search filters by issuer and name, ignoring case and diacritics', async () => {
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await search.fill('ANNA');
  await page.waitForFunction(() => document.querySelectorAll('.account').length === 1);
  assert.equal(await page.locator('.account-issuer').first().textContent(), 'Bank');
  await search.fill('kristīne');
  await page.waitForFunction(() => document.querySelectorAll('.account').length === 1);
  assert.equal(await page.locator('.account-issuer').first().textContent(), 'authentik');
  await search.fill('nothing-like-this');
  await page.getByText('No account matches your search.').waitFor();
  await search.fill('');
  await page.waitForFunction(() => document.querySelectorAll('.account').length === 3);
});

test('edit renames, regroups and marks a favourite, which moves to the top', async () => {
  await page.getByRole('button', { name: 'Edit VPN token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit account' });
  await dialog.getByLabel('Issuer').fill('Office VPN');
  await dialog.getByLabel('Note').fill('Hardware token replacement');
  await dialog.getByLabel('Favourite (shown at the top)').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.group-title').first().textContent(), 'Favourites');
  assert.match(await page.locator('.account-issuer').first().textContent(), /^Office VPN/);
});

test('delete asks first, and Undo brings the account back', async () => {
  await page.getByRole('button', { name: 'Edit Bank anna@example.lv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit account' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this account?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await page.locator('.toast').filter({ hasText: 'Bank – anna@example.lv deleted.' }).waitFor();
  assert.equal(await row(page, 'Bank').count(), 0);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await row(page, 'Bank').waitFor();
  assert.equal(await rowCode(page, 'Bank'), oathtool('--totp=sha256', '-d', '8', '-s', '60', '-b', 'JBSWY3DPEHPK3PXP', '--now', `@${FIXED_TIME}`));
});

test('lock wipes the list; unlock brings the same codes back', async () => {
  const before = await rowCode(page, 'authentik');
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  assert.equal(await page.locator('.account').count(), 0);
  assert.equal(await page.evaluate(() => document.body.textContent.includes('kristine')), false, 'no decrypted label left in the page');
  await page.getByLabel('Password', { exact: true }).fill('wrong password here');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByText('Wrong password.').waitFor();
  await unlock(page);
  assert.equal(await rowCode(page, 'authentik'), before);
});

test('labels from links are text, never markup: nothing injected runs', async () => {
  const issuer = '<img src=x onerror=alert(1)>';
  const name = '"><script>alert(1)</script>';
  const uri = `otpauth://totp/${encodeURIComponent(`${issuer}:${name}`)}?secret=JBSWY3DPEHPK3PXP&issuer=${encodeURIComponent(issuer)}`;
  await addByUri(page, uri);
  await row(page, issuer).waitFor();
  assert.equal(await row(page, issuer).locator('.account-name').textContent(), name);
  assert.equal(await page.locator('main img, main script').count(), 0);
  await page.getByRole('button', { name: `Edit ${issuer} ${name}` }).click();
  assert.equal(await page.getByRole('dialog').getByLabel('Issuer').inputValue(), issuer);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
});

test('reorder moves an account with keyboard-reachable buttons, and the order is saved', async () => {
  const others = () => page.locator('.account-list').last().locator('.account-issuer').allTextContents();
  assert.deepEqual(await others(), ['authentik', '<img src=x onerror=alert(1)>']);
  await page.getByRole('button', { name: 'Reorder', exact: true }).click();
  assert.ok(await page.getByRole('button', { name: 'Move authentik kristine.majore up' }).isDisabled(), 'the first one cannot go up');
  const down = page.getByRole('button', { name: 'Move authentik kristine.majore down' });
  await down.focus();
  await page.keyboard.press('Enter');
  await page.locator('#announcer').filter({ hasText: 'authentik moved down.' }).waitFor();
  assert.deepEqual(await others(), ['<img src=x onerror=alert(1)>', 'authentik']);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await unlock(page);
  assert.deepEqual(await others(), ['<img src=x onerror=alert(1)>', 'authentik'], 'the order survives a reload');
});

test('keyboard only: Tab walks the list in order and every stop shows a focus ring', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('searchbox', { name: 'Search accounts' }).focus();
  const stops = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      return {
        what: element.getAttribute('aria-label') || element.dataset.action || element.textContent.trim().slice(0, 20),
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    }));
  }
  assert.deepEqual(stops.filter((stop) => !stop.ring), [], 'every focused control shows its ring');
  assert.equal(stops[0].what, 'Reorder');
  assert.match(stops[1].what, /^Copy code for /, 'the copy button is named for what it does');
  assert.match(stops[2].what, /^(Edit|Next code for) /);
});

test('the language switch in settings changes every string and <html lang>', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language', { exact: true }).selectOption('lv');
  await page.getByRole('heading', { name: 'Iestatījumi' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'lv');
  assert.ok(await page.getByRole('navigation').getByRole('button', { name: 'Konti' }).isVisible());
  assert.match(await page.locator('.device-time').textContent(), /2025/, 'device time with the date, via Intl');
  await page.getByLabel('Valoda', { exact: true }).selectOption('en');
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
});

test('the settings show the device time with seconds, and it moves', async () => {
  const later = FIXED_TIME + 7;
  const seconds = String(later % 60).padStart(2, '0');
  await page.clock.setFixedTime(later * 1000);
  await page.locator('.device-time').filter({ hasText: new RegExp(`:${seconds}(\\D|$)`) }).waitFor();
  await page.clock.setFixedTime(FIXED_TIME * 1000);
});

test('auto-lock: after the idle time the vault locks and says why', async () => {
  await page.clock.install({ time: FIXED_TIME * 1000 });
  await page.getByLabel('Lock automatically when not used for').selectOption('1');
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
  await page.clock.runFor(59_000);
  assert.equal(await page.getByRole('heading', { name: 'Unlock your vault' }).count(), 0, 'not before the minute is up');
  await page.clock.runFor(2_000);
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
  await page.getByText('The vault was locked because the app was not used for a while.').waitFor();
  assert.equal(await page.locator('.account').count(), 0);
});

test('no errors, no dialogs, no request outside the origin', () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(profile.foreign, []);
});
