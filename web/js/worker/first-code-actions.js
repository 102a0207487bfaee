// The worker actions on the way to the first code: the unlock and restore screens' calls, the
// unlock itself (password or passkey, wrong or right) and the codes. The wasm module's first part
// holds what these run (tools/split-wasm.mjs profiles them to cut it), so they never wait for the
// rest; every other action waits until the rest is linked (worker-host.js).
export const FIRST_CODE_ACTIONS = new Set([
  'openWithCodes',
  'vaultIsUnlocked', 'vaultKdfDefaults', 'vaultWarmUp', 'vaultRehearse', 'vaultPasskeysOf',
  'vaultUnlock', 'vaultUnlockWithPasskey', 'vaultRestore', 'vaultCreate',
  'sessionConfirmSaved', 'sessionAbandon',
  'vaultEntries', 'vaultCodes', 'vaultLock',
]);
