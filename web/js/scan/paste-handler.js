// Ctrl+V / Cmd+V anywhere in the app: a screenshot with a QR code, or an otpauth:// link copied from
// the enrollment page (authentik's "Copy" button). Pasting into a text field keeps working as usual
// for plain text; images are always taken.
import { IMAGE_TYPES } from './image-files.js';

const LINK = /^\s*otpauth(-migration)?:\/\//i;

export class PasteHandler {
  constructor(app) {
    document.addEventListener('paste', (event) => {
      const data = event.clipboardData;
      if (!data) return;
      const image = [...data.files].find((file) => IMAGE_TYPES.includes(file.type));
      const inField = event.target instanceof Element && event.target.closest('input, textarea, [contenteditable]');
      if (image) {
        event.preventDefault();
        app.handlePaste({ image });
        return;
      }
      const text = data.getData('text/plain');
      if (!inField && LINK.test(text)) {
        event.preventDefault();
        app.handlePaste({ text: text.trim() });
      }
    });
  }
}
