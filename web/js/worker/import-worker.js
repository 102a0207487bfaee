// A throw-away worker for reading other apps' export files (and Google Authenticator migration
// links): its own instance of the same wasm module, never holding the unlocked vault. The page starts
// one per import and terminates it afterwards (and when it takes too long), so whatever a hostile
// file does to this instance's memory ends with it. The accounts it reads go, as otpauth:// links,
// over a port straight to the vault worker (vault-link.js), which stages them; the page gets the
// staged previews only, never a link or a secret.
import { serveBindings } from './worker-host.js';
import { connectVault, stageUrisInVault } from './vault-link.js';

/// {format, accounts: [preview], problems, migration?} or {error}.
async function staged(result) {
  if (result.error) return result;
  const { accounts, ...rest } = result;
  if (!accounts.length) return { ...rest, accounts: [] };
  const inVault = await stageUrisInVault(accounts.map((account) => account.uri));
  return inVault.error ? { error: inVault.error } : { ...rest, accounts: inVault.candidates };
}

serveBindings([], {
  connectVault: (m, port) => connectVault(port),
  importFile: (m, ...args) => staged(m.importFile(...args)),
  importText: (m, ...args) => staged(m.importText(...args)),
});
