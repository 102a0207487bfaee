// Latvian and English screenshots of the main screens at 390 px (a phone) and 1280 px, written to
// test-artifacts/screenshots/ for people to look at. The test also checks what a machine can: the
// page language, no catalogue key shown instead of text, and nothing wider than the viewport.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serveWeb, launchProfile, artifactsDir } from './support/browser.mjs';
import { FIXED_TIME, watchErrors, openApp } from './support/app.mjs';
import en from '../../web/js/i18n/en.js';


const outDir = path.join(artifactsDir, 'screenshots');
const KEYS = Object.keys(en);
const LANGUAGES = {
  en: { locale: 'en-US', create: 'Create vault', understand: 'I understand that a forgotten password cannot be recovered', newPassword: 'New password', repeat: 'Repeat the password', ready: 'Add your first account', password: 'Password', unlock: 'Unlock', link: 'otpauth:// link', check: 'Check link', save: 'Save account', nav: { accounts: 'Accounts', add: 'Add', settings: 'Settings', lock: 'Lock' } },
  lv: { locale: 'lv-LV', create: 'Izveidot glabātuvi', understand: 'Es saprotu, ka aizmirstu paroli nevar atjaunot', newPassword: 'Jaunā parole', repeat: 'Atkārtojiet paroli', ready: 'Pievienot pirmo kontu', password: 'Parole', unlock: 'Atslēgt', link: 'otpauth:// saite', check: 'Pārbaudīt saiti', save: 'Saglabāt kontu', nav: { accounts: 'Konti', add: 'Pievienot', settings: 'Iestatījumi', lock: 'Aizslēgt' } },
};
const ACCOUNTS = [
  'otpauth://totp/authentik%3Akristine.majore?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=authentik',
  'otpauth://totp/Microsoft%3Ajanis.berzins%40uznemums.lv?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft',
  'otpauth://totp/Swedbank%3Ailze.kalnina?secret=KRSXG5CTMVRXEZLU&issuer=Swedbank&digits=8',
  'otpauth://hotp/VPN%3Atoken?secret=GEZDGNBVGY3TQOJQ&issuer=VPN&counter=3',
];
let web;
const shots = [];

before(async () => {
  mkdirSync(outDir, { recursive: true });
  web = await serveWeb();
});
after(async () => {
  await web?.close();
  console.log(`# ${shots.length} screenshots in ${path.relative(process.cwd(), outDir)}`);
});

async function check(page, lang, width) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  const text = await page.evaluate(() => document.body.innerText);
  const shownKeys = KEYS.filter((key) => text.includes(key));
  assert.deepEqual(shownKeys, [], 'a catalogue key is shown instead of its text');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${lang} ${width}px: the page is ${overflow}px wider than the viewport`);
}

async function shoot(page, lang, width, name, { show } = {}) {
  if (show) await page.locator(show).scrollIntoViewIfNeeded();
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  await check(page, lang, width);
  const file = path.join(outDir, `${lang}-${width}-${name}.png`);
  await page.screenshot({ path: file, fullPage: width > 400 });
  shots.push(file);
}

for (const [lang, words] of Object.entries(LANGUAGES)) {
  test(`${lang}: main screens at 390 px and 1280 px`, async () => {
    const profile = await launchProfile({ origin: web.url, locale: words.locale, viewport: { width: 390, height: 844 } });
    const page = await profile.context.newPage();
    const errors = watchErrors(page);
    try {
      await openApp(page, web.url, { time: FIXED_TIME + 11 });
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await shoot(page, lang, width, '1-create');
      }
      await page.getByLabel(words.newPassword).fill('correct horse battery staple');
      await page.getByLabel(words.repeat).fill('correct horse battery staple');
      await page.getByLabel(words.understand).check();
      await page.getByRole('button', { name: words.create }).click();
      await page.getByRole('button', { name: words.ready }).click();
      for (const uri of ACCOUNTS) {
        await page.getByLabel(words.link).fill(uri);
        await page.getByRole('button', { name: words.check }).click();
        if (uri === ACCOUNTS[0]) {
          for (const width of [390, 1280]) {
            await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
            await shoot(page, lang, width, '4-confirm', { show: '.confirm-card' });
          }
        }
        await page.getByRole('button', { name: words.save }).click();
        // The app shows the list once the account is stored; a click on Add before that is lost.
        await page.getByRole('heading', { name: words.nav.accounts, exact: true }).waitFor();
        await page.getByRole('navigation').getByRole('button', { name: words.nav.add }).click();
      }
      const screens = [['2-accounts', words.nav.accounts], ['3-add', words.nav.add], ['5-settings', words.nav.settings]];
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        for (const [name, nav] of screens) {
          await page.getByRole('navigation').getByRole('button', { name: nav }).click();
          await shoot(page, lang, width, name);
        }
        await page.getByRole('navigation').getByRole('button', { name: words.nav.accounts }).click();
        await page.locator('.account-tools button').first().click();
        await shoot(page, lang, width, '6-edit');
        await page.keyboard.press('Escape');
        await page.emulateMedia({ colorScheme: 'dark' });
        await shoot(page, lang, width, '7-accounts-dark');
        await page.emulateMedia({ colorScheme: 'light' });
      }
      // The narrowest supported width: no screenshot, but nothing may stick out.
      await page.setViewportSize({ width: 360, height: 740 });
      for (const [, nav] of screens) {
        await page.getByRole('navigation').getByRole('button', { name: nav }).click();
        await page.waitForTimeout(100);
        await check(page, lang, 360);
      }
      await page.getByRole('navigation').getByRole('button', { name: words.nav.lock }).click();
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await shoot(page, lang, width, '8-unlock');
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(profile.foreign, []);
    } finally {
      await profile.close();
    }
  });
}
