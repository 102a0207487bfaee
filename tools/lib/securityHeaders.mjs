// The Content-Security-Policy and companion headers, in one place: tools/serve.mjs sends them as
// headers, tools/build-web.mjs checks that index.html's <meta> tag carries the same policy, and
// docs/web-deployment.md tells server operators to send them.
//
// Why each directive:
//   script-src 'self' 'wasm-unsafe-eval'  our own modules, plus WebAssembly compilation; no eval, no
//                                         inline scripts, so an injected <script> never runs.
//   img-src blob:      QR images the user drops or pastes are shown from object URLs.
//   media-src blob:    the camera and screen previews are MediaStreams (no network).
//   connect-src 'self' the service worker precaches our own files; nothing else is ever fetched, but
//                      the one WebDAV origin a deployment names for sync (build-web --sync-origin),
//                      which only ever receives the encrypted vault file (docs/sync.md).
//   object-src/base-uri/form-action 'none'  close the classic injection side doors.
//   require-trusted-types-for 'script'  every script URL (worker, service worker) and any string that
//                                         would become script must come from a Trusted Types policy;
//   trusted-types authcore-script-urls    ...and the only policy allowed is web/js/security/script-urls.js,
//                                         which accepts our own worker and service-worker files only.
const policyFor = (syncOrigin) => [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "media-src 'self' blob:",
  syncOrigin ? `connect-src 'self' ${syncOrigin}` : "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types authcore-script-urls",
].join('; ');

/// The policy web/index.html carries (no sync origin).
export const contentSecurityPolicy = policyFor(null);

/// An https origin (or http on the loopback, for tests and a server on this machine), nothing more:
/// no path, no wildcard, no other scheme. Returns the origin as the browser writes it, or throws.
export function checkSyncOrigin(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--sync-origin ${text} is not a URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error(`--sync-origin ${text} must be https:// (http:// only on this machine)`);
  if (url.origin !== text.replace(/\/$/, '')) throw new Error(`--sync-origin ${text} must be an origin alone (scheme, host and port; no path)`);
  return url.origin;
}

/// The policy of a build that may sync with `syncOrigin` (null: none).
export function contentSecurityPolicyFor(syncOrigin) {
  return policyFor(syncOrigin ? checkSyncOrigin(syncOrigin) : null);
}

/// The policy a built index.html carries in its <meta> tag, or null.
export function policyOfPage(indexHtml) {
  return indexHtml.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? null;
}

/// Headers that only work as real HTTP headers (a <meta> tag cannot carry them).
export const headerOnlyPolicy = "frame-ancestors 'none'";

/// `policy`: the built page's own (policyOfPage), so a build with a sync origin is served with it.
export function securityHeaders(policy = contentSecurityPolicy) {
  return {
    'Content-Security-Policy': `${policy}; ${headerOnlyPolicy}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), display-capture=(self), clipboard-write=(self), geolocation=(), microphone=()',
  };
}
