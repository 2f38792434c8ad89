// End-to-end tests of the Sources & checks view on the release build, under a sub-path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

describe('Sources & checks', () => {
  test('the workbooks download from the page, in both languages', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/sources');
    for (const [id, name] of [['workbook-en', 'iij-explorer.xlsx'], ['workbook-ja', 'iij-explorer-ja.xlsx']]) {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${id}"]`)]);
      assert.equal(d.suggestedFilename(), name);
      const bytes = readFileSync(await d.path());
      // An .xlsx is a zip (PK) holding xl/workbook.xml.
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      assert.ok(bytes.includes(Buffer.from('xl/workbook.xml')), `${name} is a workbook`);
      assert.ok(bytes.length > 20_000, `${name}: ${bytes.length} bytes`);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('search, open a fact, read its source line, and the URL restores it', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/sources');
    await page.fill('[data-testid="fact-search"]', '66,835,299');
    const results = page.locator('[data-testid="search-results"] a');
    await results.first().waitFor();
    const labels = await results.allInnerTexts();
    assert.ok(labels.includes('Total revenues'), labels.join(' | '));
    await page.click('[data-testid="search-results"] a:text-is("Total revenues")');
    await page.waitForSelector('[data-testid="fact-panel"]');
    assert.match(page.url(), /#\/sources\?q=66%2C835%2C299&fact=cis\.revenue$/);
    // From the notice: "Total revenues	66,835,299" is line 487.
    assert.equal(await page.innerText('[data-testid="fact-printed"]'), '66,835,299');
    assert.match(await page.innerText('[data-testid="fact-line"]'), /^line 487 of /);
    assert.match(await page.innerText('[data-testid="fact-source-line"]'), /Total revenues/);
    assert.match(await page.innerText('[data-testid="fact-document"]'), /Convocation Notice/);

    // A new page at the same URL shows the same fact and keeps the search text.
    const second = await context.newPage();
    await second.goto(page.url());
    await appReady(second);
    await second.waitForSelector('[data-testid="fact-panel"]');
    assert.equal(await second.innerText('[data-testid="fact-printed"]'), '66,835,299');
    assert.equal(await second.inputValue('[data-testid="fact-search"]'), '66,835,299');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the checks table filters by status and every shown row has that status', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/sources');
    const all = await page.locator('[data-testid="checks-table"] tbody tr').count();
    assert.ok(all >= 300, `only ${all} checks listed`);
    await page.selectOption('[data-testid="check-filter"]', 'erratum');
    const statuses = await page.locator('[data-testid="checks-table"] tbody tr .status').allInnerTexts();
    assert.ok(statuses.length > 0 && statuses.length < all);
    assert.ok(statuses.every((s) => s.startsWith('erratum')), statuses.join(', '));
    assert.match(page.url(), /status=erratum/);
    // No check fails.
    await page.selectOption('[data-testid="check-filter"]', 'all');
    assert.equal(await page.locator('[data-testid="checks-table"] .status-fail').count(), 0);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('junk in the URL gives a clear message and a working view', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/sources?fact=%3Cimg%20src%3Dx%3E&section=zzz&status=bogus');
    assert.match(await page.innerText('[data-testid="fact-panel"]'), /There is no figure with the id “<img src=x>”/);
    assert.equal(await page.locator('[data-testid="fact-panel"] img').count(), 0);
    assert.match(await page.innerText('main'), /There is no section with the id “zzz”/);
    // An unknown status filter says so and shows every check; choosing one works.
    assert.match(await page.innerText('[data-testid="filter-message"]'), /status “bogus”, which does not exist; all checks are shown/);
    assert.ok((await page.locator('[data-testid="checks-table"] tbody tr').count()) >= 300);
    await page.selectOption('[data-testid="check-filter"]', 'pass');
    assert.ok((await page.locator('[data-testid="checks-table"] tbody tr').count()) > 100);
    await page.fill('[data-testid="fact-search"]', 'minority interest');
    await page.locator('[data-testid="search-results"] a').first().waitFor();
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
