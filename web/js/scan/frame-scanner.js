// Reads QR codes from a playing <video> (camera or shared screen). Each displayed frame is offered to
// the scanner worker; if the previous frame is still being decoded, the new one is DROPPED, never
// queued, so the page stays responsive and decoding always works on the newest frame.
import { decodeBitmap, decoderBusy } from './scanner-worker.js';

export class FrameScanner {
  #video;
  #running = false;
  #handle = null;
  #decoded = 0;
  #startedAt = 0;
  #inFlight = false;

  /// onFound({text, bytes, corners, width, height}) once a code is read; the loop then stops.
  constructor(video, { onFound, onError, onDecoded }) {
    this.#video = video;
    this.onFound = onFound;
    this.onError = onError;
    this.onDecoded = onDecoded;
  }

  /// Decoded frames per second since start (for the status line and the e2e measurement).
  get framesPerSecond() {
    const seconds = (performance.now() - this.#startedAt) / 1000;
    return seconds > 0 ? this.#decoded / seconds : 0;
  }

  start() {
    this.#running = true;
    this.#decoded = 0;
    this.#startedAt = performance.now();
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
    this.#handle = 'requestVideoFrameCallback' in this.#video ? this.#video.requestVideoFrameCallback(next) : requestAnimationFrame(next);
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
      result = await decodeBitmap(await createImageBitmap(video), 'live');
    } catch {
      result = { error: { kind: 'no_code_found' } }; // the frame vanished (video stopped): skip it
    } finally {
      this.#inFlight = false;
    }
    if (!this.#running) return;
    this.#decoded += 1;
    this.onDecoded?.(this);
    if (!result.error) {
      this.stop();
      this.onFound(result);
    } else if (!['no_code_found', 'cancelled'].includes(result.error.kind)) {
      this.stop();
      this.onError?.(result.error);
    }
  }
}
