// End-to-end tests of the charts on the release build: each renders with its accessible
// name, its table switch shows the same numbers, downloads are valid SVG and PNG, it
// redraws at a new width, follows the theme, and the scenario charts follow the drivers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

// Chart key, its accessible name, and a row of its table as worked out by hand from the
// documents (JPY billions; see tests/charts.rs for the arithmetic).
const CHARTS = [
  ['trend', 'Revenues and operating income: FY2004–FY2007, FY2008 forecast, mid-term target', ['FY2007', '66.8', '4.8', 'Actual']],
  ['segments', 'Segment revenue mix and gross margin ratios, FY2006 and FY2007', ['Connectivity and VAS', '≈24.4', '31.3', '15.6%', '16.8%']],
  ['balance', 'Balance-sheet composition, March 31, 2007 and 2008', ['Cash', '13.6', '11.5']],
  ['bridge', 'Operating-income bridge, FY2007 to FY2008 forecast', ['FY2007 operating income (actual)', '4.76']],
  ['projection', 'Scenario projection against the mid-term targets', ['FY2004', '41.7', '1.2']],
  ['heatmap', 'FY2010 operating income (JPY billions) by revenue growth, every year and operating margin, every year', ['0.0%', '2.7']],
];

const rowCells = (page, key, heading) =>
  page.locator(`[data-testid="chart-${key}"] [data-testid="chart-table"] tr`, { has: page.locator(`th:text-is("${heading}")`) }).locator('th, td').allInnerTexts();

describe('Charts', () => {
  test('every chart renders with its accessible name, and its table switch shows the numbers', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/charts');
    // The page's own drawings stand until the app's drawing has loaded, first thing after the
    // takeover; the app says when its loading is over.
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    for (const [key, name, row] of CHARTS) {
      const figure = page.locator(`[data-testid="chart-${key}"]`);
      await figure.locator('svg.chart-svg').waitFor();
      assert.equal(await page.getByRole('img', { name, exact: true }).count(), 1, `${key} named “${name}”`);
      const desc = await figure.locator('svg desc').textContent();
      assert.ok(desc.length > 60, `${key} has a description`);
      await figure.locator('[data-testid="chart-table-switch"]').click();
      assert.equal(await figure.locator('[data-testid="chart-table-switch"]').getAttribute('aria-pressed'), 'true');
      assert.equal(await figure.locator('svg.chart-svg').isVisible(), false);
      const cells = await rowCells(page, key, row[0]);
      assert.deepEqual(cells.slice(0, row.length), row, `${key} table row`);
      await figure.locator('[data-testid="chart-table-switch"]').click();
      assert.equal(await figure.locator('svg.chart-svg').isVisible(), true);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('downloads are a valid SVG and a PNG', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/charts');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    const figure = page.locator('[data-testid="chart-trend"]');
    await figure.locator('svg.chart-svg').waitFor();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-testid="chart-svg"]').click()]);
    assert.equal(svgDownload.suggestedFilename(), 'iij-trend.svg');
    const svg = await readFile(await svgDownload.path(), 'utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /fill="#1b1f24"/, 'carries its own colours');
    assert.doesNotMatch(svg, /class="[fs]-/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.nodeName, title: doc.querySelector('title')?.textContent };
    }, svg);
    assert.deepEqual(parsed, { error: 0, root: 'svg', title: CHARTS[0][1] });
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-testid="chart-png"]').click()]);
    assert.equal(pngDownload.suggestedFilename(), 'iij-trend.png');
    const png = await readFile(await pngDownload.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the drawn size: the IHDR width is at bytes 16-19.
    const drawn = Number(await figure.locator('svg.chart-svg').getAttribute('width'));
    assert.equal(png.readUInt32BE(16), drawn * 2);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a chart is redrawn for a new width, and follows the theme', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    const svg = page.locator('[data-testid="chart-trend"] svg.chart-svg');
    await svg.waitFor();
    const wide = Number(await svg.getAttribute('width'));
    assert.ok(wide > 900, `desktop width ${wide}`);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="chart-trend"] svg.chart-svg').getAttribute('width')) < 360);
    // Narrow: the two panels stack, so the drawing is taller than wide.
    assert.ok(Number(await svg.getAttribute('height')) > Number(await svg.getAttribute('width')));
    const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="chart-trend"] .f-bg')).fill);
    assert.equal(await bg(), 'rgb(255, 255, 255)');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    assert.equal(await bg(), 'rgb(22, 27, 34)');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('scenario charts follow the drivers, and show the Monte Carlo band for the scenario it ran on', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/scenarios?preset=plan');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    const projection = page.locator('[data-testid="chart-projection"]');
    await projection.locator('svg.chart-svg').waitFor();
    // The company plan's FY2008 bridge ends at the forecast's 5.2 billion.
    assert.match(await page.locator('[data-testid="chart-bridge"] svg desc').textContent(), /to 5\.20 billion in FY2008/);
    await page.click('[data-testid="mc-run"]');
    await page.waitForSelector('[data-testid="mc-result"]');
    await page.waitForFunction(() => /Monte Carlo P10–P90/.test(document.querySelector('[data-testid="chart-projection"] svg').textContent));
    // Every segment grows 30% in FY2008: the bridge and projection change, the stale band goes.
    for (const seg of ['cvas', 'si', 'eq']) {
      await page.fill(`[data-driver="g_${seg}@2008"]`, '30');
      await page.press(`[data-driver="g_${seg}@2008"]`, 'Enter');
    }
    await page.waitForFunction(() => !/to 5\.20 billion in FY2008/.test(document.querySelector('[data-testid="chart-bridge"] svg desc').textContent));
    assert.doesNotMatch(await projection.locator('svg').textContent(), /Monte Carlo P10–P90/);
    // FY2008 revenues: 66.835299 billion x 1.3 = 86.9 billion, in the projection's table.
    await projection.locator('[data-testid="chart-table-switch"]').click();
    assert.deepEqual((await rowCells(page, 'projection', 'FY2008')).slice(0, 2), ['FY2008', '86.9']);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('statement charts, the sensitivity heatmap and ratio sparklines carry names', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/statements?s=segments');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    await page.locator('[data-testid="chart-segments"] svg.chart-svg').waitFor();
    await openView(page, env.srv.base, '#/statements?s=balance');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    await page.locator('[data-testid="chart-balance"] svg.chart-svg').waitFor();
    await openView(page, env.srv.base, '#/statements?s=income');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    assert.equal(await page.locator('figure.chart').count(), 0, 'no chart where none tells the story');
    await openView(page, env.srv.base, '#/scenarios');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    await page.locator('[data-testid="sensitivity"] [data-testid="chart-heatmap"] svg.chart-svg').waitFor();
    await openView(page, env.srv.base, '#/ratios?g=growth');
    await page.waitForFunction(() => document.documentElement.dataset.prefetch);
    const spark = page.locator('.spark-box svg').first();
    await spark.waitFor();
    assert.match(await spark.getAttribute('aria-label'), /^Trend: FY\d{4}/);
    assert.equal(await spark.getAttribute('role'), 'img');
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
