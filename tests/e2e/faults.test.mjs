// Issue 27: the faults a real visitor meets, injected by the test: the main wasm cut off
// halfway and a server error for it, a view's module cut off halfway and a server error for
// it; local storage throwing on every call, a full storage when a scenario is saved; two tabs
// saving scenarios at the same time. Each time the page stays readable, says what happened in
// its language, offers "Try again" where trying again can help, and loses nothing else.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const publish = JSON.parse(await readFile(new URL('../../target/publish.json', import.meta.url), 'utf8'));
const MAIN_WASM = publish.first_load.find((f) => f.endsWith('_bg.wasm'));

/** Serves `file` cut off halfway (the connection dropped), or with `status`, until `heal()`. */
async function broken(page, file, { status = 200 } = {}) {
  const bytes = await readFile(join(DIST, file));
  let healed = false;
  await page.route(`**/${file}`, (r) => {
    if (healed) return r.continue();
    if (status !== 200) return r.fulfill({ status, body: 'Internal Server Error' });
    return r.fulfill({ status: 200, contentType: 'application/wasm', body: bytes.subarray(0, bytes.length >> 1) });
  });
  return () => { healed = true; };
}

/** The problems a fault is expected to cause (the failed fetch itself), set aside. */
const others = (problems, file) => problems.filter((p) => !p.includes(file) && !/could not be started|Failed to load resource/.test(p));

describe('faults', () => {
  for (const [what, options] of [['cut off halfway', {}], ['a server error (500)', { status: 500 }]]) {
    for (const lang of ['en', 'ja']) {
      test(`the main wasm ${what}, ${lang}: the page stays readable, says so, and "Try again" recovers`, async () => {
        const { page, context, problems } = await recordedPage(env.browser);
        const heal = await broken(page, MAIN_WASM, options);
        await page.goto(`${env.srv.base}${lang === 'ja' ? 'statements.ja.html' : 'statements.html'}`);
        const note = page.locator('#start-failed');
        await note.waitFor();
        assert.match(await note.innerText(), lang === 'ja' ? /起動できませんでした/ : /could not be started/);
        assert.ok(await page.isVisible('#prerender [data-testid="view-statements"]'), 'the published first screen stays');
        assert.ok(await page.locator('#prerender table').count() > 0);
        const retry = page.locator('[data-testid="start-retry"]');
        assert.equal(await retry.innerText(), lang === 'ja' ? '再試行' : 'Try again');
        heal();
        await Promise.all([page.waitForEvent('load'), retry.click()]);
        await appReady(page);
        assert.equal(await page.locator('#start-failed').count(), 0);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(others(problems(), MAIN_WASM), []);
        await context.close();
      });
    }

    test(`a view's module ${what}: the view says so, the others work, "Try again" loads it`, async () => {
      const { page, context, problems } = await recordedPage(env.browser);
      const module = publish.views.ratios.find((f) => f.startsWith('split_view_ratios') || f.includes('view_ratios')) ?? publish.views.ratios[0];
      const heal = await broken(page, module, options);
      await openView(page, env.srv.base, '#/overview');
      await page.click('[data-testid="nav-ratios"]');
      const failed = page.locator('[data-testid="chunk-failed"]');
      await failed.waitFor();
      assert.match(await failed.innerText(), /could not be loaded/);
      await page.click('[data-testid="nav-statements"]');
      await appReady(page, 'statements');
      assert.ok(await page.locator('[data-fig="cis.revenue"]').count() > 0, 'another view works');
      await page.click('[data-testid="nav-ratios"]');
      await failed.waitFor();
      heal();
      await page.click('[data-testid="chunk-retry"]');
      await appReady(page, 'ratios');
      assert.ok(await page.locator('[data-testid="view-ratios"] table').count() > 0);
      assert.deepEqual(others(problems(), module), []);
      await context.close();
    });
  }

  test('local storage throwing on every call: the app works, and saving a scenario says why it cannot', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await context.addInitScript(() => {
      const refuse = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
      for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) Storage.prototype[m] = refuse;
      Object.defineProperty(Storage.prototype, 'length', { get: refuse });
    });
    await openView(page, env.srv.base, '#/scenarios');
    await page.selectOption('[data-testid="theme"]', 'dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.fill('[data-testid="save-name"]', 'Mine');
    await page.click('[data-testid="save"]');
    await page.waitForSelector('[data-testid="save-message"]');
    assert.match(await page.locator('[data-testid="save-message"]').innerText(), /refused to save|does not allow saving/);
    // The scenario itself is untouched and the other views work.
    assert.match(await page.locator('[data-testid="target-oi"]').innerText(), /not met|met/);
    await page.click('[data-testid="nav-statements"]');
    await appReady(page, 'statements');
    await page.click('[data-testid="lang-ja"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a full storage when saving a scenario: a clear message, the list and the rest kept', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/scenarios');
    await page.fill('[data-testid="save-name"]', 'First');
    await page.click('[data-testid="save"]');
    // Saved from plain #/scenarios: the company plan, named in what is kept.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="saved-list"] li a').length === 1);
    assert.equal(await page.evaluate(() => localStorage.getItem('iij-explorer/scenario/First')), 'preset=plan');
    assert.equal(await page.locator('[data-testid="saved-broken"]').count(), 0);
    await page.evaluate(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k.startsWith('iij-explorer/scenario/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    await page.fill('[data-testid="save-name"]', 'Second');
    await page.click('[data-testid="save"]');
    await page.waitForFunction(() => /refused to save/.test(document.querySelector('[data-testid="save-message"]')?.textContent ?? ''));
    const names = await page.locator('[data-testid="saved-list"] li a').allInnerTexts();
    assert.deepEqual(names, ['First'], 'the list keeps what was saved, nothing half-saved');
    // Other settings are still remembered.
    await page.selectOption('[data-testid="theme"]', 'dark');
    assert.equal(await page.evaluate(() => localStorage.getItem('iij-explorer/theme')), 'dark');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('two tabs saving scenarios at the same time: both kept, each list shows both', async () => {
    const { page: a, context, problems } = await recordedPage(env.browser);
    const b = await context.newPage();
    await openView(a, env.srv.base, '#/scenarios?preset=plan');
    await openView(b, env.srv.base, '#/scenarios?preset=cautious');
    await a.fill('[data-testid="save-name"]', 'From A');
    await b.fill('[data-testid="save-name"]', 'From B');
    await Promise.all([a.click('[data-testid="save"]'), b.click('[data-testid="save"]')]);
    for (const p of [a, b]) {
      await p.waitForFunction(() => document.querySelectorAll('[data-testid="saved-list"] li a').length === 2);
      assert.deepEqual(await p.locator('[data-testid="saved-list"] li a').allInnerTexts(), ['From A', 'From B']);
    }
    const stored = await a.evaluate(() => [localStorage.getItem('iij-explorer/scenario/From A'), localStorage.getItem('iij-explorer/scenario/From B')]);
    assert.match(stored[0], /^preset=plan/);
    assert.match(stored[1], /^preset=cautious/);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
