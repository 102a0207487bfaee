// Passkey unlock (issue 12) in Chromium with the DevTools virtual authenticator (CTAP2, internal
// transport, user verification, PRF): enrol in Settings, lock, unlock by passkey, a second passkey
// on a second authenticator (a USB security key), remove one, the password still works, a passkey
// that is not the vault's is refused, and an authenticator without PRF is refused cleanly.
//
// WebAuthn needs a domain as relying party id, not an IP address, so the page is opened as
// http://localhost:PORT (a secure context), mapped to the 127.0.0.1 server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb, launchProfile } from './support/browser.mjs';
import { PASSWORD, FIXED_TIME, oathtool, watchErrors, openApp, createVault, addByUri, rowCode } from './support/app.mjs';


const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const EXPECTED = () => oathtool('--totp', '-b', SECRET, '--now', `@${FIXED_TIME}`);
const AUTHENTICATOR = { protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true,
  hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true };

let web;
let profile;
let page;
let errors;
let cdp;
const authenticators = {};

async function addAuthenticator(name, options = {}) {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { ...AUTHENTICATOR, hasPrf: true, ...options } });
  authenticators[name] = authenticatorId;
  return authenticatorId;
}

/// Only `name` answers (the others act as if nobody touched them).
async function use(name) {
  for (const [other, authenticatorId] of Object.entries(authenticators))
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled: other === name });
}

async function removeAuthenticator(name) {
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: authenticators[name] });
  delete authenticators[name];
}

async function credentials(name) {
  return (await cdp.send('WebAuthn.getCredentials', { authenticatorId: authenticators[name] })).credentials;
}

async function openSettings() {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
}

async function addPasskey(name) {
  await openSettings();
  await page.getByLabel('Name of the new passkey').fill(name);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
}

const passkeyList = () => page.getByRole('list', { name: 'Passkeys that unlock this vault' });

async function lock() {
  await page.getByRole('navigation').getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
}

/// Like support/app.mjs's unlock(), with the exact button name: "Unlock with passkey" is there too.
async function unlock(target, password = PASSWORD) {
  await target.getByLabel('Password', { exact: true }).fill(password);
  await target.getByRole('button', { name: 'Unlock', exact: true }).click();
  await target.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
}

async function unlockWithPasskey() {
  await page.getByRole('button', { name: 'Unlock with passkey' }).click();
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  assert.equal(await rowCode(page, 'Alpha'), EXPECTED());
}

before(async () => {
  web = await serveWeb();
  const origin = web.url.replace('127.0.0.1', 'localhost');
  profile = await launchProfile({ origin, args: ['--host-resolver-rules=MAP localhost 127.0.0.1'] });
  page = await profile.context.newPage();
  errors = watchErrors(page);
  cdp = await profile.context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await addAuthenticator('laptop');
  await openApp(page, origin, { time: FIXED_TIME });
  await createVault(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await addByUri(page, `otpauth://totp/Alpha:user?secret=${SECRET}&issuer=Alpha`);
});

after(async () => {
  await profile?.close();
  await web?.close();
});

test('a vault without passkeys offers only the password', async () => {
  await lock();
  await page.getByLabel('Password', { exact: true }).waitFor();
  // The offer waits for the core to read the stored file: give it the time it would need.
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('button', { name: 'Unlock with passkey' }).count(), 0);
  await unlock(page);
});

test('a passkey added in Settings unlocks the vault after locking', async () => {
  await addPasskey('Work laptop');
  await passkeyList().getByText('Work laptop').waitFor();
  await page.getByText('Passkey “Work laptop” added').first().waitFor();
  assert.equal((await credentials('laptop')).length, 1);
  await lock();
  await unlockWithPasskey();
});

test('a second passkey on another authenticator, and each of them unlocks', async () => {
  await addAuthenticator('key', { transport: 'usb' }); // Chrome allows one internal (platform) authenticator
  await use('key');
  await addPasskey('Blue key');
  await passkeyList().getByText('Blue key').waitFor();
  assert.equal(await passkeyList().getByRole('listitem').count(), 2);
  assert.equal((await credentials('key')).length, 1);
  await lock();
  await unlockWithPasskey(); // the key: asked together with the laptop's passkey
  await lock();
  await use('laptop');
  await unlockWithPasskey();
});

test('removing a passkey keeps the other one and the password working', async () => {
  await openSettings();
  await passkeyList().getByRole('button', { name: 'Remove passkey Work laptop' }).click();
  await page.getByText('Passkey “Work laptop” removed').first().waitFor();
  assert.equal(await passkeyList().getByRole('listitem').count(), 1);
  await lock();
  await use('key');
  await unlockWithPasskey();
  await lock();
  await unlock(page);
  assert.equal(await rowCode(page, 'Alpha'), EXPECTED());
});

test('a passkey that is not one of the vault\'s is refused, and the password still works', async () => {
  // A stray passkey for this site on the same security key (as another vault would leave), with PRF.
  await page.evaluate(() => navigator.credentials.create({ publicKey: {
    challenge: crypto.getRandomValues(new Uint8Array(32)), rp: { name: 'Stray' },
    user: { id: crypto.getRandomValues(new Uint8Array(16)), name: 'stray', displayName: 'stray' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' }, extensions: { prf: {} },
  } }));
  const enrolled = (await credentials('key')).filter((credential) => credential.userName !== 'stray');
  assert.equal(enrolled.length, 1);
  await cdp.send('WebAuthn.removeCredential', { authenticatorId: authenticators.key, credentialId: enrolled[0].credentialId });
  // A browser or authenticator that ignores allowCredentials answers with the stray passkey, whose
  // PRF output is genuine but opens nothing here: the core must refuse it.
  await page.evaluate(() => {
    const get = navigator.credentials.get.bind(navigator.credentials);
    navigator.credentials.get = (options) => get({ ...options, publicKey: { ...options.publicKey, allowCredentials: [] } });
  });
  await lock();
  await page.getByRole('button', { name: 'Unlock with passkey' }).click();
  await page.getByRole('alert').filter({ hasText: 'This passkey does not open this vault. Use your password.' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Unlock your vault' }).count(), 1);
  await unlock(page);
  assert.equal(await rowCode(page, 'Alpha'), EXPECTED());
});

test('an authenticator without PRF is refused with a clear message; nothing is added', async () => {
  await removeAuthenticator('laptop');
  await removeAuthenticator('key');
  await addAuthenticator('old', { hasPrf: false });
  await addPasskey('Old key');
  await page.getByRole('alert').filter({ hasText: 'cannot unlock a vault' }).waitFor();
  assert.equal(await passkeyList().getByRole('listitem').count(), 1); // still only "Blue key"
  await lock();
  await page.getByRole('button', { name: 'Unlock with passkey' }).click();
  await page.getByRole('alert').filter({ hasText: /cannot unlock a vault|was not used/ }).waitFor({ timeout: 30_000 });
  await unlock(page);
  assert.deepEqual(errors, []);
});
