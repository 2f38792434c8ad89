// Issue 27: the faults a real visitor meets, injected by the test: the main wasm cut off
// halfway and a server error for it, a view's module cut off halfway and a server error for
// it; local storage throwing on every call, a full storage when a scenario is saved; two tabs
// saving scenarios at the same time; a view's module gone from the host after a release
// change, with the old service worker still in charge until the new one takes over. Each
// time the page stays readable, says what happened in its language, offers "Try again" where
// trying again can help, and loses nothing else.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, appReady, openView, recordedPage, startServer, useServerAndBrowser } from './harness.mjs';

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

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const HASHED = /-([0-9a-f]{16})((?:_bg)?\.(?:js|wasm))$/;

/**
 * A second release in a folder of its own, as a host has it after a deploy that replaced the
 * folder: the view module `gone` under another name (the old one is gone from the host), the
 * pages and the worker naming release `next` (the pages also carry a marker to tell them), and
 * as the build does it, every hashed file whose content changed under a new name, every
 * reference to a renamed file and every integrity of a changed file rewritten.
 */
async function secondRelease(gone, next) {
  const dir = await mkdtemp(join(tmpdir(), 'iij-release-'));
  await cp(DIST, dir, { recursive: true });
  const renamed = gone.replace(HASHED, `-${'f'.repeat(16)}$2`);
  await rename(join(dir, gone), join(dir, renamed));
  const stale = new Set([gone]);
  const edit = async (replace) => {
    const changed = [];
    for (const f of (await readdir(dir)).filter((f) => /\.(html|js)$/.test(f))) {
      const before = await readFile(join(dir, f), 'utf8');
      const after = replace(before, f);
      if (after !== before) {
        await writeFile(join(dir, f), after);
        changed.push([f, before, after]);
      }
    }
    return changed;
  };
  let changed = await edit((t, f) => {
    const out = t.replaceAll(gone, renamed).replaceAll(publish.release, next);
    return f.endsWith('.html') ? out.replace('<title>', '<meta name="iij-release" content="second"><title>') : out;
  });
  while (changed.length) {
    const swaps = [];
    for (const [f, before, after] of changed) {
      stale.add(f);
      swaps.push([sri(before), sri(after)]);
      if (HASHED.test(f)) {
        const to = f.replace(HASHED, `-${createHash('sha256').update(after).digest('hex').slice(0, 16)}$2`);
        await rename(join(dir, f), join(dir, to));
        swaps.push([f, to]);
      }
    }
    changed = await edit((t) => swaps.reduce((t, [a, b]) => t.replaceAll(a, b), t));
  }
  // The precompressed copies of what changed would be the first release's: gone, as a deploy
  // that compresses again would replace them.
  for (const f of stale) await Promise.all(['.gz', '.br'].map((z) => rm(join(dir, f + z), { force: true })));
  return { dir, renamed };
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

  for (const lang of ['en', 'ja']) {
    test(`a view's module gone with a release change, the old service worker's cache deleted by the new one, ${lang}: the view says so, and "Try again" opens the new release whole`, async () => {
      const gone = publish.views.ratios.find((f) => f.startsWith('split_view_ratios'));
      const next = 'e'.repeat(publish.release.length);
      const { dir } = await secondRelease(gone, next);
      const srv = await startServer();
      const { page, context, problems } = await recordedPage(env.browser, { serviceWorkers: 'allow' });
      // Saving data: no idle prefetch, so the Ratios module is fetched only when asked for.
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }));
      await page.goto(`${srv.base}${lang === 'ja' ? 'index.ja.html' : 'index.html'}`);
      await appReady(page);
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      await page.reload();
      await appReady(page);
      assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled by the first release');
      await page.waitForFunction(() => document.documentElement.dataset.prefetch === 'skipped');

      // The host is redeployed; in another tab the visitor accepts the new release, whose
      // worker takes over every tab and deletes the first release's cache.
      srv.setRoot(dir);
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg.update();
        const worker = reg.installing ?? reg.waiting;
        await new Promise((ok, fail) => {
          const check = () => (worker.state === 'redundant' ? fail(new Error('the second release did not install')) : ['installed', 'activated'].includes(worker.state) && ok());
          worker.addEventListener('statechange', check);
          check();
        });
        const taken = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
        // The controller changes as the worker starts activating; its old-cache deletion is
        // done when its state reads "activated".
        const activated = new Promise((ok) => {
          const check = () => worker.state === 'activated' && ok();
          worker.addEventListener('statechange', check);
          check();
        });
        worker.postMessage('skip-waiting');
        await Promise.all([taken, activated]);
      });
      assert.deepEqual(await page.evaluate(() => caches.keys()), [`iij-explorer-${next}`]);
      assert.equal(await page.locator('meta[name="iij-release"]').count(), 0, 'this page is still of the first release');
      // The first worker's install put every file of its release in the browser's HTTP cache
      // too; that cache drops files at its discretion (here: all of them), so the old module
      // is asked of the host.
      await (await context.newCDPSession(page)).send('Network.clearBrowserCache');

      await page.click('[data-testid="nav-ratios"]');
      const note = page.locator('[data-testid="chunk-failed"][data-reason="new-release"]');
      await note.waitFor();
      assert.match(await note.innerText(), lang === 'ja' ? /サイトが更新されました/ : /the site has been updated since this page was opened/);
      assert.ok(await page.isVisible('[data-testid="nav-statements"]'), 'the page stays readable');
      const retry = note.locator('[data-testid="chunk-retry"]');
      assert.equal(await retry.innerText(), lang === 'ja' ? '再試行' : 'Try again');
      await Promise.all([page.waitForEvent('load'), retry.click()]);
      await appReady(page, 'ratios');
      assert.equal(await page.locator('meta[name="iij-release"]').count(), 1, 'the page is of the second release');
      assert.equal(await page.getAttribute('meta[name="iij-build"]', 'content'), next);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.ok(await page.locator('[data-testid="view-ratios"] table').count() > 0, 'the view is there');
      assert.deepEqual(await page.evaluate(() => caches.keys()), [`iij-explorer-${next}`], 'one release kept');
      assert.deepEqual(others(problems(), gone), []);
      assert.ok(problems().some((p) => p.includes(`HTTP 404`) && p.includes(gone)), 'the fault happened: the old module was asked for and was gone');
      await context.close();
      await srv.close();
      await rm(dir, { recursive: true, force: true });
    });
  }
});
