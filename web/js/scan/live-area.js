// What shows while a camera or a shared screen is scanned: the camera picker (only with two cameras
// or more), the preview, the status line that says what is going on, and Stop.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

/// {element, cameraPicker, status, stopButton}; `view` is the ScanView whose frame is shown.
export function liveArea({ view, onCameraChosen, onStop }) {
  const cameraPicker = h('select', {
    'aria-label': t('scan.chooseCamera'), hidden: true, onchange: () => onCameraChosen(cameraPicker.value),
  });
  const status = h('p', { class: 'scan-status', role: 'status' });
  const stopButton = h('button', { type: 'button', class: 'button', text: t('scan.stop'), onclick: onStop });
  const element = h('div', { class: 'screen scan-live', hidden: true },
    cameraPicker, view.frame, status, h('div', { class: 'button-row' }, stopButton));
  return { element, cameraPicker, status, stopButton };
}

/// One <option> per camera, the one in use selected; a camera without a label is numbered.
export function cameraOptions(cameras, currentId) {
  return cameras.map((camera, index) => h('option', {
    value: camera.deviceId,
    text: camera.label || t('scan.cameraN', { n: index + 1 }),
    selected: camera.deviceId === currentId,
  }));
}
