// The wasm split by view (issue 25): the Overview's first load holds no view's module; a
// deep link fetches its view's modules beside the main module; the others come when the
// browser is idle after the takeover, so a tab is then answered at once; a module that
// cannot be had (blocked, tampered with) is told in the page's language with "Try again",
// and the rest of the app keeps working.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const PUBLISH = JSON.parse(readFileSync(fileURLToPath(new URL('../../target/publish.json', import.meta.url)), 'utf8'));
const MAIN_WASM = PUBLISH.first_load.find((f) => f.endsWith('_bg.wasm'));

/** Records, in the page, whether a view's loading line was ever shown: `window.__loadingSeen`. */
async function watchTakeover(page) {
  await page.addInitScript(() => {
    window.__loadingSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.chunk-loading')) window.__loadingSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
}

/** When the app took over, as it marks it (in the same task as the swap). */
const takeoverAt = (page) => page.evaluate(() => performance.getEntriesByName('iij:taken-over')[0]?.startTime);

/** Each view's own module and the whole dataset's: what the Overview must not fetch unasked. */
const viewModules = () => [...new Set(Object.values(PUBLISH.views).flatMap((files) => [files[0], files.find((f) => f.startsWith('split_dataset-'))]))];

/** The files the page has fetched, each with when its request started and its response ended. */
const fetched = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd })));

/** Only the problems a blocked or tampered module is expected to cause. */
const unexpected = (problems, file) => problems.filter((p) => !p.includes(file) && !/integrity|Failed to fetch|NetworkError|TypeError|load failed|net::ERR_FAILED/i.test(p));

describe('the wasm split by view', () => {
  test('the Overview fetches no view module before the takeover; the idle prefetch fetches them all, and a tab is then answered at once', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await watchTakeover(page);
    await openView(page, env.srv.base, '#/overview');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch === 'done');
    const takeover = await takeoverAt(page);
    assert.ok(takeover > 0, 'the app marks its takeover');
    const files = await fetched(page);
    for (const module of PUBLISH.modules) {
      const f = files.find((x) => x.name === module);
      assert.ok(f, `${module} fetched by the prefetch`);
      assert.ok(f.start >= takeover, `${module} fetched before the takeover (${f.start} < ${takeover})`);
    }
    assert.equal(await page.evaluate(() => window.__loadingSeen), false);
    for (const view of ['statements', 'scenarios', 'sources']) {
      await page.click(`[data-testid="nav-${view}"]`);
      await page.waitForSelector(`main [data-testid="view-${view}"]:not([aria-busy])`);
    }
    assert.equal(await page.evaluate(() => window.__loadingSeen), false, 'a prefetched view showed its loading line');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  // The view's own page and a fragment on another page, on a phone's link (Lighthouse's mobile
  // profile: 150 ms round trip, 1.6 Mbps): on loopback the main module would be in before the
  // page is painted, and "side by side" would say nothing.
  for (const [view, address] of [['statements', 'statements.html'], ['scenarios', 'index.html#/scenarios']]) {
    test(`a deep link to ${view} (${address}) fetches its modules beside the main module, and the page is whole when the app takes over`, async () => {
      const { page, context, problems } = await recordedPage(env.browser);
      await watchTakeover(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await page.goto(`${env.srv.base}${address}`);
      await appReady(page);
      const files = await fetched(page);
      const main = files.find((f) => f.name === MAIN_WASM);
      assert.ok(main, 'the main module');
      // The page's preload is the fetch the app uses: once, not twice.
      assert.equal(files.filter((f) => f.name === MAIN_WASM).length, 1, 'the main module fetched once');
      assert.ok(PUBLISH.views[view].length >= 2, 'the view, and the whole dataset at least');
      for (const module of PUBLISH.views[view]) {
        const f = files.find((x) => x.name === module);
        assert.ok(f, `${module} fetched`);
        // Asked for before the main module had arrived: side by side, not after it.
        assert.ok(f.start < main.end, `${module} asked for at ${f.start} ms, after the main module ended at ${main.end} ms`);
        assert.equal(files.filter((x) => x.name === module).length, 1, `${module} fetched once`);
      }
      assert.equal(await page.locator(`main [data-testid="view-${view}"][aria-busy]`).count(), 0);
      assert.equal(await page.evaluate(() => window.__loadingSeen), false, 'the view showed a loading line');
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }

  test('a blocked module: the view says so in Japanese with "Try again", the other views work, and it loads once the network is back', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    const ratios = PUBLISH.views.ratios[0];
    assert.match(ratios, /^split_view_ratios-/);
    await page.route(`**/${ratios}`, (route) => route.abort());
    await openView(page, env.srv.base, '#/overview?lang=ja');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch === 'done');
    await page.click('[data-testid="nav-ratios"]');
    const failed = page.locator('[data-testid="view-ratios"] [data-testid="chunk-failed"]');
    await failed.waitFor();
    assert.match(await failed.innerText(), /この画面を読み込めませんでした/);
    assert.equal(await page.locator('main h2').innerText(), '比率');
    // Another view, and the Overview, still work.
    await page.click('[data-testid="nav-statements"]');
    await page.waitForSelector('main [data-testid="view-statements"] [data-fig="cis.revenue"]');
    await page.click('[data-testid="nav-ratios"]');
    await failed.waitFor();
    await page.unrouteAll({ behavior: 'wait' });
    await page.click('[data-testid="chunk-retry"]');
    await page.waitForSelector('main [data-testid="view-ratios"] button.fig');
    assert.equal(await page.locator('[data-testid="chunk-failed"]').count(), 0);
    assert.deepEqual(unexpected(problems(), ratios), []);
    await context.close();
  });

  test('a tampered module is refused by its integrity check: a message, and the page keeps working', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    const sources = PUBLISH.views.sources[0];
    assert.match(sources, /^split_view_sources-/);
    await page.route(`**/${sources}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await page.goto(`${env.srv.base}#/sources`);
    await appReady(page);
    const failed = page.locator('[data-testid="view-sources"] [data-testid="chunk-failed"]');
    await failed.waitFor();
    assert.match(await failed.innerText(), /This view could not be loaded/);
    assert.ok(problems().some((p) => /integrity/i.test(p)), problems().join('\n'));
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('main [data-testid="view-overview"] [data-testid="progress"]');
    await page.unrouteAll({ behavior: 'wait' });
    await page.click('[data-testid="nav-sources"]');
    await page.waitForSelector('main [data-testid="view-sources"] [data-testid="fact-search"]');
    assert.deepEqual(unexpected(problems(), sources), []);
    await context.close();
  });

  test('a visitor saving data gets no prefetch', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    });
    await openView(page, env.srv.base, '#/overview');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch === 'skipped');
    const names = (await fetched(page)).map((f) => f.name);
    assert.deepEqual(names.filter((n) => viewModules().includes(n)), []);
    // A tap still loads what the view needs.
    await page.click('[data-testid="nav-charts"]');
    await page.waitForSelector('main [data-testid="view-charts"]:not([aria-busy]) figure.chart');
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
