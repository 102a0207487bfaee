// A button that acts at once (type="button", so it never submits the form it sits in). `variant`
// is the look: '' (plain), 'primary', 'danger', 'quiet'; 'small' may follow.
import { h } from './dom.js';

export function actionButton(text, onclick, { variant = '' } = {}) {
  return h('button', { type: 'button', class: variant ? `button ${variant}` : 'button', text, onclick });
}
