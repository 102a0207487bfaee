// The start most flows share: a fresh browser profile (see launchProfile) with the app open and its
// page errors watched, and, for flows that begin with accounts, a new vault on the Add page.
import { launchProfile } from './browser.mjs';
import { FIXED_TIME, watchErrors, openApp, createVault } from './app.mjs';

/// Returns {profile, page, errors}; the caller closes `profile`. `time` fixes the page clock (Unix
/// seconds; null keeps the real clock, which a camera loop measuring frames per second needs).
/// `withVault` creates a vault and follows "Add your first account". `initScript` runs in the page
/// before the app's first script (context.addInitScript). Other options go to launchProfile. If any
/// step fails, the profile is closed before the error is passed on.
export async function openFreshApp(url, options = {}) {
  const { time = FIXED_TIME, withVault = false, initScript = null, ...profileOptions } = options;
  const profile = await launchProfile({ origin: url, ...profileOptions });
  try {
    if (initScript) await profile.context.addInitScript(initScript);
    const page = await profile.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, url, { time: time ?? undefined });
    if (withVault) {
      await createVault(page);
      await page.getByRole('button', { name: 'Add your first account' }).click();
    }
    return { profile, page, errors };
  } catch (error) {
    await profile.close();
    throw error;
  }
}
