// Latviešu katalogs. Tās pašas atslēgas kā en.js.
export default {
  'app.name': 'Autentifikators',
  'app.loading': 'Ielādē…',
  'app.skipToContent': 'Pāriet uz saturu',
  'app.actions': 'Lietotnes darbības',
  'app.moduleFailed': 'Lietotne nevarēja palaist savu kodu dzinēju. Pārlādējiet lapu; ja tas nelīdz, izmantojiet jaunu Chrome, Edge, Firefox vai Safari versiju.',
  'app.unavailable': 'Šī funkcija nav pieejama šajā lietotnes versijā.',

  'update.available': 'Pieejams atjauninājums',
  'update.reload': 'Pārlādēt',

  'demo.title': 'Parauga konts',
  'demo.intro': 'Šis ir parauga konts, lai redzētu, kā izskatās kodi. Tas nekur netiek saglabāts.',

  'field.issuer': 'Izdevējs',
  'field.name': 'Konta nosaukums',
  'field.type': 'Veids',
  'field.algorithm': 'Algoritms',
  'field.digits': 'Ciparu skaits',
  'field.period': 'Periods',
  'field.counter': 'Skaitītājs',
  'type.totp': 'Laika (TOTP)',
  'type.hotp': 'Skaitītāja (HOTP)',
  'type.steam': 'Steam Guard',
  'unit.seconds': { zero: '{count} sekunžu', one: '{count} sekunde', other: '{count} sekundes' },
  'account.noIssuer': '(bez izdevēja)',
  'code.secondsLeft': { zero: 'atlikušas {count} sekundes', one: 'atlikusi {count} sekunde', other: 'atlikušas {count} sekundes' },
};
