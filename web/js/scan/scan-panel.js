// "Scan a QR code": camera, screen, image files (picker or drag and drop) and the paste hint. Every
// route ends in onResults([{text, source}]) (or [{staged, source}] with `stage`: the code was staged
// in the vault worker and its text never reached the page) or in a message that says what happened
// and leaves the other routes available. Streams stop when a code is read, the panel is left or the
// tab hidden.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { ScanView } from './scan-view.js';
import { FrameScanner } from './frame-scanner.js';
import { mediaErrorKind } from './media-errors.js';
import { openCamera, openScreen, listCameras, isFrontCamera, stopStream } from './media-streams.js';
import { decodeImageFiles } from './image-files.js';
import { releaseDecoder } from './decoder-worker-client.js';
import { excerpt } from './scanned-text.js';
import { scanRoutes } from './scan-routes.js';
import { liveArea, cameraOptions } from './live-area.js';

/// Why a file gave no code, in the user's words (the file name shortened: it may be long).
function fileProblem(result) {
  const kind = result.error.kind;
  const key = { no_code_found: 'scan.noCodeIn', unavailable: 'scan.error.unavailable' }[kind] ?? 'scan.unreadable';
  return t(key, { file: excerpt(result.file.name || t('scan.pastedImage'), 40) });
}

export class ScanPanel {
  #stream = null;
  #scanner = null;
  #source = null;
  #destroyed = false;
  #onResults;
  #setBusy;
  #stage;
  #continuous;
  #view = new ScanView({ label: t('scan.previewLabel') });
  #live;
  #messages = h('div', { class: 'scan-messages', role: 'alert' });
  #onVisibility = () => {
    if (document.visibilityState === 'hidden' && this.#stream) this.#stop(t('scan.stoppedHidden'));
  };

  /// onResults([{text | staged, source}]); setBusy(bool) marks the app busy while a stream is open.
  /// `continuous`: a camera or screen keeps being read after each code (a QR sequence: the owner
  /// calls finish() when it has what it needs), and the preview stays as it is.
  constructor({ onResults, setBusy, stage = false, continuous = false }) {
    this.#onResults = onResults;
    this.#setBusy = setBusy;
    this.#stage = stage;
    this.#continuous = continuous;
    this.#live = liveArea({
      view: this.#view,
      onCameraChosen: (deviceId) => this.startCamera(deviceId),
      onStop: () => this.#stop(t('scan.stopped')),
    });
    const routes = scanRoutes({
      onCamera: () => this.startCamera(),
      onScreen: () => this.startScreen(),
      onFiles: (files) => this.decodeFiles(files, 'file'),
    });
    this.element = h('section', { class: 'card', 'aria-labelledby': 'scan-title' },
      h('h3', { id: 'scan-title', text: t('scan.title') }),
      h('p', { class: 'small-print', text: t('scan.intro') }),
      routes, this.#live.element, this.#messages);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  #message(text, { found } = {}) {
    const foundText = found ? h('span', { class: 'small-print', text: ` ${found}` }) : null;
    this.#messages.replaceChildren(h('p', { class: 'notice' }, text, foundText));
  }

  #showLive(source) {
    this.#live.element.hidden = false;
    this.#live.stopButton.hidden = false;
    this.#live.status.textContent = t(source === 'camera' ? 'scan.startingCamera' : 'scan.startingScreen');
  }

  async #open(source, opener) {
    this.#stop();
    this.#messages.replaceChildren();
    this.#source = source;
    this.#setBusy(true);
    this.#showLive(source);
    let stream;
    try {
      stream = await opener();
    } catch (error) {
      this.#stop();
      this.#message(t(`scan.error.${mediaErrorKind(error, { screen: source === 'screen' })}`));
      return null;
    }
    // Left, destroyed or switched to another source while the browser asked for permission.
    if (this.#destroyed || this.#source !== source) {
      stopStream(stream);
      return null;
    }
    this.#stream = stream;
    this.#stopWhenEnded(stream, source);
    await this.#view.attach(stream, { mirrored: source === 'camera' && isFrontCamera(stream) });
    this.#live.status.textContent = t(source === 'camera' ? 'scan.lookingCamera' : 'scan.lookingScreen');
    this.#startScanner(source);
    return stream;
  }

  // The user unplugged the camera or stopped sharing from the browser's own bar.
  #stopWhenEnded(stream, source) {
    for (const track of stream.getVideoTracks()) {
      track.addEventListener('ended', () => {
        if (this.#stream === stream) this.#stop(t(source === 'screen' ? 'scan.screenEnded' : 'scan.cameraEnded'));
      });
    }
  }

  #startScanner(source) {
    this.#scanner = new FrameScanner(this.#view.video, {
      stage: this.#stage,
      onFound: (result) => this.#found(result, source),
      onError: (error) => this.#stop(t(error.kind === 'unavailable' ? 'scan.error.unavailable' : 'scan.error.failed')),
      // A code in view that cannot be read: say what to do about it (camera only; a shared
      // screen is never out of focus or glared).
      onHint: (hint) => {
        if (source !== 'camera') return;
        this.#live.status.textContent = t(hint ? `scan.hint.${hint}` : 'scan.lookingCamera');
      },
    });
    this.#scanner.start();
  }

  async startCamera(deviceId) {
    const stream = await this.#open('camera', () => openCamera(deviceId));
    if (!stream) return;
    const cameras = await listCameras().catch(() => []);
    const current = stream.getVideoTracks()[0]?.getSettings?.().deviceId;
    this.#live.cameraPicker.replaceChildren(...cameraOptions(cameras, current));
    this.#live.cameraPicker.hidden = cameras.length < 2;
  }

  startScreen() {
    return this.#open('screen', openScreen);
  }

  #found(result, source) {
    const found = [this.#stage ? { staged: result.staged, source } : { text: result.text, source }];
    if (this.#continuous) {
      // The loop stopped at the code; the next frame may hold the next part.
      this.#scanner?.start();
      this.#onResults(found);
      return;
    }
    this.#view.outline(result.corners, result.width, result.height);
    this.#stop(t('scan.found'), { keepPreview: true });
    this.#onResults(found);
  }

  /// Ends a continuous scan: the stream stops and `message` says why.
  finish(message) {
    this.#stop(message);
  }

  /// Stops the stream and the loop; `message` says why (shown and announced).
  #stop(message, { keepPreview = false } = {}) {
    this.#scanner?.stop();
    this.#scanner = null;
    stopStream(this.#stream);
    this.#stream = null;
    this.#source = null;
    if (!keepPreview) {
      this.#view.detach();
      this.#live.element.hidden = true;
    }
    this.#live.stopButton.hidden = keepPreview;
    this.#setBusy(false);
    if (message) this.#live.status.textContent = message;
    if (message && !keepPreview) this.#message(message);
    if (!keepPreview) releaseDecoder();
  }

  async decodeFiles(files, source) {
    if (!files.length) return;
    this.#stop();
    this.#message(t('scan.reading', { count: files.length }));
    const results = await decodeImageFiles(files, { stage: this.#stage });
    const found = [];
    const problems = [];
    for (const result of results) {
      if (result.staged) found.push({ staged: result.staged, source });
      else if (result.text) found.push({ text: result.text, source });
      else problems.push(fileProblem(result));
    }
    this.#messages.replaceChildren(...problems.map((problem) => h('p', { class: 'notice', text: problem })));
    releaseDecoder();
    if (found.length) this.#onResults(found);
  }

  get busy() {
    return Boolean(this.#stream);
  }

  destroy() {
    this.#destroyed = true;
    this.#stop();
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }
}
