// Counts a disabled submit button down ("Wait 4 seconds"), then gives it back its label.
import { t } from '../i18n/i18n.js';

/// Returns a function that stops the countdown early (and re-enables the button).
export function countDown(button, seconds, label) {
  let left = seconds;
  let timer = null;
  const done = () => {
    clearTimeout(timer);
    button.disabled = false;
    button.textContent = label;
  };
  const step = () => {
    if (left <= 0) return done();
    button.disabled = true;
    button.textContent = t('unlock.waitButton', { count: left });
    left -= 1;
    timer = setTimeout(step, 1000);
    return undefined;
  };
  step();
  return done;
}
