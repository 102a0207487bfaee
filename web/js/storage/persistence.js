// Asks the browser to keep our data even when disk space runs low. Chromium grants it silently to
// installed or often-used sites and refuses otherwise; the page tells the user when it is refused.
/// Resolves 'persisted' | 'refused' | 'unsupported'.
export async function requestPersistence() {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'persisted';
    return (await navigator.storage.persist()) ? 'persisted' : 'refused';
  } catch {
    return 'refused';
  }
}
