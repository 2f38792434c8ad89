// Shared pieces of the end-to-end suite: a static server for the release build on loopback
// under a sub-path, Debian's headless Chromium through playwright-core, and a page that
// records every console error, page error and failed request.
import { createServer } from 'node:http';
import { after, before } from 'node:test';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
/** The sub-path the build is served under, as on an investor-relations site. */
export const SUB_PATH = '/ir/explorer/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.zip': 'application/zip',
};

/** A file whose name holds its content's hash: cached for good, as the README's host configurations do. */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm|txt|svg)$/;

/**
 * Serves DIST (or `root`) under SUB_PATH on 127.0.0.1 (a free port). Anything else is a 404.
 * With `gzip`, a request that accepts gzip gets the build's precompressed `.gz` where there is
 * one. Caching as the README's nginx and Caddy configurations: hashed files immutable, the
 * rest `no-cache`. `setRoot(dir)` switches the served folder (a new release on the same host);
 * `served()` lists the paths of the files sent so far (under SUB_PATH), in order.
 */
export async function startServer({ root = DIST, gzip = false } = {}) {
  let served = root;
  const sent = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === SUB_PATH.slice(0, -1)) {
      res.writeHead(301, { Location: SUB_PATH });
      return res.end();
    }
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404);
      return res.end('not found');
    }
    let rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = normalize(join(served, rel));
    if (!file.startsWith(served)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const cache = HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': cache };
      let body;
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = await readFile(`${path}.gz`).catch(() => null);
        if (body) headers['Content-Encoding'] = 'gzip';
      }
      body ??= await readFile(path);
      res.writeHead(200, headers);
      res.end(body);
      sent.push(rel);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    server,
    base: `http://127.0.0.1:${port}${SUB_PATH}`,
    setRoot: (dir) => { served = dir; },
    served: () => [...sent],
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** Debian's Chromium, headless, with the flags this machine needs; never a downloaded browser. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A new page whose problems are recorded: `problems()` lists console errors and warnings,
 * uncaught page errors, failed requests and HTTP errors, in order. The service worker is
 * blocked unless `serviceWorkers: 'allow'` (playwright cannot route what it fetches). `touch`
 * makes it a phone's touch screen (taps, a mobile viewport).
 */
export async function recordedPage(browser, { viewport = { width: 1280, height: 900 }, serviceWorkers = 'block', touch = false } = {}) {
  // The service worker is off unless a test is about it: requests it makes cannot be routed.
  const context = await browser.newContext({ viewport, serviceWorkers, ...(touch ? { hasTouch: true, isMobile: true } : {}) });
  const page = await context.newPage();
  const seen = [];
  page.on('console', (msg) => {
    if (msg.text() === 'Service Worker registration blocked by Playwright') return;
    if (msg.type() === 'error' || msg.type() === 'warning') seen.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A view's module, or the Documents view's transcriptions, the idle prefetch was fetching
    // when the page was left (a reload, a new address): the browser abandons it. Not a
    // failure of the page.
    const prefetched = (/\.wasm$/.test(req.url()) && !/_bg\.wasm$/.test(req.url())) || /\/(notice|forum)-[0-9a-f]+\.txt$/.test(req.url());
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && prefetched) return;
    seen.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) seen.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, context, problems: () => [...seen] };
}

/**
 * Waits until the app has taken over and the view the address asks for is whole: the
 * prerendered first screen (`#prerender`, which holds the same elements but is not live) is
 * gone, and the app says that view and all its parts are in the page (`<html
 * data-view-complete>`, set by src/ui/complete.rs: its module loaded, every chart drawn by the
 * app). The view is read from the address at each check: the route's (`#/ratios?g=plan`),
 * `not-found` for a route that names none, or the page's own for no route (no fragment, `#/`,
 * an in-page anchor such as `#main-content`); `view` overrides it.
 */
export async function appReady(page, view) {
  await page.waitForFunction(viewComplete, view);
}

/** The check of `appReady`, run in the page (any engine's driver can run it). */
export function viewComplete(want) {
  const views = ['overview', 'statements', 'ratios', 'scenarios', 'charts', 'sources', 'documents'];
  const file = location.pathname.split('/').pop();
  const own = views.find((v) => file.startsWith(`${v}.`)) ?? 'overview';
  const hash = location.hash;
  const anchor = /^#[A-Za-z][\w-]*$/.test(hash) && !views.includes(hash.slice(1).toLowerCase());
  let path = '';
  try { path = decodeURIComponent(hash.slice(1).split('?')[0]); } catch { path = hash.slice(1).split('?')[0]; }
  path = path.replace(/^\/+|\/+$/g, '').toLowerCase();
  const asked = want ?? (anchor || !path ? own : views.includes(path) ? path : 'not-found');
  const shown = document.querySelector('main [data-testid^="view-"]');
  return !document.getElementById('prerender') && !!shown && document.documentElement.dataset.viewComplete === asked
    && shown.dataset.testid === `view-${asked}`;
}

/** Opens `fragment` of the served build and waits until its view is whole. */
export async function openView(page, base, fragment) {
  await page.goto(`${base}${fragment}`);
  await appReady(page);
}

/**
 * Starts the server and the browser before a test file's tests and stops them after.
 * Returns an object whose `srv` and `browser` are set once `before` has run.
 */
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.srv = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.srv?.close();
  });
  return env;
}
