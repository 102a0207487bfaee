// The Content-Security-Policy and companion headers, in one place: tools/serve.mjs sends them as
// headers, tools/build-web.mjs checks that index.html's <meta> tag carries the same policy, and
// docs/web-deployment.md tells server operators to send them.
//
// Why each directive:
//   script-src 'self' 'wasm-unsafe-eval'  our own modules, plus WebAssembly compilation; no eval, no
//                                         inline scripts, so an injected <script> never runs.
//   img-src blob:      QR images the user drops or pastes are shown from object URLs.
//   media-src blob:    the camera and screen previews are MediaStreams (no network).
//   connect-src 'self' the service worker precaches our own files; nothing else is ever fetched.
//   object-src/base-uri/form-action 'none'  close the classic injection side doors.
//   require-trusted-types-for 'script'  every script URL (worker, service worker) and any string that
//                                         would become script must come from a Trusted Types policy;
//   trusted-types authcore-script-urls    ...and the only policy allowed is web/js/security/script-urls.js,
//                                         which accepts our own worker and service-worker files only.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types authcore-script-urls",
].join('; ');

/// Headers that only work as real HTTP headers (a <meta> tag cannot carry them).
export const headerOnlyPolicy = "frame-ancestors 'none'";

export function securityHeaders() {
  return {
    'Content-Security-Policy': `${contentSecurityPolicy}; ${headerOnlyPolicy}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), display-capture=(self), clipboard-write=(self), geolocation=(), microphone=()',
  };
}
