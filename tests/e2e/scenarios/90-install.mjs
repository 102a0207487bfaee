// Installability: only Chromium reports it to automation (CDP Page.getInstallabilityErrors); Firefox
// has no install for web apps on the desktop and WebKitGTK exposes none, so there the step is
// counted as not run, by name (see support/capabilities.mjs).
import assert from 'node:assert/strict';
import { heading } from '../support/flows.mjs';

export const scenario = {
  name: 'install',
  steps: [
    {
      name: 'the browser reports the app installable (manifest, icons, service worker)',
      needs: ['cdp-installability'],
      async run({ page }) {
        await page.goto('/');
        await page.waitFor(heading('Create your vault'), { timeout: 30_000 });
        await page.waitUntil(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000, message: 'for the service worker' });
        const raw = page.raw.page; // the Playwright page: CDP is Chromium's own
        const cdp = await raw.context().newCDPSession(raw);
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        assert.deepEqual(installabilityErrors, []);
      },
    },
  ],
};
