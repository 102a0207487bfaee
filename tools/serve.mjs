#!/usr/bin/env node
// Serves a static folder (build/web by default) with the MIME types and security headers the app
// needs: `node tools/serve.mjs [--port 8080] [--host localhost] [DIR]`.
// Tests import startServer() and listen on a free 127.0.0.1 port.
import http from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { securityHeaders, policyOfPage } from './lib/securityHeaders.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    const info = await stat(candidate);
    if (info.isDirectory()) {
      const index = path.join(candidate, 'index.html');
      return (await stat(index)).isFile() ? { file: index, size: (await stat(index)).size } : null;
    }
    return info.isFile() ? { file: candidate, size: info.size } : null;
  } catch {
    return null;
  }
}

export function createHandler(dir) {
  const root = path.resolve(dir);
  // The header carries the built page's own policy: a build with a sync origin allows it here too.
  let pagePolicy = null;
  try {
    pagePolicy = policyOfPage(readFileSync(path.join(root, 'index.html'), 'utf8'));
  } catch {
    // No build yet: every request answers 404 with the default policy.
  }
  return async (request, response) => {
    const headers = securityHeaders(pagePolicy ?? undefined);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url, 'http://localhost');
    const found = await resolveFile(root, url.pathname);
    if (!found) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const type = mimeTypes[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    // The service worker owns caching; the server always revalidates so a new build is seen at once.
    response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': found.size, 'Cache-Control': 'no-cache' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(found.file).on('error', () => response.destroy()).pipe(response);
  };
}

/// Starts a server; resolves {server, url} once listening. port 0 picks a free port.
export function startServer({ dir = path.join(projectRoot, 'build', 'web'), port = 8080, host = 'localhost' } = {}) {
  const server = http.createServer(createHandler(dir));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({ server, url: `http://${shownHost}:${address.port}` });
    });
  });
}

function parseArguments(argv) {
  const options = { port: 8080, host: 'localhost', dir: path.join(projectRoot, 'build', 'web') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--host') options.host = argv[++i];
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.dir = path.resolve(arg);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port needs a number 0-65535');
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArguments(process.argv.slice(2));
    if (options.help) {
      console.log('usage: node tools/serve.mjs [--port 8080] [--host localhost] [DIR (default build/web)]');
    } else {
      const { url } = await startServer(options);
      console.log(`serving ${path.relative(process.cwd(), options.dir) || '.'} on ${url}`);
    }
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
}
