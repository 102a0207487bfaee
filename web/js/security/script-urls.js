// The one Trusted Types policy of the page. The CSP says `require-trusted-types-for 'script'`, so
// every script URL the page hands to the browser (the workers, the service worker) must come from a
// named policy; this one accepts only our own worker and service-worker files, on our own origin.
// An injected string can then never become a worker or service worker script. Browsers without
// Trusted Types (Firefox before 133... Safari) get the plain URL, checked the same way.
export const POLICY_NAME = 'authcore-script-urls';

// Paths relative to the page (index.html's folder), as the build lays them out.
const SCRIPTS = new Set(['js/worker/authcore-worker.js', 'js/worker/import-worker.js', 'sw.js']);

function checked(input) {
  const base = new URL('./', document.baseURI);
  const url = new URL(String(input), base);
  const inApp = url.origin === base.origin && !url.search && !url.hash && url.pathname.startsWith(base.pathname);
  if (!inApp || !SCRIPTS.has(url.pathname.slice(base.pathname.length))) {
    throw new TypeError(`not one of the app's scripts: ${url.href}`);
  }
  return url.href;
}

let policy = null;

/// A TrustedScriptURL (or, without Trusted Types, a checked string) for one of our scripts.
export function scriptUrl(input) {
  if (!globalThis.trustedTypes?.createPolicy) return checked(input);
  policy ??= globalThis.trustedTypes.createPolicy(POLICY_NAME, { createScriptURL: checked });
  return policy.createScriptURL(String(input));
}
