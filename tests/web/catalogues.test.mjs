// Every string in both languages: the same keys in en and lv, every key the code asks for exists,
// plural messages have the forms Intl.PluralRules picks, and placeholders match between languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../../web/js/i18n/en.js';
import lv from '../../web/js/i18n/lv.js';

const webJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/js');

function sources(dir = webJs) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.js') ? [full] : [];
  });
}

const placeholders = (message) => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1])))].sort();
};

test('English and Latvian have exactly the same keys', () => {
  assert.deepEqual(Object.keys(lv).sort(), Object.keys(en).sort());
});

test('every literal key the page asks for exists (t(\'...\'), data-i18n)', () => {
  const missing = [];
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) if (!(match[1] in en)) missing.push(`${path.basename(file)}: ${match[1]}`);
  }
  const html = readFileSync(path.join(webJs, '..', 'index.html'), 'utf8');
  for (const match of html.matchAll(/data-i18n(?:-attr)?="(?:[\w-]+:)?([\w.]+)"/g)) if (!(match[1] in en)) missing.push(`index.html: ${match[1]}`);
  assert.deepEqual(missing, []);
});

test('dynamic keys (error kinds, types, sources) exist in both languages', () => {
  const dynamic = [
    ...['totp', 'hotp', 'steam'].map((type) => `type.${type}`),
    ...['idle', 'hidden', 'other_tab', 'stale'].map((reason) => `lock.reason.${reason}`),
    ...['paste', 'camera', 'screen', 'file', 'image'].map((source) => `confirm.source.${source}`),
    ...['migration', 'link', 'text'].map((kind) => `found.${kind}`),
    ...['tooShort', 'common', 'predictable', 'weak', 'fair', 'good', 'strong'].map((reason) => `strength.${reason}`),
    ...['denied', 'noCamera', 'busy', 'cancelled', 'insecure', 'unsupported', 'failed', 'screenFailed', 'unavailable'].map((kind) => `scan.error.${kind}`),
    ...['aegis', 'otpauth', 'google', 'phone'].map((kind) => `export.confirm.${kind}`),
    ...['wrong_password', 'integrity_failure', 'malformed_file', 'unsupported_version', 'duplicate', 'locked', 'quota',
      'write_failed', 'stale', 'password_required', 'unsupported_format', 'no_code_found', 'too_large', 'kdf_too_costly'].map((kind) => `error.${kind}`),
  ];
  for (const key of dynamic) {
    assert.ok(key in en, `en: ${key}`);
    assert.ok(key in lv, `lv: ${key}`);
  }
});

test('plural messages carry every form their language needs; placeholders agree', () => {
  const forms = { en: new Intl.PluralRules('en').resolvedOptions().pluralCategories, lv: new Intl.PluralRules('lv').resolvedOptions().pluralCategories };
  for (const [lang, catalogue] of Object.entries({ en, lv })) {
    for (const [key, message] of Object.entries(catalogue)) {
      if (typeof message === 'object') for (const form of forms[lang]) assert.ok(message[form] || message.other, `${lang} ${key}: ${form}`);
      if (lang === 'lv' && typeof message === 'object') for (const form of forms.lv) assert.ok(form in message, `lv ${key} lacks the ${form} form`);
    }
  }
  for (const key of Object.keys(en)) assert.deepEqual(placeholders(lv[key]), placeholders(en[key]), key);
});

test('no markup in any message: every string is set as text', () => {
  for (const [lang, catalogue] of Object.entries({ en, lv })) {
    for (const [key, message] of Object.entries(catalogue)) {
      for (const text of typeof message === 'string' ? [message] : Object.values(message)) assert.doesNotMatch(text, /<[a-z/]/i, `${lang} ${key}`);
    }
  }
});
