// Shared by every end-to-end test: Debian's Chromium through playwright-core, build/web served by
// tools/serve.mjs on a free 127.0.0.1 port, and a watch on every request (page, workers, service
// worker) so a test fails if anything leaves the origin.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../tools/serve.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const webDir = path.join(projectRoot, 'build', 'web');
export const artifactsDir = path.join(projectRoot, 'test-artifacts');
export const sharedDataDir = path.resolve(projectRoot, '..', 'shared', 'data');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--no-default-browser-check', '--disable-default-apps',
  '--disable-extensions', '--metrics-recording-only', '--disable-domain-reliability',
  '--disable-breakpad', '--password-store=basic', '--use-mock-keychain',
];

export function requireBuild() {
  if (!existsSync(path.join(webDir, 'index.html')) || !existsSync(path.join(webDir, 'wasm', 'authcore_wasm.first.wasm'))) {
    throw new Error('build/web is missing: run `node tools/build-web.mjs` after building the wasm preset');
  }
}

export async function serveWeb() {
  requireBuild();
  const { server, url } = await startServer({ dir: webDir, port: 0, host: '127.0.0.1' });
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/// Records every request a context makes that is not on `origin` (blob: and data: are local).
export function watchRequests(context, origin) {
  const foreign = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/// A persistent profile (own IndexedDB, service worker, permissions) in a fresh temp folder.
export async function launchProfile({ args = [], permissions = ['clipboard-read', 'clipboard-write'], origin, viewport = { width: 1280, height: 900 }, locale = 'en-US', ...options } = {}) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'authcore-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    viewport,
    locale,
    acceptDownloads: true,
    ...options,
  });
  if (origin && permissions.length) await context.grantPermissions(permissions, { origin });
  const foreign = origin ? watchRequests(context, origin) : [];
  return {
    context,
    foreign,
    userDataDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

