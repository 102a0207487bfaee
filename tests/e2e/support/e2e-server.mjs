// The web server every cross-engine scenario talks to: build/web through tools/serve.mjs's handler on
// a free 127.0.0.1 port, plus three things the tests need the same way in every engine, done on the
// wire rather than through one browser's automation API:
//   - a fixed clock: index.html gets <script src="e2e-clock.js"> (a same-origin classic script, so the
//     CSP allows it) that freezes Date at the chosen second before the app's modules run;
//   - offline: every connection is cut and new ones are refused, as a dead network looks to a page;
//   - a recording proxy: the browsers send every request through it, so a request to any other origin
//     (page, worker or service worker) is seen and refused.
import http from 'node:http';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHandler } from '../../../tools/serve.mjs';
import { webDir, requireBuild } from './browser.mjs';

const CLOCK_SCRIPT = 'e2e-clock.js';

// The browsers' own background traffic (component updates, settings, captive-portal checks) goes
// through the proxy too. It is not the page's: it is kept apart (browserTraffic) and refused all the
// same. Only these hosts of the browser vendors; anything else is the page's and fails the test.
const BROWSER_SERVICES = /^(CONNECT )?(https?:\/\/)?([a-z0-9-]+\.)*(googleapis\.com|gvt1\.com|google\.com|gstatic\.com|mozilla\.(com|org|net)|firefox\.com|services\.mozilla\.com|mozaws\.net)(:\d+)?(\/|$)/i;

function clockScript(seconds) {
  if (seconds == null) return '// real clock\n';
  // A frozen clock like Playwright's setFixedTime: Date and Date.now say `seconds`, timers still run.
  return `(() => {
  const fixed = ${Number(seconds) * 1000};
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
    static now() { return fixed; }
  }
  globalThis.Date = FixedDate;
})();\n`;
}

/// clock: Unix seconds to freeze Date at (null: the real clock). extraScripts: {name: source} of
/// further classic scripts put before the app's modules (benchmarks' in-page marks).
export async function startE2eServer({ clock = null, extraScripts = {} } = {}) {
  requireBuild();
  const serveFile = createHandler(webDir);
  const indexHtml = readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const sockets = new Set();
  let offline = false;
  let fixedSeconds = clock;
  const served = [];

  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    served.push(pathname);
    if (pathname === `/${CLOCK_SCRIPT}`) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(clockScript(fixedSeconds));
      return;
    }
    if (extraScripts[pathname.slice(1)]) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(extraScripts[pathname.slice(1)]);
      return;
    }
    const extraTags = Object.keys(extraScripts).map((name) => `<script src="${name}"></script>`).join('\n');
    if ((pathname === '/' || pathname === '/index.html') && (fixedSeconds != null || extraTags) && request.method === 'GET') {
      const html = indexHtml.replace('<head>', `<head>\n${fixedSeconds != null ? `<script src="${CLOCK_SCRIPT}"></script>\n` : ''}${extraTags}`);
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
      return;
    }
    serveFile(request, response);
  });
  server.on('connection', (socket) => {
    if (offline) return socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const origin = new URL(url).origin;

  // The recording proxy: plain-HTTP requests come with an absolute URL, HTTPS ones as CONNECT.
  const foreign = [];
  const browserTraffic = [];
  const viaProxy = [];
  const proxy = http.createServer((request, response) => {
    let target;
    try {
      target = new URL(request.url);
    } catch {
      response.writeHead(400).end();
      return;
    }
    viaProxy.push(target.href);
    if (target.origin !== origin) {
      (BROWSER_SERVICES.test(target.href) ? browserTraffic : foreign).push(target.href);
      response.writeHead(403).end();
      return;
    }
    if (offline) {
      request.socket.destroy();
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: server.address().port, method: request.method, path: target.pathname + target.search, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.on('error', () => response.destroy());
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    // A browser closing while a request is under way resets the connection (ECONNRESET): expected.
    request.on('error', () => upstream.destroy());
    request.pipe(upstream);
  });
  proxy.on('connect', (request, socket) => {
    // The socket is ours now, not the HTTP server's: without a listener, a browser resetting it
    // while it is refused (as happens when the browser closes) was an uncaught ECONNRESET that
    // failed a whole engine's run after every scenario had passed.
    socket.on('error', () => socket.destroy());
    const line = `CONNECT ${request.url}`;
    (BROWSER_SERVICES.test(line) ? browserTraffic : foreign).push(line);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const proxySockets = new Set();
  proxy.on('connection', (socket) => {
    proxySockets.add(socket);
    socket.on('close', () => proxySockets.delete(socket));
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    url,
    origin,
    proxy: `127.0.0.1:${proxy.address().port}`,
    /// Requests to another origin the browsers tried (refused by the proxy).
    foreign,
    /// The browsers' own background requests (see BROWSER_SERVICES), refused too.
    browserTraffic,
    /// Every URL that went through the proxy (shows the browser really uses it).
    viaProxy,
    served,
    setClock(seconds) {
      fixedSeconds = seconds;
    },
    setOffline(value) {
      offline = value;
      if (value) for (const socket of [...sockets, ...proxySockets]) socket.destroy();
    },
    async close() {
      for (const socket of [...sockets, ...proxySockets]) socket.destroy();
      await Promise.all([new Promise((resolve) => server.close(resolve)), new Promise((resolve) => proxy.close(resolve))]);
    },
  };
}
