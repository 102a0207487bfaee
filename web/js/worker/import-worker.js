// A throw-away worker for reading other apps' export files (and Google Authenticator migration
// links): its own instance of the same wasm module, never holding the unlocked vault. The page starts
// one per import and terminates it afterwards (and when it takes too long), so whatever a hostile
// file does to this instance's memory ends with it; only the accounts the user accepts travel on,
// as otpauth:// links, to the vault's worker.
import { serveBindings } from './worker-host.js';

serveBindings(['importFile', 'importText']);
