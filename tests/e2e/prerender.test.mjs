// Issue 15 and 16: the prerendered pages (read without JavaScript, never another view first,
// no jump when the app takes over, the same text as the app), the texts fetched on demand
// (Japanese, the quoted source lines; failures told, the app working), the precompressed
// files, the web app manifest and the service worker (offline after one visit, one release
// replaced by the next in one step).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, appReady, launchBrowser, openView, recordedPage, startServer, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const publish = JSON.parse(await readFile(new URL('../../target/publish.json', import.meta.url), 'utf8'));
const VIEWS = ['overview', 'statements', 'ratios', 'scenarios', 'charts', 'sources', 'documents'];
const pageOf = (view, lang) => `${view === 'overview' ? 'index' : view}${lang === 'ja' ? '.ja' : ''}.html`;

/** The text of every table of the main region, as a visitor reads it. */
const tableTexts = (page) => page.$$eval('main table', (ts) => ts.map((t) => t.innerText.replace(/\s+/g, ' ').trim()));

describe('prerendered pages', () => {
  test('with JavaScript disabled every view reads: its tables, headline figures, sources and a note', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const lang of ['en', 'ja']) {
      for (const view of VIEWS) {
        await page.goto(`${env.srv.base}${pageOf(view, lang)}`);
        assert.ok(await page.isVisible(`#prerender [data-testid="view-${view}"]`), `${view} ${lang}`);
        assert.ok(await page.isVisible('noscript, .noscript'), 'the noscript note');
        assert.ok(await page.locator('.site-footer cite').count() >= 2, 'the two documents cited');
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        if (view !== 'charts') assert.ok((await page.locator('main table').count()) > 0, `${view} ${lang} has tables`);
      }
      // The navigation leads to the other pages without the app.
      await page.goto(`${env.srv.base}${pageOf('overview', lang)}`);
      await page.click('[data-testid="nav-ratios"]');
      assert.ok(await page.isVisible('#prerender [data-testid="view-ratios"]'));
      assert.match(new URL(page.url()).pathname, new RegExp(`${pageOf('ratios', lang).replace('.', '\\.')}$`));
    }
    await page.goto(env.srv.base);
    const lede = await page.innerText('.overview .lede');
    assert.match(lede, /17\.1% to JPY 66\.8 billion/, 'revenue growth and revenues, from the notice: 66,835,299 / 57,086,350 - 1');
    assert.match(lede, /36\.0% to JPY 4\.8 billion/);
    await page.goto(`${env.srv.base}statements.html`);
    const income = await page.innerText('main table');
    assert.match(income, /66,835,299/, 'FY2007 revenues as printed, JPY thousands');
    await context.close();
  });

  test('each page has its own title, description, preview card and the preview image is a 1200 x 630 PNG', async () => {
    const { page, context } = await recordedPage(env.browser);
    const titles = new Set();
    for (const file of publish.pages) {
      await page.route('**/*.wasm', (r) => r.abort());
      await page.goto(`${env.srv.base}${file}`);
      const title = await page.title();
      titles.add(title);
      const og = await page.getAttribute('meta[property="og:title"]', 'content');
      assert.equal(og, title);
      assert.ok((await page.getAttribute('meta[name="description"]', 'content')).length > 40, file);
      assert.equal(await page.getAttribute('meta[name="twitter:card"]', 'content'), 'summary_large_image');
      await page.unrouteAll({ behavior: 'wait' });
    }
    assert.equal(titles.size, publish.pages.length, 'every title differs');
    const png = Buffer.from(await (await page.request.get(`${env.srv.base}og-trend.png`)).body());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    await context.close();
  });

  test('with the wasm blocked, a deep link never shows another view: its own page, or the neutral state', async () => {
    const { page, context } = await recordedPage(env.browser);
    await page.route('**/*.wasm', (r) => r.abort());
    const cases = [
      ['index.html#/ratios?g=plan', false],
      ['index.html#/statements?s=balance', false],
      ['index.html#/overview?lang=ja', false],
      ['statements.html#/statements?s=balance', false],
      ['ratios.html#/ratios', true],
      ['ratios.ja.html#/ratios?lang=ja', true],
      ['index.html', true],
      ['scenarios.html', true],
    ];
    for (const [url, own] of cases) {
      await page.goto(`${env.srv.base}${url}`);
      assert.equal(await page.isVisible('#prerender'), own, url);
      // The neutral state: the loading line, or what replaced it when the app could not start.
      assert.equal(await page.isVisible('#pre-wait, .pre-off #start-failed'), !own, url);
    }
    // A fragment-less page stands for its view: the URL says so, for the app and bookmarks.
    await page.goto(`${env.srv.base}scenarios.html`);
    assert.match(page.url(), /scenarios\.html#\/scenarios$/);
    // A stored Japanese setting is not shown English first.
    await page.evaluate(() => localStorage.setItem('iij-explorer/lang', 'ja'));
    await page.goto(`${env.srv.base}index.html`);
    assert.equal(await page.isVisible('#prerender'), false);
    await page.goto(`${env.srv.base}index.ja.html`);
    assert.equal(await page.isVisible('#prerender'), true);
    await context.close();
  });

  test('the takeover does not jump (CLS <= 0.02) and the app shows the same tables as the page', async () => {
    for (const lang of ['en', 'ja']) {
      for (const view of ['overview', 'statements', 'ratios', 'scenarios', 'sources']) {
        const file = pageOf(view, lang);
        const { page: still, context: c1 } = await recordedPage(env.browser);
        await still.route('**/*.wasm', (r) => r.abort());
        await still.goto(`${env.srv.base}${file}`);
        const before = await tableTexts(still);
        await c1.close();

        const { page, context, problems } = await recordedPage(env.browser);
        await page.addInitScript(() => {
          window.__cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${env.srv.base}${file}`);
        await appReady(page);
        await page.waitForTimeout(600);
        const cls = await page.evaluate(() => window.__cls);
        assert.ok(cls <= 0.02, `${file}: CLS ${cls}`);
        assert.deepEqual(await tableTexts(page), before, `${file}: the app's tables read as the prerendered ones`);
        assert.deepEqual(problems(), []);
        await context.close();
      }
    }
  });
});

describe('staged takeover', () => {
  // Built off the page in short tasks, the app replaces the prerendered view in one step: at no
  // moment does the page hold both, and the moment the prerendered view goes, the app's is
  // there whole (its last parts and the footer), so a visitor never sees a half-built view.
  const LAST_PARTS = {
    overview: ['[data-testid="progress"]', 'main figure.chart', 'main table', 'footer [data-testid="offline-link"]'],
    scenarios: ['[data-testid="targets"]', '[data-testid="drivers"]', '[data-testid="monte-carlo"]', '[data-testid="saved"]', 'footer [data-testid="offline-link"]'],
    sources: ['[data-testid="count-facts"]', '[data-testid="checks-table"]', '[data-testid="errata"]', 'footer [data-testid="offline-link"]'],
  };
  test('the page holds the prerendered view until the whole app replaces it, in one step', async () => {
    for (const lang of ['en', 'ja']) {
      for (const [view, parts] of Object.entries(LAST_PARTS)) {
        const file = pageOf(view, lang);
        const { page, context, problems } = await recordedPage(env.browser, { viewport: { width: 390, height: 844 }, touch: true });
        await page.addInitScript((selectors) => {
          const seen = (window.__takeover = { both: 0, at: null });
          new MutationObserver(() => {
            const pre = document.getElementById('prerender');
            const app = [...document.querySelectorAll('main [data-testid^="view-"]')].filter((v) => !v.closest('#prerender'));
            if (pre && app.length) seen.both += 1;
            if (!pre && app.length && !seen.at) seen.at = selectors.map((s) => [s, document.querySelector(s) !== null]);
          }).observe(document, { subtree: true, childList: true });
        }, parts);
        await page.goto(`${env.srv.base}${file}`);
        await appReady(page);
        const seen = await page.evaluate(() => window.__takeover);
        assert.equal(seen.both, 0, `${file}: the prerendered and the app's view were never in the page together`);
        assert.deepEqual(seen.at, parts.map((s) => [s, true]), `${file}: the app's view was whole when it replaced the page`);
        assert.deepEqual(problems(), []);
        await context.close();
      }
    }
  });

  test('a deep link on a phone: the current view\'s tab and the chosen figure are in sight once the app is in', async () => {
    const { page, context, problems } = await recordedPage(env.browser, { viewport: { width: 390, height: 844 }, touch: true });
    // The last tab of the row, and a figure far down the balance sheet.
    await page.goto(`${env.srv.base}sources.html#/sources`);
    await appReady(page);
    await page.waitForTimeout(300);
    const tab = await page.evaluate(() => {
      const nav = document.querySelector('header nav');
      const a = nav.querySelector('a[aria-current="page"]').getBoundingClientRect();
      const box = nav.getBoundingClientRect();
      return { overflows: nav.scrollWidth > nav.clientWidth, left: a.left - box.left, right: box.right - a.right, scrolled: nav.scrollLeft };
    });
    assert.ok(tab.overflows, 'the views row scrolls sideways at 390 px');
    assert.ok(tab.scrolled > 0 && tab.left >= -1 && tab.right >= -1, `the current tab is in sight: ${JSON.stringify(tab)}`);
    await page.goto(`${env.srv.base}statements.html#/statements?s=balance&fig=cbs.total_assets`);
    await appReady(page);
    await page.waitForTimeout(400);
    const fig = await page.evaluate(() => {
      const b = document.querySelector('[data-fig="cbs.total_assets"]');
      const sheet = document.querySelector('.inspector.open');
      return { found: !!b, top: b?.getBoundingClientRect().top, bottom: b?.getBoundingClientRect().bottom, sheetTop: sheet?.getBoundingClientRect().top, height: innerHeight };
    });
    assert.ok(fig.found && fig.sheetTop !== undefined, `the figure and its open sheet: ${JSON.stringify(fig)}`);
    assert.ok(fig.top >= 0 && fig.bottom <= fig.sheetTop + 1, `the chosen figure is above the sheet: ${JSON.stringify(fig)}`);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});

describe('texts fetched on demand', () => {
  test('Japanese is fetched when chosen, not in the first load', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
    await openView(page, env.srv.base, '#/overview');
    assert.ok(!fetched.includes(publish.on_demand.ja), 'no Japanese table in the English first load');
    assert.ok(!fetched.includes(publish.on_demand.lines), 'no quoted lines in the first load');
    await page.click('[data-testid="lang-ja"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    assert.equal(await page.innerText('[data-testid="nav-overview"]'), '概要');
    assert.ok(fetched.includes(publish.on_demand.ja));
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a failed or tampered Japanese table: a message, English, and a working page', async () => {
    for (const how of ['abort', 'tamper']) {
      const { page, context } = await recordedPage(env.browser);
      await page.route(`**/${publish.on_demand.ja}`, async (route) => {
        if (how === 'abort') return route.abort();
        const response = await route.fetch();
        return route.fulfill({ response, body: `${await response.text()}x` });
      });
      await openView(page, env.srv.base, '#/overview');
      await page.click('[data-testid="lang-ja"]');
      await page.waitForSelector('[data-testid="pref-problems"]');
      assert.match(await page.innerText('[data-testid="pref-problems"]'), /日本語の表示データを読み込めませんでした.*The Japanese texts could not be loaded/s);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.click('[data-testid="nav-ratios"]');
      await page.waitForSelector('[data-testid="view-ratios"]');
      await context.close();
    }
    // Asked for at start (a shared Japanese link): the page still starts, in English.
    const { page, context } = await recordedPage(env.browser);
    await page.route(`**/${publish.on_demand.ja}`, (r) => r.abort());
    await openView(page, env.srv.base, '#/statements?lang=ja');
    assert.match(await page.innerText('[data-testid="pref-problems"]'), /could not be loaded/);
    assert.doesNotMatch(page.url(), /lang=ja/, 'the URL no longer asks for it');
    await context.close();
  });

  test('the quoted source line: loading, shown; a failed fetch is told and can be retried', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    let fail = true;
    await page.route(`**/${publish.on_demand.lines}`, (r) => (fail ? r.abort() : r.continue()));
    await openView(page, env.srv.base, '#/statements?fig=cis.revenue');
    await page.waitForSelector('[data-testid="fact-source-failed"]');
    assert.match(await page.innerText('[data-testid="fact-source-failed"]'), /could not be loaded/);
    assert.equal(await page.innerText('[data-testid="fact-printed"]'), '66,835,299', 'the rest of the inspector works');
    fail = false;
    await page.click('[data-testid="fact-source-failed"] button');
    await page.waitForSelector('[data-testid="fact-source-line"]');
    assert.match(await page.innerText('[data-testid="fact-source-line"]'), /66,835,299/);
    assert.ok(problems().every((p) => p.includes(publish.on_demand.lines) || p.includes('Failed to load resource')), problems().join('\n'));
    await context.close();
  });
});

describe('hosting', () => {
  test('every text asset ships precompressed (.gz and .br) and is served gzip when asked', async () => {
    const files = await readdir(DIST);
    const text = files.filter((f) => /\.(html|js|css|wasm|svg|txt|json|webmanifest)$/.test(f));
    assert.ok(text.length > 15);
    for (const f of text) {
      assert.ok(files.includes(`${f}.gz`) && files.includes(`${f}.br`), f);
    }
    const gz = await startServer({ gzip: true });
    const res = await fetch(`${gz.base}index.html`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.match(await res.text(), /<html lang="en"/, 'fetch decodes it');
    await gz.close();
  });

  test('the web app manifest is valid: name, relative start_url and scope, theme colour, PNG icons', async () => {
    const { page, context } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview');
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    const url = new URL(href, env.srv.base).href;
    const manifest = await (await page.request.get(url)).json();
    assert.equal(manifest.name, 'IIJ Financial Explorer');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
      const png = Buffer.from(await (await page.request.get(new URL(icon.src, url).href)).body());
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size]);
    }
    await context.close();
  });

  test('a first visit fetches each file once: the service worker starts after the takeover and keeps the copies the page fetched', async () => {
    const srv = await startServer();
    const browser = await launchBrowser();
    try {
      const { page, context, problems } = await recordedPage(browser, { serviceWorkers: 'allow' });
      await openView(page, srv.base, '#/overview');
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      const sent = srv.served();
      const count = (name) => sent.filter((f) => f === name).length;
      const wasm = sent.filter((f) => f.endsWith('_bg.wasm'));
      assert.equal(wasm.length, 1, `the wasm is sent once, not again for the service worker: ${sent.join(', ')}`);
      for (const name of sent.filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm|txt|svg)$/.test(f))) {
        assert.equal(count(name), 1, `${name} is sent once`);
      }
      assert.ok(sent.indexOf('sw.js') > sent.indexOf(wasm[0]), `the worker is registered after the app's wasm has come: ${sent.join(', ')}`);
      // Installed whole: the release's cache holds the app, every page and the texts fetched on demand.
      const kept = await page.evaluate(async () => {
        const [name] = await caches.keys();
        const cache = await caches.open(name);
        return (await cache.keys()).map((r) => new URL(r.url).pathname.split('/').pop());
      });
      for (const name of [wasm[0], 'index.html', 'ratios.ja.html', 'sources.ja.html', publish.on_demand.ja, publish.on_demand.lines]) {
        assert.ok(kept.includes(name), `${name} is kept for offline use: ${kept.join(', ')}`);
      }
      assert.deepEqual(problems(), []);
      await context.close();
    } finally {
      await browser.close();
      await srv.close();
    }
  });

  test('service worker: after one visit every view opens with no network; a new release replaces the old in one step', async () => {
    const second = await mkdtemp(join(tmpdir(), 'iij-release-'));
    const srv = await startServer();
    const browser = await launchBrowser();
    try {
      const { page, context, problems } = await recordedPage(browser, { serviceWorkers: 'allow' });
      await openView(page, srv.base, '#/overview');
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      await page.reload();
      await appReady(page);
      assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled after a reload');
      await context.setOffline(true);
      for (const file of ['index.html', 'ratios.ja.html']) {
        await page.goto(`${srv.base}${file}`);
        await appReady(page);
      }
      for (const view of VIEWS) {
        await page.goto(`${srv.base}#/${view}`);
        await appReady(page);
        await page.waitForSelector(`[data-testid="view-${view}"]`);
      }
      await page.goto(`${srv.base}#/statements?fig=cis.revenue`);
      await page.waitForSelector('[data-testid="fact-source-line"]');
      await page.click('[data-testid="lang-ja"]');
      await page.waitForFunction(() => document.documentElement.lang === 'ja');
      await page.click('[data-testid="lang-en"]');
      await context.setOffline(false);
      assert.deepEqual(problems().filter((p) => !p.includes('Failed to load resource')), []);

      // A second release: the same files with another release id and a changed page.
      await cp(DIST, second, { recursive: true });
      const old = publish.release;
      const next = 'f'.repeat(old.length);
      // Every page names its release (the worker checks them all when it installs).
      for (const f of [...publish.pages, 'sw.js']) {
        const text = await readFile(join(second, f), 'utf8');
        await writeFile(join(second, f), text.replaceAll(old, next).replace('<title>', '<meta name="iij-release" content="second"><title>'));
        await rm(join(second, `${f}.gz`), { force: true });
        await rm(join(second, `${f}.br`), { force: true });
      }
      srv.setRoot(second);
      await page.goto(`${srv.base}#/overview`);
      await appReady(page);
      assert.equal(await page.locator('meta[name="iij-release"]').count(), 0, 'the first release still serves this page');
      const banner = page.locator('#update-banner');
      await banner.waitFor();
      assert.match(await banner.innerText(), /A new version is available/);
      await Promise.all([page.waitForEvent('load'), banner.locator('button').click()]);
      await appReady(page);
      assert.equal(await page.locator('meta[name="iij-release"]').count(), 1, 'the reload shows the second release');
      const caches = await page.evaluate(() => caches.keys());
      assert.deepEqual(caches, [`iij-explorer-${next}`], 'only the new release is kept');
      await context.close();
    } finally {
      await browser.close();
      await srv.close();
      await rm(second, { recursive: true, force: true });
    }
  });
});
