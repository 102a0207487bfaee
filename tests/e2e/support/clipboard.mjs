// What the clipboard holds after the app copied, read the way each engine allows under automation:
// the async Clipboard API where the test may read it (Chromium with the permission granted, Firefox
// with its testing pref), else a real paste (Control+V) into a scratch field (WebKitGTK, whose
// clipboard is the Xvfb display's).
export async function readClipboard(page, engineName) {
  if (engineName !== 'webkit') return page.evaluate(() => navigator.clipboard.readText());
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'e2e-paste';
    area.setAttribute('aria-label', 'paste check');
    document.body.append(area);
    area.focus();
  });
  await page.press('Control+V');
  const text = await page.evaluate(() => document.getElementById('e2e-paste').value);
  await page.evaluate(() => document.getElementById('e2e-paste').remove());
  return text;
}
