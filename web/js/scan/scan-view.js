// The live preview: a <video> of the camera or shared screen with an SVG overlay that outlines the
// code once found. The overlay shares the video's coordinate system (viewBox = the frame size,
// same "contain" fit), and is mirrored with it for front cameras.
import { h, svg } from '../ui/dom.js';

export class ScanView {
  constructor({ label }) {
    this.video = h('video', { muted: true, playsinline: true, autoplay: true, 'aria-hidden': 'true' });
    this.video.muted = true;
    this.polygon = svg('polygon', { points: '' });
    this.overlay = svg('svg', {
      class: 'scan-overlay', preserveAspectRatio: 'xMidYMid meet', 'aria-hidden': 'true',
    }, this.polygon);
    this.frame = h('div', { class: 'scan-view', role: 'img', 'aria-label': label }, this.video, this.overlay);
  }

  async attach(stream, { mirrored = false } = {}) {
    this.video.srcObject = stream;
    this.video.classList.toggle('mirrored', mirrored);
    this.overlay.classList.toggle('mirrored', mirrored);
    this.polygon.setAttribute('points', '');
    await this.video.play().catch(() => {});
  }

  /// corners: four {x, y} in frame pixels.
  outline(corners, width, height) {
    this.overlay.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.polygon.setAttribute('points', corners.map(({ x, y }) => `${x},${y}`).join(' '));
  }

  detach() {
    this.video.pause();
    this.video.srcObject = null;
  }
}
