// English catalogue. Every string the page shows lives here and in lv.js (same keys).
export default {
  'app.name': 'Authenticator',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to content',
  'app.actions': 'App actions',
  'app.moduleFailed': 'The app could not start its code engine. Reload the page; if that does not help, use a current version of Chrome, Edge, Firefox or Safari.',
  'app.unavailable': 'This feature is not available in this build of the app.',

  'update.available': 'Update available',
  'update.reload': 'Reload',

  'demo.title': 'Sample account',
  'demo.intro': 'This is a sample account so you can see how codes look. It is not saved anywhere.',

  'field.issuer': 'Issuer',
  'field.name': 'Account name',
  'field.type': 'Type',
  'field.algorithm': 'Algorithm',
  'field.digits': 'Digits',
  'field.period': 'Period',
  'field.counter': 'Counter',
  'type.totp': 'Time-based (TOTP)',
  'type.hotp': 'Counter-based (HOTP)',
  'type.steam': 'Steam Guard',
  'unit.seconds': { one: '{count} second', other: '{count} seconds' },
  'account.noIssuer': '(no issuer)',
  'code.secondsLeft': { one: '{count} second left', other: '{count} seconds left' },
};
