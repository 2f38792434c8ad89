// End-to-end tests of the app shell on the release build, served under a sub-path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const VIEWS = [
  ['overview', 'Overview'],
  ['statements', 'Statements'],
  ['ratios', 'Ratios'],
  ['scenarios', 'Scenarios'],
  ['charts', 'Charts'],
  ['sources', 'Sources & checks'],
];

const env = useServerAndBrowser();

describe('the app shell', () => {
  for (const [slug, title] of VIEWS) {
    test(`#/${slug} loads by its URL with no console error or failed request`, async () => {
      const { page, context, problems } = await recordedPage(env.browser);
      await openView(page, env.srv.base, `#/${slug}`);
      assert.ok(await page.locator(`main [data-testid="view-${slug}"]`).isVisible());
      assert.equal(await page.locator('header nav a[aria-current="page"]').innerText(), title);
      assert.equal(await page.title(), `${title} · IIJ Financial Explorer`);
      assert.equal(await page.locator('header h1').innerText(), 'Internet Initiative Japan Inc.');
      // Let late requests (favicon) finish before judging.
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }

  test('the bare sub-path opens the Overview', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '');
    assert.ok(await page.locator('[data-testid="view-overview"]').isVisible());
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('navigation works by click and by back and forward', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview');
    await page.click('[data-testid="nav-statements"]');
    await page.waitForSelector('[data-testid="view-statements"]');
    assert.match(page.url(), /\/ir\/explorer\/#\/statements$/);
    await page.click('[data-testid="nav-sources"]');
    await page.waitForSelector('[data-testid="view-sources"]');

    await page.goBack();
    await page.waitForSelector('[data-testid="view-statements"]');
    await page.goBack();
    await page.waitForSelector('[data-testid="view-overview"]');
    await page.goForward();
    await page.waitForSelector('[data-testid="view-statements"]');
    assert.equal(await page.locator('header nav a[aria-current="page"]').innerText(), 'Statements');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a junk route shows the not-found view with a way back', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/balance%20sheets?x=%ZZ');
    assert.ok(await page.locator('[data-testid="view-not-found"]').isVisible());
    assert.equal(await page.locator('.not-found code').innerText(), 'balance sheets');
    await page.click('.not-found a');
    await page.waitForSelector('[data-testid="view-overview"]');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a panic replaces the page with a message and a reload link', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await page.goto(`${env.srv.base}#/selftest/panic`);
    const crash = page.locator('#crash');
    await crash.waitFor();
    assert.equal(await crash.locator('h1').innerText(), 'Something went wrong');
    assert.match(await crash.locator('pre').innerText(), /self-test panic/);
    const href = await crash.locator('a').getAttribute('href');
    assert.equal(href, env.srv.base, 'the reload link drops the fragment');
    assert.ok(problems().some((p) => p.includes('IIJ Financial Explorer stopped')), 'the panic is logged');
    await crash.locator('a').click();
    await page.waitForSelector('[data-testid="view-overview"]');
    await context.close();
  });

  test('the skip link moves focus to the main content without changing the route', async () => {
    const { page, context } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/ratios');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
    assert.match(page.url(), /#\/ratios$/);
    // An in-page anchor in the address leaves the view as it is.
    await page.evaluate(() => { location.hash = '#main-content'; });
    await page.waitForFunction(() => location.hash === '#main-content');
    assert.equal(await page.locator('main [data-testid="view-ratios"]').count(), 1);
    await context.close();
  });

  test('before the app has taken over, the skip link moves focus without touching the route, and the app starts on the page\'s view', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route('**/*_bg.wasm', async (r) => { await held; await r.continue(); });
    await page.goto(`${env.srv.base}statements.html`);
    await page.waitForFunction(() => document.getElementById('prerender') && location.hash === '#/statements');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
    assert.ok(await page.evaluate(() => !!document.getElementById('prerender')), 'still the prerendered page');
    assert.match(page.url(), /statements\.html#\/statements$/);
    release();
    await appReady(page);
    assert.equal(await page.locator('main [data-testid="view-statements"]').count(), 1);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a page opened at an in-page anchor (the skip link followed natively) shows its own view, never "Page not found"', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    for (const [file, view] of [['ratios.html', 'ratios'], ['index.ja.html', 'overview']]) {
      await page.goto(`${env.srv.base}${file}#main-content`);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pre-off')), false, `${file}: the prerendered page stands`);
      await appReady(page);
      assert.equal(await page.locator(`main [data-testid="view-${view}"]`).count(), 1, file);
      assert.equal(await page.locator('[data-testid="view-not-found"]').count(), 0, file);
      // Left alone, or (in Japanese, where the app keeps `lang=ja` in the address) the page's own view.
      assert.match(page.url(), new RegExp(`${file.replace('.', '\\.')}#(main-content|/${view}\\?lang=ja)$`), 'the fragment is not read as a view');
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
