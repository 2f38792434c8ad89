// The two published editions: the hosted build's strict CSP, same-origin requests and
// subresource integrity; the offline single file opened from file:// with no network.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const OFFLINE = pathToFileURL(join(DIST, 'iij-explorer-offline.html')).href;
const VIEWS = ['overview', 'statements', 'ratios', 'scenarios', 'charts', 'sources', 'documents'];

/** Reports CSP violations as console errors, which recordedPage counts as problems. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Exercises a view the way a visitor would, beyond loading it. */
async function use(page, view) {
  if (view === 'statements') await page.click('[data-fig="cis.revenue"]');
  if (view === 'ratios') await page.click('button.fig >> nth=0');
  if (view === 'sources') await page.fill('[data-testid="fact-search"]', 'deficit');
  if (view === 'documents') {
    await page.click('.doc-body button[data-fact="cis.revenue"]');
    await page.waitForSelector('[data-testid="fact-panel"] [data-testid="fact-printed"]');
  }
  if (view === 'scenarios') {
    await page.fill('[data-driver="gm_si@2010"]', '35');
    await page.press('[data-driver="gm_si@2010"]', 'Enter');
    await page.waitForFunction(() => location.hash.includes('gm_si='));
    await page.click('[data-testid="mc-run"]');
    await page.waitForSelector('[data-testid="mc-result"]');
  }
}

describe('hosted edition', () => {
  test('every view under a strict CSP: no violation, and no request leaves the origin', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await watchCsp(page);
    const origin = new URL(env.srv.base).origin;
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const view of VIEWS) {
      await openView(page, env.srv.base, `#/${view}`);
      await use(page, view);
    }
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.ok(requests.length > 0);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'requests to another origin');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a tampered wasm is refused by its integrity check', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await page.route('**/*_bg.wasm', async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await page.goto(`${env.srv.base}#/overview`);
    // The boot script says the app could not start: what a visitor is told.
    await page.waitForSelector('#start-failed');
    // The app must not start: the prerendered first screen is still the page's.
    assert.equal(await page.locator('#prerender').count(), 1, 'the app must not start');
    assert.ok(problems().some((p) => /integrity/i.test(p)), problems().join('\n'));
    // The prerendered first screen stays readable, and the visitor is told the app did not start.
    assert.match(await page.locator('#start-failed').innerText(), /could not be started/);
    assert.ok(await page.isVisible('#prerender [data-testid="view-overview"]'));
    await context.close();
  });

  test('the page links to the offline file, and the build ships it and a zip', async () => {
    const { page, context } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview');
    const href = await page.getAttribute('[data-testid="offline-link"]', 'href');
    assert.equal(href, './iij-explorer-offline.html');
    const res = await page.request.get(new URL(href, env.srv.base).href);
    assert.equal(res.status(), 200);
    const zip = await page.request.get(new URL('./iij-explorer.zip', env.srv.base).href);
    assert.equal(zip.status(), 200);
    // The zip's directory names the offline file and the two workbooks beside it.
    const listing = (await zip.body()).toString('latin1');
    for (const name of ['iij-explorer-offline.html', 'iij-explorer.xlsx', 'iij-explorer-ja.xlsx']) {
      assert.ok(listing.includes(`iij-explorer/${name}`), `${name} in the zip`);
    }
    await context.close();
  });
});

describe('offline edition', () => {
  test('opens from file:// with every network request blocked; every view, a scenario change, a link and saving work', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await watchCsp(page);
    const attempted = [];
    await context.route(/^(https?|wss?):/, (route) => {
      attempted.push(route.request().url());
      return route.abort();
    });
    for (const view of VIEWS) {
      await page.goto(`${OFFLINE}#/${view}`);
      await appReady(page);
      await page.waitForSelector(`[data-testid="view-${view}"]`);
      await use(page, view);
    }
    // The workbook links (in Sources) point beside the offline file, where the zip puts the workbooks.
    await page.goto(`${OFFLINE}#/sources`);
    await appReady(page);
    for (const id of ['workbook-en', 'workbook-ja']) {
      const href = await page.getAttribute(`[data-testid="${id}"]`, 'href');
      const beside = new URL(href, OFFLINE);
      assert.equal(beside.protocol, 'file:');
      assert.ok(existsSync(fileURLToPath(beside)), `${beside} is beside the offline file`);
    }
    // A scenario link opens with its drivers.
    await page.goto(`${OFFLINE}#/scenarios?preset=plan&gm_si=40`);
    await appReady(page);
    await page.waitForSelector('[data-testid="projection"]');
    assert.equal(await page.inputValue('[data-driver="gm_si@2011"]'), '40');
    // Saving works from file:// too.
    await page.fill('[data-testid="save-name"]', 'Offline case');
    await page.click('[data-testid="save"]');
    assert.equal(await page.innerText('[data-testid="save-message"]'), 'Saved “Offline case”.');
    // Japanese, a chart download and a CSV work offline too.
    await page.click('[data-testid="lang-ja"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    assert.equal(await page.innerText('[data-testid="nav-scenarios"]'), 'シナリオ');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.table-tools [data-testid="csv"]').first().click()]);
    assert.equal(csv.suggestedFilename(), 'iij-scenario-projection.csv');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="chart-projection"] [data-testid="chart-png"]').click()]);
    assert.equal(png.suggestedFilename(), 'iij-projection.png');
    assert.deepEqual(attempted, [], 'no network request');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a browser without DecompressionStream is told why the app cannot start', async () => {
    const { page, context } = await recordedPage(env.browser);
    await page.addInitScript(() => { delete globalThis.DecompressionStream; });
    await page.goto(`${OFFLINE}#/overview`);
    const alert = page.locator('[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /too old to open the offline IIJ Financial Explorer/);
    assert.equal(await page.locator('[data-testid="view-overview"]').count(), 0);
    await context.close();
  });
});
