// Tells other open tabs that this tab saved the vault, so a tab holding an older revision stops
// before it can overwrite newer data. Each tab has a random id to ignore its own messages.
const CHANNEL = 'authenticator-vault';
const tabId = crypto.randomUUID();

export class TabSync {
  #channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

  /// listener({revision}) runs when ANOTHER tab saved.
  onSaved(listener) {
    this.#channel?.addEventListener('message', ({ data }) => {
      if (data?.type === 'saved' && data.tabId !== tabId) listener({ revision: data.revision });
    });
  }

  announceSaved(revision) {
    this.#channel?.postMessage({ type: 'saved', tabId, revision });
  }
}
