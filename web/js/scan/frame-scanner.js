// Reads QR codes from a playing <video> (camera or shared screen). Each displayed frame is offered to
// the decoder worker; if the previous frame is still being decoded, the new one is DROPPED, never
// queued, so the page stays responsive and decoding always works on the newest frame.
import { decodeBitmap, decoderBusy, startDecoderStream } from './decoder-worker-client.js';

// A code seen but not read for this long gets a hint ("hold it further away"...); the hint goes
// once no frame has asked for it for HINT_CLEAR_MS.
const HINT_AFTER_MS = 1000;
const HINT_CLEAR_MS = 1500;

export class FrameScanner {
  #video;
  #running = false;
  #handle = null;
  #inFlight = false;
  #hintSince = 0;
  #hintSeen = 0;
  #hint = null;
  #stage;

  /// onFound({text, bytes, corners, width, height}) once a code is read ({staged, corners, width,
  /// height} with `stage`: see decodeBitmap); the loop then stops.
  /// onHint('further' | 'still' | 'glare' | null) when a code has been in view but unreadable for
  /// about a second, and null when that is over.
  constructor(video, { onFound, onError, onHint, stage = false }) {
    this.#video = video;
    this.#stage = stage;
    this.onFound = onFound;
    this.onError = onError;
    this.onHint = onHint;
  }

  start() {
    this.#running = true;
    this.#hint = null;
    this.#hintSince = 0;
    startDecoderStream();
    this.#schedule();
  }

  stop() {
    this.#running = false;
    if (this.#handle !== null) {
      if ('cancelVideoFrameCallback' in this.#video) this.#video.cancelVideoFrameCallback(this.#handle);
      else cancelAnimationFrame(this.#handle);
    }
    this.#handle = null;
  }

  #schedule() {
    if (!this.#running) return;
    const next = () => this.#frame();
    const video = this.#video;
    // Once per new video frame where the browser can say so, else once per display frame.
    const perVideoFrame = 'requestVideoFrameCallback' in video;
    this.#handle = perVideoFrame ? video.requestVideoFrameCallback(next) : requestAnimationFrame(next);
  }

  async #frame() {
    this.#handle = null;
    const video = this.#video;
    if (!this.#running) return;
    if (this.#inFlight || decoderBusy() || video.readyState < 2 || !video.videoWidth) {
      this.#schedule();
      return;
    }
    this.#inFlight = true;
    this.#schedule();
    let result;
    try {
      result = await decodeBitmap(await createImageBitmap(video), 'live', { stage: this.#stage });
    } catch {
      result = { error: { kind: 'no_code_found' } }; // the frame vanished (video stopped): skip it
    } finally {
      this.#inFlight = false;
    }
    if (!this.#running) return;
    this.#updateHint(result.hint ?? null);
    if (!result.error) {
      this.stop();
      this.onFound(result);
    } else if (!['no_code_found', 'cancelled'].includes(result.error.kind)) {
      this.stop();
      this.onError?.(result.error);
    }
  }

  #updateHint(hint) {
    const now = performance.now();
    if (hint) {
      if (!this.#hintSince) this.#hintSince = now;
      this.#hintSeen = now;
      if (now - this.#hintSince >= HINT_AFTER_MS && hint !== this.#hint) {
        this.#hint = hint;
        this.onHint?.(hint);
      }
    } else if (this.#hintSince && now - this.#hintSeen >= HINT_CLEAR_MS) {
      this.#hintSince = 0;
      if (this.#hint) {
        this.#hint = null;
        this.onHint?.(null);
      }
    }
  }
}
