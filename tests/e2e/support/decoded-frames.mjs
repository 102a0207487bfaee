// Measures the camera loop from outside the app: an init script wraps window.Worker before the app's
// first script runs and notes when a live scan starts (the decoder's `startStream`) and when each
// live frame's decode is answered. The app carries no measurement of its own.

/// Runs in the page (context.addInitScript): keeps window.liveScan = {startedAt, decodedAt: [...]}
/// for the latest live scan, in performance.now() milliseconds.
export function countDecodedFrames() {
  const Original = window.Worker;
  window.liveScan = { startedAt: 0, decodedAt: [] };
  window.Worker = class FrameCountingWorker extends Original {
    #liveDecodes = new Set();

    constructor(...args) {
      super(...args);
      this.addEventListener('message', ({ data }) => {
        if (this.#liveDecodes.delete(data?.id)) window.liveScan.decodedAt.push(performance.now());
      });
    }

    postMessage(message, ...rest) {
      if (message?.action === 'startStream') window.liveScan = { startedAt: performance.now(), decodedAt: [] };
      if (message?.action === 'decodeImage' && message.args?.[1] === 'live') this.#liveDecodes.add(message.id);
      return super.postMessage(message, ...rest);
    }
  };
}

/// Decoded frames per second of the latest live scan, from its start to its last decoded frame
/// (for a scan that found a code: until found), rounded to a tenth.
export function decodedFramesPerSecond(page) {
  return page.evaluate(() => {
    const { startedAt, decodedAt } = window.liveScan;
    const seconds = decodedAt.length ? (decodedAt.at(-1) - startedAt) / 1000 : 0;
    return seconds > 0 ? Math.round((10 * decodedAt.length) / seconds) / 10 : 0;
  });
}
