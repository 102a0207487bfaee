// The page's pure modules under Node: code grouping, search and ordering, password feedback, what
// a scanned text is, the Google Authenticator batch collector, messages with plurals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupCode, spokenCode } from '../../web/js/ui/code-format.js';
import { fold, matches, sections, moved, groupNames } from '../../web/js/accounts/account-order.js';
import { passwordStrength } from '../../web/js/vault/password-strength.js';
import { classifyText, excerpt } from '../../web/js/scan/scanned-text.js';
import { MigrationBatches } from '../../web/js/transfer/migration-batches.js';
import { t, loadLanguage } from '../../web/js/i18n/i18n.js';

await loadLanguage('en'); // the page's main.js does this (setLanguage) before its first screen
import { mediaErrorKind } from '../../web/js/scan/media-errors.js';

test('codes are grouped for reading and spelled out for screen readers', () => {
  assert.equal(groupCode('123456'), '123 456');
  assert.equal(groupCode('12345678'), '1234 5678');
  assert.equal(groupCode('1234567'), '123 4567');
  assert.equal(groupCode('C2F47'), 'C2 F47');
  assert.equal(spokenCode('081804'), '0 8 1 8 0 4');
});

test('search ignores case and Latvian diacritics, and needs every word', () => {
  const entry = { issuer: 'Rīgas Satiksme', name: 'Kristīne Ēķe' };
  assert.equal(fold('ĀČĒĢĪĶĻŅŠŪŽ'), 'acegiklnsuz');
  assert.ok(matches(entry, 'rigas kristine'));
  assert.ok(matches(entry, 'EKE'));
  assert.ok(!matches(entry, 'rigas anna'));
  assert.ok(matches(entry, '  '));
});

test('sections: favourites first, then groups in vault order, then the rest', () => {
  const entries = [
    { id: 'a', issuer: 'A', group: '' }, { id: 'b', issuer: 'B', group: 'Work' }, { id: 'c', issuer: 'C', group: 'Bank', favourite: true },
    { id: 'd', issuer: 'D', group: 'Work' }, { id: 'e', issuer: 'E', group: 'Bank' },
  ];
  const result = sections(entries, { favouritesTitle: 'Fav', otherTitle: 'Other' });
  assert.deepEqual(result.map((section) => [section.title, section.entries.map((entry) => entry.id)]), [
    ['Fav', ['c']], ['Work', ['b', 'd']], ['Bank', ['e']], ['Other', ['a']],
  ]);
  assert.deepEqual(sections([{ id: 'x', group: '' }], { favouritesTitle: 'Fav', otherTitle: 'Other' }).map((section) => section.title), [null]);
  assert.deepEqual(groupNames(entries), ['Work', 'Bank']);
});

test('moving within a section swaps with the neighbour in that section only', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];
  assert.deepEqual(moved(all, ['b', 'd'], 'd', -1), ['a', 'd', 'c', 'b', 'e']);
  assert.equal(moved(all, ['b', 'd'], 'b', -1), null);
  assert.equal(moved(all, ['b', 'd'], 'd', 1), null);
});

test('password feedback: short, common, predictable and strong passwords', () => {
  assert.equal(passwordStrength('').score, 0);
  assert.equal(passwordStrength('abc').reason, 'tooShort');
  assert.equal(passwordStrength('password2024').reason, 'common');
  assert.equal(passwordStrength('aaaaaaaaaaaa').reason, 'predictable');
  assert.equal(passwordStrength('abcdefghijk1').reason, 'predictable');
  assert.ok(passwordStrength('correct horse battery staple').score >= 3);
  assert.ok(passwordStrength('Zaļā vārna sēž kokā').score >= 3, 'Latvian letters count');
});

test('scanned text: otpauth, migration export, web link, text', () => {
  assert.equal(classifyText(' otpauth://totp/a?secret=AA ').kind, 'otpauth');
  assert.equal(classifyText('OTPAUTH-MIGRATION://offline?data=x').kind, 'migration');
  assert.equal(classifyText('https://example.com/x').kind, 'link');
  assert.equal(classifyText('hello world').kind, 'text');
  assert.equal(classifyText('   ').kind, 'empty');
  assert.equal(excerpt('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
});

test('migration batches: parts are collected across scans and the missing ones named', () => {
  const batches = new MigrationBatches();
  const part = (index, size, id, names) => ({ migration: { batchIndex: index, batchSize: size, batchId: id }, accounts: names.map((name) => ({ name })), problems: [] });
  assert.ok(batches.add(part(1, 3, 7, ['b'])));
  assert.deepEqual(batches.missing, [1, 3]);
  assert.equal(batches.add(part(1, 3, 7, ['b'])), false, 'the same part twice is ignored');
  batches.add(part(0, 3, 7, ['a']));
  batches.add(part(2, 3, 7, ['c', 'd']));
  assert.deepEqual(batches.missing, []);
  assert.deepEqual(batches.collected().accounts.map((account) => account.name), ['a', 'b', 'c', 'd']);
  assert.equal(batches.partsRead, 3);
});

test('messages fill placeholders and pick plural forms', () => {
  assert.equal(t('code.secondsLeft', { count: 1 }), '1 second left');
  assert.equal(t('code.secondsLeft', { count: 12 }), '12 seconds left');
  assert.equal(t('copy.done', { account: '<b>x</b>' }), 'Code for <b>x</b> copied.', 'values are inserted as given; the page sets them as text');
  assert.equal(t('no.such.key'), 'no.such.key');
});

test('camera and screen failures map to the messages users get', () => {
  assert.equal(mediaErrorKind({ name: 'NotAllowedError' }), 'denied');
  assert.equal(mediaErrorKind({ name: 'NotAllowedError' }, { screen: true }), 'cancelled');
  assert.equal(mediaErrorKind({ name: 'NotReadableError' }), 'busy');
  assert.equal(mediaErrorKind({ name: 'NotFoundError' }), 'noCamera');
  assert.equal(mediaErrorKind(new Error('x')), 'failed');
  assert.equal(mediaErrorKind({ name: 'AbortError' }, { screen: true }), 'screenFailed', 'never "the camera is busy" for a screen');
});
