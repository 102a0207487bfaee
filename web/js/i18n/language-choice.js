// Which language a page shows: the user's choice, else the first of the browser's languages the app
// has, else English. Its own module without the catalogues, so boot.js can choose too.
export const LANGUAGES = ['en', 'lv'];

export function browserLanguage(preferred = navigator.languages ?? [navigator.language]) {
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/// The language for a `setting` (a code, or null for the browser's).
export function chosenLanguage(setting) {
  return LANGUAGES.includes(setting) ? setting : browserLanguage();
}

/// Asks for the chosen language's catalogue chunk now (boot.js), so it arrives while main.js is
/// compiled and run instead of after. `chunks`: {language: URL}, written into the built boot.js by
/// tools/build-web.mjs; anything else (web/ served unbuilt) preloads nothing.
export function preloadCatalogue(chunks, setting) {
  const href = chunks && typeof chunks === 'object' ? chunks[chosenLanguage(setting)] : null;
  if (typeof href !== 'string') return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  document.head.append(link);
}
