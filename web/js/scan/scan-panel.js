// "Scan a QR code": camera, screen, image files (picker or drag and drop) and the paste hint. Every
// route ends in onResults([{text, source}]) (or [{staged, source}] with `stage`: the code was staged
// in the vault worker and its text never reached the page) or in a message that says what happened
// and leaves the other routes available. Streams stop when a code is read, the panel is left or the tab hidden.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { icon } from '../ui/icons.js';
import { ScanView } from './scan-view.js';
import { FrameScanner } from './frame-scanner.js';
import { mediaErrorKind } from './media-errors.js';
import { openCamera, openScreen, listCameras, isFrontCamera, stopStream, cameraSupported, screenSupported } from './media-streams.js';
import { decodeImageFiles, IMAGE_TYPES } from './image-files.js';
import { releaseDecoder } from './decoder-worker-client.js';
import { excerpt } from './scanned-text.js';

export class ScanPanel {
  #stream = null;
  #scanner = null;
  #source = null;
  #destroyed = false;
  #onVisibility = () => {
    if (document.visibilityState === 'hidden' && this.#stream) this.#stop(t('scan.stoppedHidden'));
  };

  /// onResults([{text | staged, source}]); setBusy(bool) marks the app busy while a stream is open.
  constructor({ onResults, setBusy, stage = false }) {
    this.onResults = onResults;
    this.stage = stage;
    this.setBusy = setBusy;
    this.view = new ScanView({ label: t('scan.previewLabel') });
    this.status = h('p', { class: 'scan-status', role: 'status' });
    this.messages = h('div', { class: 'scan-messages', role: 'alert' });
    this.cameraPicker = h('select', { 'aria-label': t('scan.chooseCamera'), hidden: true, onchange: () => this.startCamera(this.cameraPicker.value) });
    this.stopButton = h('button', { type: 'button', class: 'button', text: t('scan.stop'), onclick: () => this.#stop(t('scan.stopped')) });
    this.live = h('div', { class: 'screen scan-live', hidden: true }, this.cameraPicker, this.view.frame, this.status, h('div', { class: 'button-row' }, this.stopButton));
    this.fileInput = h('input', { type: 'file', multiple: true, accept: IMAGE_TYPES.join(','), class: 'sr-only', tabindex: '-1', 'aria-hidden': 'true',
      onchange: () => {
        this.decodeFiles([...this.fileInput.files], 'file');
        this.fileInput.value = '';
      } });
    const routes = h('div', { class: 'scan-routes' },
      cameraSupported() ? h('button', { type: 'button', class: 'button', dataset: { route: 'camera' }, onclick: () => this.startCamera() }, icon('camera'), t('scan.camera')) : null,
      screenSupported() ? h('button', { type: 'button', class: 'button', dataset: { route: 'screen' }, onclick: () => this.startScreen() }, icon('screen'), t('scan.screen')) : null,
      h('button', { type: 'button', class: 'button', dataset: { route: 'file' }, onclick: () => this.fileInput.click() }, icon('image'), t('scan.file')));
    this.dropZone = h('div', { class: 'drop-zone' }, h('p', { class: 'small-print', text: t('scan.dropHint') }));
    this.#wireDrop();
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.element = h('section', { class: 'card', 'aria-labelledby': 'scan-title' },
      h('h3', { id: 'scan-title', text: t('scan.title') }),
      h('p', { class: 'small-print', text: t('scan.intro') }),
      routes, this.fileInput, this.dropZone, this.live, this.messages);
  }

  #wireDrop() {
    const zone = this.dropZone;
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length) this.decodeFiles(files, 'file');
    });
  }

  #message(text, { found } = {}) {
    this.messages.replaceChildren(h('p', { class: 'notice' }, text, found ? h('span', { class: 'small-print', text: ` ${found}` }) : null));
  }

  async #open(source, opener) {
    this.#stop();
    this.messages.replaceChildren();
    this.#source = source;
    this.setBusy(true);
    this.live.hidden = false;
    this.stopButton.hidden = false;
    this.status.textContent = t(source === 'camera' ? 'scan.startingCamera' : 'scan.startingScreen');
    let stream;
    try {
      stream = await opener();
    } catch (error) {
      this.#stop();
      this.#message(t(`scan.error.${mediaErrorKind(error, { screen: source === 'screen' })}`));
      return null;
    }
    if (this.#destroyed || this.#source !== source) {
      stopStream(stream);
      return null;
    }
    this.#stream = stream;
    for (const track of stream.getVideoTracks()) {
      track.addEventListener('ended', () => {
        if (this.#stream === stream) this.#stop(t(source === 'screen' ? 'scan.screenEnded' : 'scan.cameraEnded'));
      });
    }
    await this.view.attach(stream, { mirrored: source === 'camera' && isFrontCamera(stream) });
    this.status.textContent = t(source === 'camera' ? 'scan.lookingCamera' : 'scan.lookingScreen');
    this.#scanner = new FrameScanner(this.view.video, {
      stage: this.stage,
      onFound: (result) => this.#found(result, source),
      onError: (error) => this.#stop(t(`scan.error.${error.kind === 'unavailable' ? 'unavailable' : 'failed'}`)),
      // Decoded frames per second, for whoever measures the loop (benchmark, tests); not shown.
      onDecoded: (scanner) => {
        this.live.dataset.fps = scanner.framesPerSecond.toFixed(1);
      },
      // A code in view that cannot be read: say what to do about it (camera only; a shared
      // screen is never out of focus or glared).
      onHint: (hint) => {
        if (source !== 'camera') return;
        this.status.textContent = t(hint ? `scan.hint.${hint}` : 'scan.lookingCamera');
        this.live.dataset.hint = hint ?? '';
      },
    });
    this.#scanner.start();
    return stream;
  }

  async startCamera(deviceId) {
    const stream = await this.#open('camera', () => openCamera(deviceId));
    if (!stream) return;
    const cameras = await listCameras().catch(() => []);
    const current = stream.getVideoTracks()[0]?.getSettings?.().deviceId;
    this.cameraPicker.replaceChildren(...cameras.map((camera, index) =>
      h('option', { value: camera.deviceId, text: camera.label || t('scan.cameraN', { n: index + 1 }), selected: camera.deviceId === current })));
    this.cameraPicker.hidden = cameras.length < 2;
  }

  startScreen() {
    return this.#open('screen', openScreen);
  }

  #found(result, source) {
    this.view.outline(result.corners, result.width, result.height);
    this.live.dataset.fps = this.#scanner ? this.#scanner.framesPerSecond.toFixed(1) : '';
    this.#stop(t('scan.found'), { keepPreview: true });
    this.onResults([this.stage ? { staged: result.staged, source } : { text: result.text, source }]);
  }

  /// Stops the stream and the loop; `message` says why (shown and announced).
  #stop(message, { keepPreview = false } = {}) {
    if (this.#scanner) this.live.dataset.fps = this.#scanner.framesPerSecond.toFixed(1);
    this.#scanner?.stop();
    this.#scanner = null;
    stopStream(this.#stream);
    this.#stream = null;
    this.#source = null;
    if (!keepPreview) {
      this.view.detach();
      this.live.hidden = true;
    }
    this.stopButton.hidden = keepPreview;
    this.setBusy(false);
    if (message) this.status.textContent = message;
    if (message && !keepPreview) this.#message(message);
    if (!keepPreview) releaseDecoder();
  }

  async decodeFiles(files, source) {
    if (!files.length) return;
    this.#stop();
    this.#message(t('scan.reading', { count: files.length }));
    const results = await decodeImageFiles(files, { stage: this.stage });
    const texts = [];
    const problems = [];
    for (const result of results) {
      if (result.staged) texts.push({ staged: result.staged, source });
      else if (result.text) texts.push({ text: result.text, source });
      else problems.push(t(result.error.kind === 'no_code_found' ? 'scan.noCodeIn' : result.error.kind === 'unavailable' ? 'scan.error.unavailable' : 'scan.unreadable', { file: excerpt(result.file.name || t('scan.pastedImage'), 40) }));
    }
    this.messages.replaceChildren(...problems.map((problem) => h('p', { class: 'notice', text: problem })));
    releaseDecoder();
    if (texts.length) this.onResults(texts);
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
