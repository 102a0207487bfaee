// A real WebDAV server for the sync tests: WsgiDAV (tests/e2e/webdav/requirements.txt, installed by
// tools/setup-debian.sh --test into build/tools/webdav-venv) on a free 127.0.0.1 port, serving a
// fresh folder, with basic authentication and CORS for the app's origin, started and stopped by
// the test. Nothing is mocked: ETags, If-Match and 412 are WsgiDAV's own.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './browser.mjs';

export const WSGIDAV = path.join(projectRoot, 'build', 'tools', 'webdav-venv', 'bin', 'wsgidav');

/// A port nothing listens on now (the app's CSP must name it before WsgiDAV starts).
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wsgidav exited with ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('wsgidav did not start listening within 20 s');
}

/// {url (the server's root, no trailing slash), origin, root (the folder it serves), stop(), start()}.
/// users: {name: password}. allowOrigin: the app's origin, for CORS.
export async function startWebDav({ port, users, allowOrigin }) {
  if (!existsSync(WSGIDAV)) throw new Error(`${WSGIDAV} is missing: run tools/setup-debian.sh --test`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'authcore-webdav-'));
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'authcore-webdav-config-'));
  const userMapping = Object.fromEntries(Object.entries(users).map(([name, password]) => [name, { password }]));
  const config = {
    host: '127.0.0.1',
    port,
    provider_mapping: { '/': root },
    http_authenticator: { domain_controller: null, accept_basic: true, accept_digest: false, default_to_digest: false, trusted_auth_header: null },
    simple_dc: { user_mapping: { '*': userMapping } },
    cors: {
      allow_origin: allowOrigin,
      allow_headers: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
      allow_methods: ['GET', 'PUT', 'HEAD', 'OPTIONS'],
      // The page must read the ETag of a GET. WsgiDAV 4.3.5 sends expose_headers on preflights only,
      // so the header goes in add_always, which it sends on every CORS answer.
      add_always: { 'Access-Control-Expose-Headers': 'ETag' },
      allow_credentials: false,
    },
    dir_browser: { enable: false },
    lock_storage: true,
    property_manager: true,
    verbose: 1,
    logging: { enable: false },
  };
  const configFile = path.join(configDir, 'wsgidav.json');
  writeFileSync(configFile, JSON.stringify(config));
  let child = null;
  const start = async () => {
    child = spawn(WSGIDAV, ['--config', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
    try {
      await waitForPort(port, child, Date.now() + 20_000);
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${error.message}\n${stderr}`);
    }
  };
  const stop = () => new Promise((resolve) => {
    // This process, not whichever `child` is by the time the timer fires: a start() right after
    // stop() must not have its new server killed.
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return resolve();
    const force = setTimeout(() => running.kill('SIGKILL'), 5_000);
    running.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    running.kill('SIGTERM');
  });
  await start();
  const url = `http://127.0.0.1:${port}`;
  return {
    url, origin: url, root, start, stop,
    async close() {
      await stop();
      rmSync(root, { recursive: true, force: true });
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
