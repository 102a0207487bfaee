// Manual entry: issuer, name, the Base32 secret checked as it is typed (by the core, which answers
// with its strength only), and "advanced" (type, algorithm, digits, period or counter) folded away
// with the usual defaults. On save the fields are read once and staged in the core, which validates
// them (spaces, dashes and case in the secret are its business) and saves; its field errors land on
// the field. The form is cleared once saved.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { field, select } from './form-field.js';
import { confirmDuplicate } from './confirm-questions.js';

const DEFAULTS = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
const TYPE_OPTIONS = [['totp', 'type.totp'], ['hotp', 'type.hotp'], ['steam', 'type.steam']];
const ALGORITHM_OPTIONS = [['SHA1', 'SHA-1'], ['SHA256', 'SHA-256'], ['SHA512', 'SHA-512']];
const DIGIT_OPTIONS = [[6, '6'], [7, '7'], [8, '8']];

function textField(label, hint, maxlength) {
  return field({ label, hint, input: h('input', { type: 'text', autocomplete: 'off', maxlength }) });
}

function numberField(label, { min, max, value }) {
  return field({ label, input: h('input', { type: 'number', min, max, value, inputmode: 'numeric' }) });
}

function secretField() {
  const input = h('input', {
    type: 'text', class: 'secret-input', required: true,
    autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters',
  });
  return field({ label: t('field.secret'), hint: t('manual.secretHint'), input });
}

function selectField(label, options, value) {
  return field({ label, input: select({ options, value }) });
}

export class ManualEntryForm {
  #validation = 0;

  constructor({ app, session, onSaved }) {
    const issuer = textField(t('field.issuer'), t('manual.issuerHint'), 200);
    const name = textField(t('field.name'), t('manual.nameHint'), 200);
    const secret = secretField();
    const typeOptions = TYPE_OPTIONS.map(([value, key]) => [value, t(key)]);
    const typeField = selectField(t('field.type'), typeOptions, DEFAULTS.type);
    const algorithmField = selectField(t('field.algorithm'), ALGORITHM_OPTIONS, DEFAULTS.algorithm);
    const digitsField = selectField(t('field.digits'), DIGIT_OPTIONS, DEFAULTS.digits);
    const [type, algorithm, digits] = [typeField.input, algorithmField.input, digitsField.input];
    const period = numberField(t('field.periodSeconds'), { min: 1, max: 3600, value: DEFAULTS.period });
    const counter = numberField(t('field.counter'), { min: 0, value: DEFAULTS.counter });
    const group = textField(t('field.group'), t('field.groupHint'), 100);
    const status = h('p', { role: 'alert', class: 'problem' });
    // By the field names the core reports errors with.
    const fields = {
      issuer, name, secret, period, counter, group, type: typeField, algorithm: algorithmField, digits: digitsField,
    };

    const showTypeFields = () => {
      const kind = type.value;
      counter.element.hidden = kind !== 'hotp';
      period.element.hidden = kind !== 'totp';
      algorithmField.element.hidden = kind === 'steam';
      digitsField.element.hidden = kind === 'steam';
    };
    type.addEventListener('change', showTypeFields);
    showTypeFields();

    secret.input.addEventListener('input', async () => {
      const ticket = ++this.#validation;
      const value = secret.input.value;
      if (!value.trim()) {
        secret.setProblem(null);
        return;
      }
      const result = await session.checkSecret(value);
      if (ticket !== this.#validation) return;
      if (result.error) secret.setProblem(t('manual.secretInvalid'));
      else if (result.tooShort) secret.setProblem(t('manual.secretShort'));
      else secret.setProblem(t('manual.secretOk', { bits: result.bits }), 'ok');
    });

    // Steam's own digits and algorithm are the core's rule (Session::stageManual), not the form's.
    const values = () => ({
      issuer: issuer.input.value.trim(), name: name.input.value.trim(), secret: secret.input.value,
      type: type.value, algorithm: algorithm.value, digits: Number(digits.value),
      period: Number(period.input.value) || DEFAULTS.period, counter: Number(counter.input.value) || 0,
      group: group.input.value.trim(),
    });

    const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'manual-title' },
      h('h3', { id: 'manual-title', text: t('manual.title') }),
      issuer.element, name.element, secret.element,
      h('details', { class: 'advanced' }, h('summary', { text: t('manual.advanced') }),
        h('p', { class: 'small-print', text: t('manual.advancedHint') }),
        h('div', { class: 'grid-2' },
          typeField.element, algorithmField.element, digitsField.element, period.element, counter.element)),
      group.element, status,
      h('div', { class: 'button-row' },
        h('button', { type: 'submit', class: 'button primary', text: t('manual.submit') })));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      for (const item of Object.values(fields)) item.setProblem?.(null);
      if (!secret.input.value.trim()) {
        secret.setProblem(t('manual.secretMissing'));
        return secret.input.focus();
      }
      if (!issuer.input.value.trim() && !name.input.value.trim()) {
        name.setProblem(t('edit.needName'));
        return name.input.focus();
      }
      let result = await session.addManual(values());
      if (result.error?.kind === 'duplicate') {
        const anyway = await confirmDuplicate();
        // The duplicate stays staged until the user decides, so the key is not read again.
        result = anyway ? await session.addManual(null, { allowDuplicates: true, candidateId: result.candidateId })
          : await session.discardCandidate(result.candidateId).then(() => result);
      }
      if (result.error) {
        if (result.error.kind === 'duplicate') return;
        const target = fields[result.error.field];
        if (target) {
          if (target.element.closest('details')) target.element.closest('details').open = true;
          target.setProblem(app.describeError(result.error));
          (target.input ?? target.element.querySelector('input,select'))?.focus();
        } else {
          status.textContent = app.describeError(result.error);
        }
        return;
      }
      form.reset();
      secret.setProblem(null);
      showTypeFields();
      onSaved?.(result.added[0]);
    });
    this.element = form;
    this.inputs = [issuer.input, name.input, secret.input];
  }

  /// Something typed that would be lost: an update waits until it is saved or cleared.
  get dirty() {
    return this.inputs.some((input) => input.value.trim());
  }
}
