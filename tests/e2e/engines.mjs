// Two more browser engines for the end-to-end suite, behind one small interface, so that one
// scenario runs in each (engines.test.mjs):
//   - Firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (no driver
//     download);
//   - WebKit: WebKitGTK's MiniBrowser, driven through WebKitWebDriver (Debian
//     webkit2gtk-driver) over classic WebDriver, both inside one xvfb-run.
// Each engine's page offers: open(url), run(fn, ...args) (a function evaluated in the page),
// waitFor(fn, ...args), click(selector), type(selector, text) (replaces the value and presses
// Enter), screenshot(), problems(), close().
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const TIMEOUT = 30_000;

/** Whether an engine's programs are on this machine (scripts/setup-test.sh installs them). */
export function available(engine) {
  if (engine === 'firefox') return existsSync(FIREFOX);
  return existsSync(MINIBROWSER) && existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/xvfb-run');
}

// Installed in the page after each load: errors and rejections the page does not handle, so
// that an engine without console events (classic WebDriver) still reports them.
const LISTEN = () => {
  if (window.__problems) return;
  window.__problems = [];
  window.addEventListener('error', (e) => window.__problems.push(`page error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => window.__problems.push(`unhandled rejection: ${e.reason}`));
};

// ----- Firefox (puppeteer-core, WebDriver BiDi) -----

export async function firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 60_000,
    extraPrefsFirefox: { 'browser.download.folderList': 2, 'browser.download.dir': '/tmp', 'browser.download.useDownloadDir': true },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const seen = [];
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warn') seen.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => seen.push(`request failed: ${req.url()}`));
  const fn = (f) => (typeof f === 'string' ? new Function(`return (${f})`)() : f);
  return {
    name: 'firefox',
    version: await browser.version(),
    async open(url) {
      await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
      await page.evaluate(LISTEN);
    },
    run: (f, ...args) => page.evaluate(fn(f), ...args),
    async waitFor(f, ...args) {
      await page.waitForFunction(fn(f), { timeout: TIMEOUT }, ...args);
    },
    async click(selector) {
      await page.waitForSelector(selector, { timeout: TIMEOUT });
      await page.click(selector);
    },
    async type(selector, text) {
      await page.waitForSelector(selector, { timeout: TIMEOUT });
      await page.click(selector, { count: 3 });
      await page.$eval(selector, (el) => { el.value = ''; });
      await page.type(selector, text);
      await page.keyboard.press('Enter');
    },
    screenshot: () => page.screenshot({ type: 'png' }),
    async problems() {
      const inPage = await page.evaluate(() => window.__problems ?? []).catch(() => []);
      return [...seen, ...inPage.filter((p) => !seen.some((s) => s.includes(p.replace(/^page error: /, ''))))];
    },
    close: () => browser.close(),
  };
}

// ----- WebKit (WebKitWebDriver + MiniBrowser under xvfb-run, classic WebDriver) -----

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function webkit() {
  const port = await freePort();
  // The driver starts MiniBrowser itself, so both live in this one virtual display.
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  driver.stdout.on('data', (d) => { log += d; });
  driver.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json).slice(0, 400)}`);
    return json.value;
  };
  // The driver needs a moment to listen.
  const started = Date.now();
  for (;;) {
    try {
      const status = await call('GET', '/status');
      if (status?.ready !== false) break;
    } catch (e) {
      if (Date.now() - started > 20_000) throw new Error(`WebKitWebDriver did not start: ${e.message}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const session = await call('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
  });
  const id = session.sessionId;
  const s = (path) => `/session/${id}${path}`;
  await call('POST', s('/timeouts'), { script: TIMEOUT, pageLoad: 60_000, implicit: 0 });
  await call('POST', s('/window/rect'), { width: 1280, height: 900 }).catch(() => {});
  const seen = [];
  // A page function and its arguments as a WebDriver script.
  const script = (f, args) => ({ script: `return (${f.toString()}).apply(null, arguments);`, args });
  const run = (f, ...args) => call('POST', s('/execute/sync'), script(f, args));
  const waitFor = async (f, ...args) => {
    const until = Date.now() + TIMEOUT;
    for (;;) {
      let v;
      try { v = await run(f, ...args); } catch (e) { v = false; if (Date.now() > until) throw e; }
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${f.toString().slice(0, 200)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const element = async (selector) => {
    await waitFor((sel) => !!document.querySelector(sel), selector);
    const found = await call('POST', s('/element'), { using: 'css selector', value: selector });
    return Object.values(found)[0];
  };
  const collect = async () => {
    const inPage = await run(() => window.__problems ?? []).catch(() => []);
    for (const p of inPage) if (!seen.includes(p)) seen.push(p);
  };
  return {
    name: 'webkit',
    version: session.capabilities?.browserVersion ?? '',
    async open(url) {
      await collect();
      await call('POST', s('/url'), { url });
      await run(LISTEN);
    },
    run,
    waitFor,
    async click(selector) {
      const el = await element(selector);
      await run((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), selector);
      await call('POST', s(`/element/${el}/click`), {});
    },
    async type(selector, text) {
      const el = await element(selector);
      await call('POST', s(`/element/${el}/clear`), {});
      await call('POST', s(`/element/${el}/value`), { text: `${text}\uE007` });
    },
    async screenshot() {
      return Buffer.from(await call('GET', s('/screenshot')), 'base64');
    },
    async problems() {
      await collect();
      return [...seen];
    },
    async close() {
      await call('DELETE', s('')).catch(() => {});
      try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
  };
}
