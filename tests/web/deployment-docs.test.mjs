// docs/web-deployment.md gives the exact headers tools/serve.mjs sends, for nginx, Apache and Caddy,
// and the page's <meta> policy is the same CSP (without the header-only part).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { securityHeaders, contentSecurityPolicy } from '../../tools/lib/securityHeaders.mjs';
import { POLICY_NAME } from '../../web/js/security/script-urls.js';

const doc = readFileSync(new URL('../../docs/web-deployment.md', import.meta.url), 'utf8');
const html = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');

test('every security header appears verbatim in the plain list and for each server', () => {
  for (const [name, value] of Object.entries(securityHeaders())) {
    assert.ok(doc.includes(`${name}: ${value}`), `plain list: ${name}`);
    assert.ok(doc.includes(`add_header ${name} "${value}" always;`), `nginx: ${name}`);
    assert.ok(doc.includes(`Header always set ${name} "${value}"`), `Apache: ${name}`);
    assert.ok(doc.includes(`            ${name} "${value}"`), `Caddy: ${name}`);
  }
});

test('the CSP requires Trusted Types and allows only the page\'s one policy, in headers and <meta>', () => {
  assert.match(contentSecurityPolicy, /require-trusted-types-for 'script'/);
  assert.match(contentSecurityPolicy, new RegExp(`trusted-types ${POLICY_NAME}(;|$)`));
  assert.ok(html.includes(`content="${contentSecurityPolicy}"`));
});
