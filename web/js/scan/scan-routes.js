// The ways into a scan, as elements: one button per route (camera, screen, image file), the hidden
// file input the "Image file" button opens, and the zone that takes dropped images. Each is built
// by its own small function; the panel decides what the routes do.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { icon } from '../ui/icons.js';
import { cameraSupported, screenSupported } from './media-streams.js';
import { IMAGE_TYPES } from './image-files.js';

function routeButton(route, iconName, label, onclick) {
  return h('button', { type: 'button', class: 'button', dataset: { route }, onclick }, icon(iconName), label);
}

// Hidden from everyone (the button stands for it); cleared after each choice so choosing the same
// file again still fires `change`.
function imageFileInput(onFiles) {
  const input = h('input', {
    type: 'file', multiple: true, accept: IMAGE_TYPES.join(','),
    class: 'sr-only', tabindex: '-1', 'aria-hidden': 'true',
    onchange: () => {
      onFiles([...input.files]);
      input.value = '';
    },
  });
  return input;
}

function dropZone(onFiles) {
  const zone = h('div', { class: 'drop-zone' }, h('p', { class: 'small-print', text: t('scan.dropHint') }));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault(); // without it the browser opens the dropped file itself
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) onFiles(files);
  });
  return zone;
}

/// [route buttons, file input, drop zone]; a route the browser lacks gets no button.
export function scanRoutes({ onCamera, onScreen, onFiles }) {
  const fileInput = imageFileInput(onFiles);
  const buttons = h('div', { class: 'scan-routes' },
    cameraSupported() ? routeButton('camera', 'camera', t('scan.camera'), () => onCamera()) : null,
    screenSupported() ? routeButton('screen', 'screen', t('scan.screen'), () => onScreen()) : null,
    routeButton('file', 'image', t('scan.file'), () => fileInput.click()));
  return [buttons, fileInput, dropZone(onFiles)];
}
