// The screens nobody needs before the first code, in one module: app/app.js imports it dynamically,
// so the build makes it a chunk of its own (tools/build-web.mjs), fetched when one of them is first
// shown or in the background once a vault is open. One module, not one per screen: each chunk the
// page splits off adds a shared chunk to what main.js loads first.
export { AddAccountScreen } from './add-account-screen.js';
export { SettingsScreen } from './settings-screen.js';
export { ImportScreen } from './import-screen.js';
export { ExportScreen } from './export-screen.js';
export { MergeBackupScreen } from './merge-backup-screen.js';
export { SendVaultScreen } from './send-vault-screen.js';
export { ReceiveVaultScreen } from './receive-vault-screen.js';
export { CreateVaultScreen } from './create-vault-screen.js';
export { RestoreScreen } from './restore-screen.js';
export { VaultReadyScreen } from './vault-ready-screen.js';
